import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { StageDefinition } from '../../libs/domain/chain';
import { ChainTemplateEntity } from '../../libs/persistence/entities';

/** Stores a chain template under a fresh code (a test fixture; the templates API has its own tests). */
export async function insertTemplate(dataSource: DataSource, stages: StageDefinition[], prefix = 'uji'): Promise<string> {
  const code = `${prefix}-${randomUUID().slice(0, 8)}`;
  await dataSource.getRepository(ChainTemplateEntity).insert({
    id: randomUUID(),
    code,
    version: 1,
    name: `Rantai uji ${code}`,
    categories: [],
    definition: { stages },
  });
  return code;
}

import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import type { StageDefinition } from '@libs/domain/chain';
import { type LockOptions, withAdvisoryLock } from './advisory-lock';
import { ChainTemplateEntity, PositionEntity } from './entities';
import type { CategoryChange } from './entities/chain-template.entity';

/** A version of a chain template as written: its stages are stored as `definition.stages`. */
export interface NewTemplateVersion {
  code: string;
  version: number;
  name: string;
  categories: string[];
  stages: StageDefinition[];
  categoryChanges: CategoryChange[];
}

/** How many proposals use one version of a template. */
export interface VersionUse {
  code: string;
  version: number;
  inUse: number;
}

/** The reads a template change makes inside its transaction, and those it makes outside one. */
export interface TemplateReads {
  /** The highest version of the template, or null when there is none. */
  latest(code: string): Promise<ChainTemplateEntity | null>;
}

const latestOf = (em: EntityManager, code: string) =>
  em.getRepository(ChainTemplateEntity).findOne({ where: { code }, order: { version: 'DESC' } });

/** The statements of one change of the chain templates, all in the transaction that holds their lock. */
export class TemplateChange implements TemplateReads {
  constructor(private readonly em: EntityManager) {}

  latest(code: string): Promise<ChainTemplateEntity | null> {
    return latestOf(this.em, code);
  }

  /**
   * The current versions (a template's highest) of the templates other than `exceptCode` that claim
   * one of `categories`, by code.
   */
  async currentVersionsClaiming(categories: string[], exceptCode: string): Promise<ChainTemplateEntity[]> {
    if (categories.length === 0) return [];
    return this.em
      .getRepository(ChainTemplateEntity)
      .createQueryBuilder('t')
      .where('t.categories && CAST(:categories AS text[])', { categories })
      .andWhere('t.code <> :code', { code: exceptCode })
      .andWhere('t.version = (SELECT max(l.version) FROM chain_template l WHERE l.code = t.code)')
      .orderBy('t.code', 'ASC')
      .getMany();
  }

  /**
   * Inserts a version unless unique(code, version) already holds that pair, and says whether it did.
   * ON CONFLICT DO NOTHING rather than catching the violation: a lost race is expected and must not be
   * logged as an error.
   */
  async insertVersion(row: NewTemplateVersion): Promise<boolean> {
    const { stages, ...rest } = row;
    const result = await this.em
      .getRepository(ChainTemplateEntity)
      .createQueryBuilder()
      .insert()
      .values({ id: randomUUID(), ...rest, definition: { stages } })
      .orIgnore()
      .execute();
    return Array.isArray(result.raw) && result.raw.length > 0;
  }
}

/**
 * The chain templates (table chain_template). Versions are immutable: nothing here updates or
 * deletes a row, a change inserts new versions.
 */
export class ChainTemplateStore implements TemplateReads {
  constructor(private readonly dataSource: DataSource) {}

  codeExists(code: string): Promise<boolean> {
    return this.dataSource.getRepository(ChainTemplateEntity).existsBy({ code });
  }

  latest(code: string): Promise<ChainTemplateEntity | null> {
    return latestOf(this.dataSource.manager, code);
  }

  /** The highest version of every template, by code. */
  latestVersions(): Promise<ChainTemplateEntity[]> {
    return this.dataSource
      .getRepository(ChainTemplateEntity)
      .createQueryBuilder('t')
      .distinctOn(['t.code'])
      .orderBy('t.code', 'ASC')
      .addOrderBy('t.version', 'DESC')
      .getMany();
  }

  version(code: string, version: number): Promise<ChainTemplateEntity | null> {
    return this.dataSource.getRepository(ChainTemplateEntity).findOneBy({ code, version });
  }

  /** Every version with the number of proposals using it, for one code or all of them, by version. */
  versionUses(code?: string): Promise<VersionUse[]> {
    const qb = this.dataSource
      .getRepository(ChainTemplateEntity)
      .createQueryBuilder('t')
      .leftJoin('proposal', 'p', 'p.template_id = t.id')
      .select(['t.code AS "code"', 't.version AS "version"', 'COUNT(p.id)::int AS "inUse"'])
      .groupBy('t.id')
      .orderBy('t.version', 'ASC');
    if (code !== undefined) qb.where('t.code = :code', { code });
    return qb.getRawMany<VersionUse>();
  }

  /** The posts among those a chain names by id or by code, with both. */
  async postsNamed(ids: string[], codes: string[]): Promise<{ id: string; code: string }[]> {
    const where = [...(ids.length ? [{ id: In(ids) }] : []), ...(codes.length ? [{ code: In(codes) }] : [])];
    if (where.length === 0) return [];
    return this.dataSource.getRepository(PositionEntity).find({ select: { id: true, code: true }, where });
  }

  /**
   * Runs `fn` in one transaction holding the chain templates' advisory lock. Which template claims a
   * category is a rule across rows: two writes checked side by side could each find the category free
   * and both claim it.
   */
  change<T>(lock: LockOptions, fn: (change: TemplateChange) => Promise<T>): Promise<T> {
    return withAdvisoryLock(this.dataSource, { kind: 'chainTemplates' }, lock, (em) => fn(new TemplateChange(em)));
  }
}

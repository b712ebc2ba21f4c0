import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@libs/persistence/data-source-options';
import { seedDemoOrganization } from '@libs/persistence/seed/demo-organization';

/** `npm run seed`: loads the demo organization into DATABASE_URL (idempotent). */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const ds = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    await seedDemoOrganization(ds);
    console.log('demo organization seeded');
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

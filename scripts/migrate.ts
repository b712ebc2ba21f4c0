import 'reflect-metadata';
import { runMigrations } from '@libs/persistence/run-migrations';

/** Applies pending migrations to DATABASE_URL (the compose stack's one-shot `migrate` service). */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const ran = await runMigrations(url);
  console.log(ran.length ? `applied: ${ran.join(', ')}` : 'schema is up to date');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

import { rmSync } from 'node:fs';
import { dropDatabase } from '@libs/devstack/postgres';
import { getTestStack } from './test-stack-state';

export default async function globalTeardown(): Promise<void> {
  const state = getTestStack();
  if (!state) return;
  await state.stopTemporal?.();
  if (state.databaseUrl && !process.env.KEEP_TEST_DATABASE) await dropDatabase(state.databaseUrl).catch(() => undefined);
  await state.stopPostgres?.();
  rmSync(state.workDir, { recursive: true, force: true });
}

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { canConnect, ensureDatabase, startEmbeddedPostgres } from '@libs/devstack/postgres';
import { runMigrations } from '@libs/persistence/run-migrations';
import { freePort } from '@libs/devstack/ports';
import { ensureTemporalCli } from '@libs/devstack/temporal-cli';
import { startTemporalDevServer } from '@libs/devstack/temporal-dev-server';
import { dataSourceOptions } from '@libs/persistence/data-source-options';
import { seedDemoOrganization } from '@libs/persistence/seed/demo-organization';
import globalTeardown from './global-teardown';
import { setTestStack, TestStackState } from './test-stack-state';
import { workflowBundlerOptions } from '@libs/temporal/workflow-bundler';

/**
 * Starts the real servers once for the e2e run: a Temporal dev server (in memory) and a fresh
 * Postgres database (on DATABASE_URL's server, the local one, or an embedded one), migrated and
 * seeded. The workflow bundle is built once here and shared by every test worker.
 */
export default async function globalSetup(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'estafet-e2e-'));
  // mkdtemp makes the folder private to its owner; as root the embedded Postgres runs as its own
  // system user, which must reach its data folder inside.
  chmodSync(work, 0o755);
  const state: TestStackState = { workDir: work };
  setTestStack(state);
  try {
    await start(state);
  } catch (err) {
    // Jest skips global teardown when setup fails: stop what was started so nothing is left running.
    await globalTeardown();
    throw err;
  }
}

async function start(state: TestStackState): Promise<void> {
  const work = state.workDir;

  const cli = ensureTemporalCli((line) => process.stdout.write(`${line}\n`));
  const temporal = await startTemporalDevServer({ cli, port: await freePort() });
  state.temporalPid = temporal.process.pid;
  state.stopTemporal = temporal.stop;

  const explicit = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  let serverUrl = explicit ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (!explicit && !(await canConnect(serverUrl))) {
    const embedded = await startEmbeddedPostgres(join(work, 'pg'), await freePort(), randomBytes(12).toString('hex'));
    state.stopPostgres = embedded.stop;
    serverUrl = embedded.url;
  }
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/estafet_test_${Date.now()}_${process.pid}`;
  const databaseUrl = dbUrl.toString();
  await ensureDatabase(databaseUrl);
  state.databaseUrl = databaseUrl;
  await runMigrations(databaseUrl);
  const ds = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  await seedDemoOrganization(ds);
  await ds.destroy();

  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: quietLogger, ...workflowBundlerOptions });
  const bundlePath = join(work, 'workflow-bundle.js');
  writeFileSync(bundlePath, code);

  // The web app, built from the current sources for the browser tests (served by the API at /).
  const webRoot = join(work, 'web');
  const built = spawnSync(process.execPath, [join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'), 'build', '--config', join(__dirname, '../../apps/web/vite.config.mts'), '--logLevel', 'warn'], {
    env: { ...process.env, WEB_OUT_DIR: webRoot },
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`building the web app failed:\n${built.stdout}${built.stderr}`);

  Object.assign(process.env, {
    WEB_ROOT: webRoot,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: 'default',
    WORKFLOW_BUNDLE_PATH: bundlePath,
    JWT_SECRET: randomBytes(32).toString('hex'),
    // dev-login is opt-in; the suites sign people in with it (test/dev-login-off.e2e-spec.ts boots without it).
    DEV_LOGIN: 'true',
    // Far above what any suite sends, so that no test trips them by accident; test/rate-limits sets its own.
    RATE_LIMIT_SIGN_IN: '100000/1m',
    RATE_LIMIT_DECISIONS: '100000/1m',
  });
}

const noop = () => undefined;
const quietLogger = { trace: noop, debug: noop, info: noop, warn: noop, error: (m: string) => console.error(m), log: noop };

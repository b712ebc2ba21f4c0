import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ensureDatabase, startEmbeddedPostgres } from '@libs/devstack/postgres';
import { runMigrations } from '@libs/persistence/run-migrations';
import { DATA_DIR, PROJECT_ROOT } from '@libs/devstack/paths';
import { waitFor } from '@libs/devstack/ports';
import { ensureTemporalCli } from '@libs/devstack/temporal-cli';
import { registerSearchAttributes, startTemporalDevServer, temporalAnswers } from '@libs/devstack/temporal-dev-server';
import { dataSourceOptions } from '@libs/persistence/data-source-options';
import { seedDemoOrganization } from '@libs/persistence/seed/demo-organization';

/**
 * The local stack behind `npm start`: Temporal (dev server, persisted to .data/) unless
 * TEMPORAL_ADDRESS is given, Postgres (embedded, under .data/) unless DATABASE_URL is given,
 * migrations, the demo seed, then the worker and the API. Ctrl-C stops everything it started.
 */
const log = (line: string) => console.log(`[estafet] ${line}`);
const stops: (() => Promise<void>)[] = [];
const children: ChildProcess[] = [];
let stopping = false;

interface LocalSecrets {
  jwtSecret: string;
  postgresPassword: string;
}

function localSecrets(): LocalSecrets {
  const file = join(DATA_DIR, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  const secrets = { jwtSecret: randomBytes(32).toString('hex'), postgresPassword: randomBytes(16).toString('hex') };
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

async function ensureTemporal(): Promise<{ address: string; uiUrl?: string }> {
  if (process.env.TEMPORAL_ADDRESS) {
    log(`Using Temporal at ${process.env.TEMPORAL_ADDRESS}`);
    return { address: process.env.TEMPORAL_ADDRESS };
  }
  const port = Number(process.env.TEMPORAL_PORT ?? 7233);
  const uiPort = Number(process.env.TEMPORAL_UI_PORT ?? 8233);
  const address = `127.0.0.1:${port}`;
  if (await temporalAnswers(address)) {
    log(`A Temporal server already answers on ${address}; using it.`);
    const added = await registerSearchAttributes(address);
    if (added.length) log(`Registered the search attributes it lacked: ${added.join(', ')}`);
    return { address, uiUrl: `http://127.0.0.1:${uiPort}` };
  }
  const cli = ensureTemporalCli(log);
  log(`Starting Temporal dev server (${cli}) on ${address}, UI on ${uiPort} …`);
  const server = await startTemporalDevServer({ cli, port, uiPort, dbFile: join(DATA_DIR, 'temporal', 'temporal.db') });
  stops.push(server.stop);
  return { address: server.address, uiUrl: server.uiUrl };
}

async function ensurePostgres(secrets: LocalSecrets): Promise<string> {
  if (process.env.DATABASE_URL) {
    await ensureDatabase(process.env.DATABASE_URL);
    log('Using Postgres from DATABASE_URL');
    return process.env.DATABASE_URL;
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  log(`Starting embedded Postgres on 127.0.0.1:${port} (data in .data/postgres) …`);
  const pg = await startEmbeddedPostgres(join(DATA_DIR, 'postgres'), port, secrets.postgresPassword);
  stops.push(pg.stop);
  await ensureDatabase(pg.url);
  return pg.url;
}

function startProcess(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', script)], { stdio: 'inherit', env });
  child.once('exit', (code, signal) => {
    if (!stopping) {
      log(`${name} exited unexpectedly (${signal ?? code}); stopping.`);
      void shutdown(1);
    }
  });
  children.push(child);
  return child;
}

async function shutdown(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  log('Stopping …');
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          child.once('exit', () => {
            clearTimeout(timer);
            done();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  for (const stop of stops.reverse()) await stop().catch((err: unknown) => log(`while stopping: ${String(err)}`));
  log('Stopped.');
  process.exit(exitCode);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  const secrets = localSecrets();
  const temporal = await ensureTemporal();
  const databaseUrl = await ensurePostgres(secrets);

  const ran = await runMigrations(databaseUrl);
  log(ran.length ? `Applied migrations: ${ran.join(', ')}` : 'Database schema is up to date');
  if (process.env.SEED !== 'false') {
    const ds = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
    await seedDemoOrganization(ds);
    await ds.destroy();
    log('Demo organization (Pemerintah Kota Sukamaju) is in place');
  }

  const port = Number(process.env.PORT ?? 3000);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    // The sign-in page's people list: on for a laptop unless turned off (the API refuses it with NODE_ENV=production).
    DEV_LOGIN: process.env.DEV_LOGIN ?? 'true',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    JWT_SECRET: process.env.JWT_SECRET ?? secrets.jwtSecret,
    WORKFLOW_BUNDLE_PATH: process.env.WORKFLOW_BUNDLE_PATH ?? join(PROJECT_ROOT, 'dist', 'workflow-bundle.js'),
  };
  startProcess('worker', 'apps/worker/main.js', env);
  startProcess('api', 'apps/api/main.js', env);

  const base = `http://localhost:${port}`;
  await waitFor('the API to become healthy', async () => (await fetch(`${base}/health`)).ok, 90_000, 500);
  // What the API itself offers, so that the hint below never names a sign-in the server refuses.
  const { devLogin } = (await (await fetch(`${base}/api/auth/methods`)).json()) as { devLogin: boolean };
  const signIn = devLogin
    ? `Sign in (development): pick a person on ${base}/masuk, or POST ${base}/api/auth/dev-login with a seeded NIP, e.g.
    proposer  Rina Wulandari   199503122020122001
    approver  Siti Rahmawati   198804102010012003  (Kepala Seksi Perizinan Usaha)
    admin     Yoga Permana     199001012015011016

    curl -s -X POST ${base}/api/auth/dev-login -H 'content-type: application/json' -d '{"nip":"199503122020122001"}'`
    : 'dev-login is off (DEV_LOGIN is not true): bearer tokens come from the identity provider (docs/WEB.md).';
  console.log(`
  Estafet is running.

    Web app        ${base}/   (Bahasa Indonesia; English by the toggle)
    API            ${base}/api
    OpenAPI docs   ${base}/api/docs   (JSON: ${base}/api/docs-json)
    Health         ${base}/health
    Temporal UI    ${temporal.uiUrl ?? '(external Temporal: use its own UI)'}

  ${signIn}

  Press Ctrl-C to stop everything.
`);
}

main().catch(async (err: unknown) => {
  console.error(`[estafet] ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
});

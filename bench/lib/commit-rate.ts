import { Client } from 'pg';

export interface CommitRate {
  connections: number;
  seconds: number;
  commitsPerSecond: number;
}

/**
 * The database's own ceiling: single-row INSERTs, each its own transaction (autocommit), for `seconds`
 * on `connections` connections at once, into a scratch table dropped afterwards.
 */
export async function commitRate(databaseUrl: string, connections: number, seconds: number): Promise<CommitRate> {
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query('CREATE TABLE IF NOT EXISTS bench_commit (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), note text)');
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const c = new Client({ connectionString: databaseUrl });
      await c.connect();
      return c;
    }),
  );
  let commits = 0;
  const until = Date.now() + seconds * 1000;
  const started = process.hrtime.bigint();
  await Promise.all(
    clients.map(async (c) => {
      while (Date.now() < until) {
        await c.query('INSERT INTO bench_commit (note) VALUES ($1)', ['x']);
        commits++;
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  await Promise.all(clients.map((c) => c.end()));
  await admin.query('DROP TABLE bench_commit');
  await admin.end();
  return { connections, seconds: Math.round(elapsed * 10) / 10, commitsPerSecond: Math.round(commits / elapsed) };
}

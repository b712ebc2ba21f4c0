import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

const isLockTimeout = (err: unknown) =>
  err instanceof QueryFailedError && (err.driverError as { code?: unknown } | undefined)?.code === '55P03';

export interface LockOptions {
  /** How long to wait for the holder before giving up (a Postgres interval, e.g. `30s`). */
  waitFor: string;
  /** What to throw when the wait is over (the caller's 409). */
  busy: () => Error;
}

/**
 * Runs `fn` in one transaction that holds the advisory lock named `name`. For rules that span rows
 * (one head post per unit, one template per category): two changes checked side by side could each
 * pass and together break them. The lock ends with the transaction, so a crash frees it.
 */
export async function withAdvisoryLock<T>(dataSource: DataSource, name: string, options: LockOptions, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await dataSource.transaction(async (em) => {
      await em.query(`SET LOCAL lock_timeout = '${options.waitFor}'`);
      await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [name]);
      return fn(em);
    });
  } catch (err) {
    if (isLockTimeout(err)) throw options.busy();
    throw err;
  }
}

import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { conflict } from '../../../libs/http/domain-error';

/** How long a change waits for another change of the organization (e.g. a running import) before answering 409. */
const LOCK_WAIT = '30s';

const isLockTimeout = (err: unknown) =>
  err instanceof QueryFailedError && (err.driverError as { code?: unknown } | undefined)?.code === '55P03';

/**
 * Runs `fn` in one transaction that holds the organization's advisory lock. The rules that span rows
 * (one head post per unit, no cycle in the unit tree or the chain of superiors) are checked by
 * reading other rows: two changes checked side by side could each pass and together break them.
 * Changes of the organization are rare, so taking them one at a time costs nothing; reads never wait.
 */
export async function withOrganizationLock<T>(dataSource: DataSource, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await dataSource.transaction(async (em) => {
      await em.query(`SET LOCAL lock_timeout = '${LOCK_WAIT}'`);
      await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', ['estafet:organization']);
      return fn(em);
    });
  } catch (err) {
    if (isLockTimeout(err)) throw conflict('ORGANIZATION_BUSY', 'Another change of the organization (e.g. an import) is in progress; try again in a moment.');
    throw err;
  }
}


import { DataSource, QueryFailedError } from 'typeorm';
import { conflict } from '../../../libs/http/domain-error';

/** How long a request waits for another change of the same proposal to finish before answering 409. */
const LOCK_WAIT = '5s';

const isLockTimeout = (err: unknown) =>
  err instanceof QueryFailedError && (err.driverError as { code?: unknown } | undefined)?.code === '55P03';

/**
 * Runs `fn` while holding a per-proposal advisory lock, so the API's own changes of one proposal
 * (edit, submit, resubmit, withdrawal of a draft) happen one at a time. Without it an edit could
 * land between the moment a submission reads the content and the moment the workflow marks the
 * proposal as under review: the approvers would then decide on a version other than the one the
 * proposal row shows. The lock lives in a transaction of its own connection that touches no rows,
 * so the workflow's record writes (which lock the proposal row) never wait for it; a crash of
 * the API ends the transaction and frees the lock.
 */
export async function withProposalLock<T>(dataSource: DataSource, proposalId: string, fn: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    try {
      await runner.query(`SET LOCAL lock_timeout = '${LOCK_WAIT}'`);
      await runner.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`estafet:proposal:${proposalId}`]);
    } catch (err) {
      await runner.rollbackTransaction();
      if (isLockTimeout(err)) throw conflict('PROPOSAL_BUSY', 'Another change of this proposal is in progress; try again in a moment.');
      throw err;
    }
    try {
      return await fn();
    } finally {
      // Nothing was written in this transaction; ending it only frees the lock. If the connection
      // broke, the server has already ended it, so a failure here changes nothing.
      await runner.rollbackTransaction().catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}

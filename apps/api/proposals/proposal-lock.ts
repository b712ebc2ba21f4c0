import { DataSource, QueryFailedError } from 'typeorm';
import { conflict, unavailable } from '@libs/http/domain-error';

/** How long a request waits for another change of the same proposal to finish before answering 409. */
const LOCK_WAIT = '5s';
/** How long a request waits for one of the process's lock slots (see `slotsOf`) before answering 503. */
const SLOT_WAIT_MS = 2000;

/** A counting semaphore whose waiters give up after a while. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.free = size;
  }

  async take(timeoutMs: number): Promise<boolean> {
    if (this.free > 0) {
      this.free--;
      return true;
    }
    return new Promise<boolean>((resolve) => {
      const grant = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(grant), 1);
        resolve(false);
      }, timeoutMs);
      this.waiting.push(grant);
    });
  }

  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

const slots = new WeakMap<DataSource, Slots>();

/**
 * A lock holder keeps its connection while it works on others from the same pool, so if every
 * connection of the pool were held that way each holder would wait for a second connection that only
 * another holder can free: all of them would fail at the pool's connection timeout, and so would every
 * other request meanwhile. At most half the pool therefore holds proposal locks at once.
 */
function slotsOf(dataSource: DataSource): Slots {
  let found = slots.get(dataSource);
  if (!found) {
    const poolSize = Number((dataSource.options as { extra?: { max?: number } }).extra?.max ?? 10);
    found = new Slots(Math.max(1, Math.floor(poolSize / 2)));
    slots.set(dataSource, found);
  }
  return found;
}

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
  const held = slotsOf(dataSource);
  if (!(await held.take(SLOT_WAIT_MS))) {
    throw unavailable('The server is busy with other changes to proposals; retry in a moment.');
  }
  try {
    return await locked(dataSource, proposalId, fn);
  } finally {
    held.give();
  }
}

async function locked<T>(dataSource: DataSource, proposalId: string, fn: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    try {
      await runner.query(`SET LOCAL lock_timeout = '${LOCK_WAIT}'`);
      await runner.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`estafet:proposal:${proposalId}`]);
    } catch (err) {
      // If the connection broke, the rollback fails too (the runner is released); the first error says why.
      await runner.rollbackTransaction().catch(() => undefined);
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

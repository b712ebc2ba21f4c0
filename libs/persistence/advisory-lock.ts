import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/**
 * Every advisory lock the application takes, and how its key is derived. Postgres has one space of
 * advisory lock ids per database, so two helpers that each made up their own names could guard the
 * same rows under different locks (or different rows under one). Every lock is named here: a kind, and
 * for a per-row lock the row's id, hashed by `hashtextextended` into the lock id.
 */
export const LOCK_KINDS = {
  /** The organization's structure (units, posts, people, imports): rules that span rows, one change at a time. */
  organization: { scope: 'whole', key: () => 'estafet:organization' },
  /** The chain templates: one template per category, checked across templates. */
  chainTemplates: { scope: 'whole', key: () => 'estafet:chain-templates' },
  /** One proposal's changes by the API (edit, submit, resubmit, withdrawal). */
  proposal: { scope: 'row', key: (id: string) => `estafet:proposal:${id}` },
  /** Who acts for one post (appointments, delegations). */
  position: { scope: 'row', key: (id: string) => `estafet:org:position:${id}` },
  /** One person's posts (a definitive holder holds one post at a time). */
  person: { scope: 'row', key: (id: string) => `estafet:org:person:${id}` },
} as const;

export type LockKind = keyof typeof LOCK_KINDS;
type WholeKind = { [K in LockKind]: (typeof LOCK_KINDS)[K]['scope'] extends 'whole' ? K : never }[LockKind];
type RowKind = Exclude<LockKind, WholeKind>;

/** A lock: a kind that guards a whole table set, or a kind and the id of the row it guards. */
export type LockName = { kind: WholeKind } | { kind: RowKind; id: string };

/** The text a lock's id is hashed from. */
export function lockKey(name: LockName): string {
  return 'id' in name ? LOCK_KINDS[name.kind].key(name.id) : LOCK_KINDS[name.kind].key();
}

/** The keys of several locks, without repeats, in the one order every caller takes them (no deadlock). */
export function lockKeysInOrder(names: readonly LockName[]): string[] {
  return [...new Set(names.map(lockKey))].sort();
}

const isLockTimeout = (err: unknown) =>
  err instanceof QueryFailedError && (err.driverError as { code?: unknown } | undefined)?.code === '55P03';

/** A Postgres interval as `SET LOCAL lock_timeout` takes it: digits and a unit, nothing a statement could carry. */
const INTERVAL = /^\d+(ms|s|min)$/;

const TAKE = 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))';

export interface LockOptions {
  /** How long to wait for the holder before giving up (a Postgres interval, e.g. `30s`). */
  waitFor: string;
  /** What to throw when the wait is over (the caller's 409). */
  busy: () => Error;
}

async function setWait(em: Pick<EntityManager, 'query'>, waitFor: string): Promise<void> {
  if (!INTERVAL.test(waitFor)) throw new Error(`lock wait "${waitFor}" is not an interval such as 5s`);
  await em.query(`SET LOCAL lock_timeout = '${waitFor}'`);
}

/**
 * Runs `fn` in one transaction that holds the advisory lock `name`. For rules that span rows (one
 * head post per unit, one template per category): two changes checked side by side could each pass
 * and together break them. The lock ends with the transaction, so a crash frees it.
 */
export async function withAdvisoryLock<T>(
  dataSource: DataSource,
  name: LockName,
  options: LockOptions,
  fn: (em: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await dataSource.transaction(async (em) => {
      await setWait(em, options.waitFor);
      await em.query(TAKE, [lockKey(name)]);
      return fn(em);
    });
  } catch (err) {
    if (isLockTimeout(err)) throw options.busy();
    throw err;
  }
}

/**
 * Takes row locks inside the caller's transaction, in `lockKeysInOrder`'s order, waiting as long as
 * the holders take: changes of who acts for a post are short, and a wait here is never a deadlock.
 */
export async function takeRowLocks(em: Pick<EntityManager, 'query'>, names: readonly LockName[]): Promise<void> {
  for (const key of lockKeysInOrder(names)) await em.query(TAKE, [key]);
}

export interface HeldLockOptions extends LockOptions {
  /** How long to wait for one of the process's lock slots (see `slotsOf`) before giving up. */
  slotWaitMs: number;
  /** What to throw when no slot came free in time (the caller's 503). */
  saturated: () => Error;
}

/** A counting semaphore whose waiters give up after a while. */
export class Slots {
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
 * other request meanwhile. At most half the pool therefore holds such locks at once.
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

/**
 * Runs `fn` while holding the advisory lock `name` in a transaction of its own connection that touches
 * no rows: what `fn` writes (on other connections, e.g. a workflow's record writes that lock the
 * proposal row) never waits for it, and a crash of the process ends the transaction and frees the lock.
 */
export async function whileHoldingLock<T>(dataSource: DataSource, name: LockName, options: HeldLockOptions, fn: () => Promise<T>): Promise<T> {
  const held = slotsOf(dataSource);
  if (!(await held.take(options.slotWaitMs))) throw options.saturated();
  try {
    return await holding(dataSource, lockKey(name), options, fn);
  } finally {
    held.give();
  }
}

async function holding<T>(dataSource: DataSource, key: string, options: LockOptions, fn: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    try {
      await setWait(runner, options.waitFor);
      await runner.query(TAKE, [key]);
    } catch (err) {
      // If the connection broke, the rollback fails too (the runner is released); the first error says why.
      await runner.rollbackTransaction().catch(() => undefined);
      if (isLockTimeout(err)) throw options.busy();
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

/** The locks a service takes without holding a `DataSource` itself (provided by PersistenceModule). */
export class AdvisoryLocks {
  constructor(private readonly dataSource: DataSource) {}

  /** See `whileHoldingLock`. */
  whileHolding<T>(name: LockName, options: HeldLockOptions, fn: () => Promise<T>): Promise<T> {
    return whileHoldingLock(this.dataSource, name, options, fn);
  }
}

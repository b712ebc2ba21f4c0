import type { RecordBatch } from '@libs/contracts/record.contract';
import type { DecisionQueue, Ticket } from './decision-queue';

/** A record write as the workflow builds it; the writer adds the proposal id. */
export type Batch = Omit<RecordBatch, 'proposalId'>;

/** Two record batches as one, the first one's facts first. */
export function mergeBatches(first: Batch, then: Batch): Batch {
  return {
    events: [...first.events, ...then.events],
    tasks: [...(first.tasks ?? []), ...(then.tasks ?? [])],
    proposal: first.proposal || then.proposal ? { ...first.proposal, ...then.proposal } : undefined,
    notifications: [...(first.notifications ?? []), ...(then.notifications ?? [])],
  };
}

/**
 * The approval's only way to the record (the `record` activity). Writes go out one at a time, in the
 * order the workflow decided them, so the hash chain reads in the order things happened.
 *
 * With batched writes, a fact that is always followed at once by another (the submission by the first
 * stage opening, a decision by what it settles, a stage approved by the next one opening, an overdue
 * mark by its escalation) is carried into the next write: one activity and one transaction instead of
 * several, in the same order in the record. Decisions settled by a carried fact are answered only
 * once it is in the record.
 *
 * Every `write` is one `record` activity, i.e. one command: callers decide when to write, and the
 * order of those calls is part of the workflow's history (docs/WORKFLOW-VERSIONING.md).
 */
export class SerialWriter {
  private tail: Promise<unknown> = Promise.resolve();
  private writing = 0;
  private carried: { batch: Batch; tickets: Ticket[] } | null = null;

  constructor(
    private readonly proposalId: string,
    private readonly record: (batch: RecordBatch) => Promise<unknown>,
    private readonly decisions: DecisionQueue,
  ) {}

  /** Writes in flight (scheduled and not yet completed). */
  get inFlight(): number {
    return this.writing;
  }

  /** Whether facts wait to travel with the next write. */
  get carrying(): boolean {
    return this.carried !== null;
  }

  /** Keeps a batch for the next write; `tickets` are the decisions it settles, answered once it is written. */
  carry(batch: Batch, tickets: Ticket[] = []): void {
    this.carried = this.carried
      ? { batch: mergeBatches(this.carried.batch, batch), tickets: [...this.carried.tickets, ...tickets] }
      : { batch, tickets };
  }

  /** Writes a batch, after whatever was carried, once every earlier write has completed. */
  async write(batch: Batch): Promise<void> {
    this.writing++;
    const before = this.carried;
    this.carried = null;
    const merged = before ? mergeBatches(before.batch, batch) : batch;
    const next = this.tail.then(() => this.record({ proposalId: this.proposalId, ...merged }));
    this.tail = next.catch(() => undefined);
    try {
      await next;
    } finally {
      this.writing--;
    }
    if (before) this.decisions.answer(before.tickets);
  }

  /**
   * Writes what was carried on its own. Not `async`: it hands back `write`'s own promise, so awaiting
   * it takes the same turns as awaiting `write` (the order of commands depends on them).
   */
  flush(): Promise<void> {
    return this.write({ events: [] });
  }
}

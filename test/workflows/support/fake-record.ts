import type { HistoryEventType, NewHistoryEvent, NotificationWrite, ProposalWrite, RecordBatch, TaskWrite } from '@libs/contracts/record.contract';

/**
 * The record as the workflow writes it, in memory: every batch the `record` activity received, in
 * order, per proposal. Like the real store it applies a batch once, so a retried write adds nothing;
 * it also folds task and proposal writes into rows, as the read models would hold them.
 */
export class FakeRecord {
  private readonly proposals = new Map<string, ProposalRecord>();

  /** The `record` activity. */
  write = async (batch: RecordBatch): Promise<void> => {
    this.of(batch.proposalId).apply(structuredClone(batch));
  };

  of(proposalId: string): ProposalRecord {
    let record = this.proposals.get(proposalId);
    if (!record) this.proposals.set(proposalId, (record = new ProposalRecord()));
    return record;
  }
}

/** What the record holds for one proposal. */
export class ProposalRecord {
  readonly batches: RecordBatch[] = [];
  readonly events: NewHistoryEvent[] = [];
  readonly notifications: NotificationWrite[] = [];
  readonly tasks = new Map<string, TaskWrite>();
  proposal: ProposalWrite = {};
  /** Batches written again by a retried activity, ignored as the real store ignores them. */
  repeated = 0;
  private readonly keys = new Set<string>();

  /** As RecordStore.apply: a batch needs an event, and a batch with an event already kept is a retry, applied once. */
  apply(batch: RecordBatch): void {
    if (batch.events.length === 0) throw new Error('a record batch needs at least one event');
    if (batch.events.some((e) => this.keys.has(e.key))) {
      this.repeated += 1;
      return;
    }
    this.batches.push(batch);
    for (const e of batch.events) this.keys.add(e.key);
    this.events.push(...batch.events);
    this.notifications.push(...(batch.notifications ?? []));
    for (const write of batch.tasks ?? []) this.tasks.set(write.id, { ...this.tasks.get(write.id), ...write });
    this.proposal = { ...this.proposal, ...batch.proposal };
  }

  types(): HistoryEventType[] {
    return this.events.map((e) => e.type);
  }

  /** The event types of each write, in order: what travelled together in one transaction. */
  typesPerWrite(): HistoryEventType[][] {
    return this.batches.map((b) => b.events.map((e) => e.type));
  }

  /** The notifications sent about one task, in order, by kind and recipient. */
  noticesOf(taskId: string): { kind: string; to: string | null | undefined }[] {
    return this.notifications.filter((n) => n.taskId === taskId).map((n) => ({ kind: n.kind, to: n.recipientPersonId ?? n.recipientRole }));
  }

  ofType<T extends HistoryEventType>(type: T): NewHistoryEvent<T>[] {
    return this.events.filter((e) => e.type === type) as NewHistoryEvent<T>[];
  }

  count(type: HistoryEventType): number {
    return this.ofType(type).length;
  }

  /** The task row as the read model holds it after every write so far. */
  task(taskId: string): TaskWrite {
    const row = this.tasks.get(taskId);
    if (!row) throw new Error(`no task ${taskId} in the record`);
    return row;
  }

  notificationKinds(): string[] {
    return this.notifications.map((n) => n.kind);
  }
}

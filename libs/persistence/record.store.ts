import { ApplicationFailure } from '@temporalio/common';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { HistoryEventEnvelope, RecordBatch as TypedRecordBatch, TaskWrite } from '@libs/contracts/record.contract';
import { historyEventIssues } from '@libs/contracts/record.validation';
import { deterministicUuid, hashEvent, verifyChain, ChainVerification, HashableEvent } from '@libs/domain/history-hash';
import { ApprovalTaskEntity, HistoryEventEntity, NotificationOutboxEntity, ProposalEntity } from './entities';
import type { NotificationKind as OutboxKind } from './entities/notification-outbox.entity';

// The write contract is plain data in libs/contracts (record.contract.ts), shared with the workflow.
// These names stay importable from here until the workflow imports the contract; its events are
// still typed loosely here (any type, any data) and apply() checks each one against the contract.
export type { NotificationWrite, ProposalWrite, TaskWrite } from '@libs/contracts/record.contract';

/** An event as code that does not import the contract yet writes it; apply() checks it. */
export type NewHistoryEvent = HistoryEventEnvelope & { type: string; data?: Record<string, unknown> };

export type RecordBatch = Omit<TypedRecordBatch, 'events'> & { events: NewHistoryEvent[] };

export const eventIdFor = (proposalId: string, key: string) => deterministicUuid(`estafet:${proposalId}:${key}`);

const toDate = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(v));

/** The failure type of a batch with an event the record's contract does not describe. */
export const MALFORMED_HISTORY_EVENT = 'MalformedHistoryEvent';

/**
 * Refuses a batch any of whose events does not match its schema (libs/contracts/record.validation.ts),
 * before anything is hashed or written. Such an event is a defect of the code that wrote it: a retry
 * would send the same event again, so the failure is non-retryable and the record stays as it was.
 */
export function assertWellFormed(batch: RecordBatch): void {
  for (const [index, event] of batch.events.entries()) {
    const issues = historyEventIssues(event);
    if (issues.length === 0) continue;
    const { key, type } = (event ?? {}) as Partial<NewHistoryEvent>;
    throw ApplicationFailure.nonRetryable(
      `history event ${index + 1} of the batch for proposal ${batch.proposalId} (${String(type)}, key ${String(key)}) does not match the record's contract: ${issues.join('; ')}`,
      MALFORMED_HISTORY_EVENT,
      { proposalId: batch.proposalId, index, key, type, issues },
    );
  }
}

/** A row of the chain: what is hashed, and its hash. */
export type ChainRow = HashableEvent & { hash: string };

/**
 * The rows the events become after the chain's tail: numbered, linked and hashed. What is hashed must
 * never change, or rows already stored would stop verifying (record.store.fixture.json holds it).
 */
export function chainRows(proposalId: string, events: NewHistoryEvent[], lastSeq: number, lastHash: string | null): ChainRow[] {
  let seq = lastSeq;
  let prevHash = lastHash;
  return events.map((e) => {
    seq += 1;
    const hashable: HashableEvent = {
      id: eventIdFor(proposalId, e.key),
      proposalId,
      seq,
      type: e.type,
      occurredAt: new Date(e.occurredAt).toISOString(),
      actorPersonId: e.actorPersonId ?? null,
      actorPositionId: e.actorPositionId ?? null,
      capacity: e.capacity ?? null,
      data: e.data ?? {},
      prevHash,
    };
    const hash = hashEvent(hashable);
    prevHash = hash;
    return { ...hashable, hash };
  });
}

/** A stored row as the chain hashes it. */
export const storedChainRow = (r: HistoryEventEntity): ChainRow => ({
  id: r.id,
  proposalId: r.proposalId,
  seq: r.seq,
  type: r.type,
  occurredAt: r.occurredAt.toISOString(),
  actorPersonId: r.actorPersonId,
  actorPositionId: r.actorPositionId,
  capacity: r.capacity,
  data: r.data,
  prevHash: r.prevHash,
  hash: r.hash,
});

/**
 * Writes the durable record: appends hash-chained history rows and updates the task and proposal
 * read models in one transaction. A batch whose events are already stored was applied before (an
 * activity retried after its commit) and is skipped whole, so nothing is applied twice.
 */
export class RecordStore {
  constructor(private readonly dataSource: DataSource) {}

  async apply(batch: RecordBatch): Promise<{ applied: boolean }> {
    if (batch.events.length === 0) throw new Error('a record batch needs at least one event');
    assertWellFormed(batch);
    const ids = batch.events.map((e) => eventIdFor(batch.proposalId, e.key));
    return this.dataSource.transaction(async (em) => {
      // Serialises writers of one proposal, so sequence numbers and hash links never fork. The chain's
      // tail is read in a statement of its own, after the lock is held: a subquery of the locking
      // statement would still see the snapshot taken before it waited.
      const locked: unknown[] = await em.query('SELECT 1 FROM proposal WHERE id = $1 FOR UPDATE', [batch.proposalId]);
      if (locked.length === 0) throw new Error(`proposal ${batch.proposalId} does not exist`);
      const [tail] = (await em.query(
        `SELECT (SELECT COUNT(*)::int FROM history_event WHERE id = ANY($2::uuid[])) AS existing, last.seq, last.hash
           FROM (SELECT 1) AS one
           LEFT JOIN LATERAL (SELECT seq, hash FROM history_event WHERE proposal_id = $1 ORDER BY seq DESC LIMIT 1) AS last ON true`,
        [batch.proposalId, ids],
      )) as { existing: number; seq: number | null; hash: string | null }[];
      if (tail.existing > 0) return { applied: false };

      await this.writeTasks(em, batch.proposalId, batch.tasks ?? []);
      if (batch.proposal) {
        const { submittedAt, decidedAt, stageOpenedAt, ...rest } = batch.proposal;
        await em.update(ProposalEntity, { id: batch.proposalId }, {
          ...rest,
          ...(submittedAt !== undefined ? { submittedAt: new Date(submittedAt) } : {}),
          ...(decidedAt !== undefined ? { decidedAt: toDate(decidedAt) } : {}),
          ...(stageOpenedAt !== undefined ? { stageOpenedAt: toDate(stageOpenedAt) } : {}),
        });
      }
      if (batch.notifications?.length) {
        await em.insert(NotificationOutboxEntity, batch.notifications.map((n) => ({
          id: eventIdFor(batch.proposalId, `notify:${n.key}`),
          proposalId: batch.proposalId,
          taskId: n.taskId ?? null,
          // The outbox column takes every kind of the contract.
          kind: n.kind satisfies OutboxKind,
          recipientPersonId: n.recipientPersonId ?? null,
          recipientRole: n.recipientRole ?? null,
          payload: n.payload ?? {},
        })) as QueryDeepPartialEntity<NotificationOutboxEntity>[]);
      }
      await this.append(em, batch.proposalId, batch.events, tail.seq ?? 0, tail.hash ?? null);
      return { applied: true };
    });
  }

  /**
   * New tasks (a write that names the stage) are inserted together; changes to existing ones are
   * updates. A batch is applied once as a whole, so a task is never created twice.
   */
  private async writeTasks(em: EntityManager, proposalId: string, tasks: TaskWrite[]): Promise<void> {
    const values = tasks.map((task) => {
      const { createdAt, dueAt, decidedAt, overdueAt, ...rest } = task;
      return {
        ...rest,
        proposalId,
        ...(createdAt !== undefined ? { createdAt: new Date(createdAt) } : {}),
        ...(dueAt !== undefined ? { dueAt: toDate(dueAt) } : {}),
        ...(decidedAt !== undefined ? { decidedAt: toDate(decidedAt) } : {}),
        ...(overdueAt !== undefined ? { overdueAt: toDate(overdueAt) } : {}),
      };
    });
    const created = values.filter((v) => v.stageIndex !== undefined);
    if (created.length) await em.insert(ApprovalTaskEntity, created);
    for (const v of values.filter((x) => x.stageIndex === undefined)) await em.update(ApprovalTaskEntity, { id: v.id }, v);
  }

  private async append(em: EntityManager, proposalId: string, events: NewHistoryEvent[], lastSeq: number, lastHash: string | null): Promise<void> {
    const rows = chainRows(proposalId, events, lastSeq, lastHash).map(
      // jsonb payloads are plain JSON; TypeORM's deep-partial type cannot express an open record.
      (row) => ({ ...row, occurredAt: new Date(row.occurredAt) }) as QueryDeepPartialEntity<HistoryEventEntity>,
    );
    await em.insert(HistoryEventEntity, rows);
  }

  async history(proposalId: string): Promise<HistoryEventEntity[]> {
    return this.dataSource.getRepository(HistoryEventEntity).find({ where: { proposalId }, order: { seq: 'ASC' } });
  }

  async verify(proposalId: string): Promise<ChainVerification> {
    return verifyChain((await this.history(proposalId)).map(storedChainRow));
  }
}

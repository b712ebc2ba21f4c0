import type { DataSource } from 'typeorm';
import type { ApproverSelector } from '@libs/domain/chain';
import { moveAuthorities, PostHolder } from '@libs/persistence/acting-authority';
import { RecordBatch, RecordStore } from '@libs/persistence/record.store';
import { ApproverResolver, ResolvedSlot } from './approver-resolver';

export interface ApprovalActivityDeps {
  dataSource: DataSource;
}

export interface ResolveApproversInput {
  proposalId: string;
  unitId: string;
  selectors: ApproverSelector[];
  /** Workflow time of the resolution, so a retry resolves the same moment. */
  at: string;
  /** A post the proposer acts for goes to its superior (absent in runs scheduled by older workflow code). */
  proposerPersonId?: string;
}

export interface ResolveActingInput {
  proposalId: string;
  positionIds: string[];
  at: string;
  /** Who holds the open tasks of those posts now, so the term of theirs that ended can be named (absent from older workflow code). */
  holders?: PostHolder[];
}

export interface ResolveEscalationInput {
  proposalId: string;
  fromPositionId: string;
  /** Named target post; the superior of `fromPositionId` when absent. */
  targetPositionId?: string;
  at: string;
  /** A target the proposer acts for escalates on to the post above it (absent in runs scheduled by older workflow code). */
  proposerPersonId?: string;
}

/**
 * Activities of the approval workflow, built from injected dependencies. Each is idempotent: the
 * workflow may run it more than once.
 */
export function createApprovalActivities(deps: ApprovalActivityDeps) {
  const records = new RecordStore(deps.dataSource);
  const resolver = new ApproverResolver(deps.dataSource);
  return {
    async resolveApprovers(input: ResolveApproversInput): Promise<ResolvedSlot[]> {
      return resolver.resolve(input.selectors, input.unitId, new Date(input.at), input.proposerPersonId);
    },

    async resolveEscalation(input: ResolveEscalationInput): Promise<ResolvedSlot | null> {
      return resolver.escalationTarget(input.fromPositionId, input.targetPositionId, new Date(input.at), input.proposerPersonId);
    },

    /**
     * Who acts for these posts now, after the workflow heard that it may have changed, and on what
     * authority (the appointment or delegation, its decree number, who recorded it; what ended).
     */
    async resolveActing(input: ResolveActingInput): Promise<ResolvedSlot[]> {
      const at = new Date(input.at);
      const slots = await resolver.resolve([{ kind: 'positions', positionIds: input.positionIds }], '', at);
      const authorities = await moveAuthorities(deps.dataSource.manager, input.positionIds, input.holders ?? [], at);
      return slots.map((s) => ({ ...s, authority: authorities.get(s.positionId) ?? null }));
    },

    /** Persists one step of the approval: history rows plus read-model changes, atomically. */
    async record(batch: RecordBatch): Promise<void> {
      await records.apply(batch);
    },
  };
}

export type ApprovalActivities = ReturnType<typeof createApprovalActivities>;

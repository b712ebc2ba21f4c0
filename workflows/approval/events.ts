import type { ApprovalWorkflowInput, CloseInput, DecisionInput, ResubmitInput, TaskState } from '@libs/contracts/approval.contract';
import type { ProposalFacts, StageDefinition, StageOutcome, TimeoutAction } from '@libs/domain/chain';
import { REASSIGNMENT_REASON_LABELS_ID, ReassignmentReason } from '@libs/domain/acting';
import type { MoveAuthority } from '@libs/domain/acting-authority';
import type { ProposalStatus } from '@libs/domain/proposal';
import type { HistoryEventType, NewHistoryEvent, TimeoutOutcome, NotificationWrite, TaskWrite } from '@libs/contracts/record.contract';
import type { ResolvedSlot } from '@activities/approver-resolver';
import type { Batch } from './serial-writer';
import { holder } from './task-state';

/**
 * The facts of an approval as the record stores them: history events, the task and proposal rows
 * they change and the notifications they send. Pure builders; the workflow decides when to write
 * them. An event's key is unique per proposal (its id derives from it, so a retried write is a no-op).
 */

const ADMIN = 'admin';

export type Settled = Exclude<StageOutcome, 'pending'>;

/** A record write whose events are of these types. */
export type FactBatch<T extends HistoryEventType> = Omit<Batch, 'events'> & { events: NewHistoryEvent<T>[] };

export const adminAlert = (key: string, payload: Record<string, unknown>, taskId: string | null = null): NotificationWrite => ({
  key,
  kind: 'admin.alert',
  taskId,
  recipientRole: ADMIN,
  payload,
});

const onBehalfOf = (t: TaskState) => (t.onBehalfOfPersonId ? { onBehalfOf: { personId: t.onBehalfOfPersonId, name: t.onBehalfOfName ?? null } } : {});

/** A task came into being: its event, its row and the notice to its holder (none while the post is vacant). */
export function taskCreated(t: TaskState, stageName: string): { event: NewHistoryEvent<'task.created'>; row: TaskWrite; notice: NotificationWrite[] } {
  return {
    event: {
      key: `task:${t.taskId}:created`,
      type: 'task.created',
      occurredAt: t.createdAt,
      actorPersonId: t.assigneePersonId,
      actorPositionId: t.positionId,
      capacity: t.capacity,
      data: {
        taskId: t.taskId,
        stageIndex: t.stageIndex,
        round: t.round,
        slot: t.slot,
        dueAt: t.dueAt,
        assignee: t.assigneeName,
        escalationLevel: t.escalationLevel,
        escalatedFromTaskId: t.escalatedFromTaskId,
        ...onBehalfOf(t),
        ...(t.reassignedFromTaskId ? { reassignedFromTaskId: t.reassignedFromTaskId } : {}),
        // The chain named a post the proposer acts for: the slot went to the superior post instead.
        ...(t.routedAround ? { routedAround: t.routedAround } : {}),
      },
    },
    row: {
      id: t.taskId,
      stageIndex: t.stageIndex,
      stageName,
      round: t.round,
      slot: t.slot,
      positionId: t.positionId,
      assigneePersonId: t.assigneePersonId,
      capacity: t.capacity,
      status: 'open',
      createdAt: t.createdAt,
      dueAt: t.dueAt,
      escalationLevel: t.escalationLevel,
      escalatedFromTaskId: t.escalatedFromTaskId,
      onBehalfOfPersonId: t.onBehalfOfPersonId ?? null,
      reassignedFromTaskId: t.reassignedFromTaskId ?? null,
    },
    notice: t.assigneePersonId
      ? [{
          key: `task:${t.taskId}:assigned`,
          kind: t.escalationLevel > 0 && !t.reassignedFromTaskId ? 'task.escalated' : 'task.assigned',
          taskId: t.taskId,
          recipientPersonId: t.assigneePersonId,
          payload: { stage: stageName, dueAt: t.dueAt },
        }]
      : [],
  };
}

export type Submission = Pick<ApprovalWorkflowInput, 'proposerPersonId' | 'template' | 'proposalVersion' | 'facts' | 'snapshot'>;

export const submitted = (s: Submission, at: string): FactBatch<'proposal.submitted'> => ({
  events: [{
    key: 'submitted',
    type: 'proposal.submitted',
    occurredAt: at,
    actorPersonId: s.proposerPersonId,
    data: { template: s.template, proposalVersion: s.proposalVersion, facts: s.facts, snapshot: s.snapshot ?? null },
  }],
  proposal: { status: 'submitted', submittedAt: at, round: 1 },
});

/** A decision on a task (`task.status` already says what it became). */
export const decided = (task: TaskState, d: DecisionInput, decidedAt: string, proposalVersion: number): FactBatch<'task.decided'> => ({
  events: [
    {
      key: `task:${task.taskId}:decided`,
      type: 'task.decided',
      occurredAt: decidedAt,
      actorPersonId: d.actorPersonId,
      actorPositionId: task.positionId,
      capacity: task.capacity,
      data: {
        taskId: task.taskId,
        stageIndex: task.stageIndex,
        round: task.round,
        slot: task.slot,
        decision: d.decision,
        comment: d.comment ?? null,
        onEscalation: task.escalationLevel > 0,
        proposalVersion,
        ...onBehalfOf(task),
      },
    },
  ],
  tasks: [{ id: task.taskId, status: task.status, decision: d.decision, comment: d.comment ?? null, decidedAt, decidedByPersonId: d.actorPersonId }],
});

export interface StageRound {
  index: number;
  round: number;
  def: StageDefinition;
}

/** A stage round opened with these tasks; the proposal is in review at this stage. */
export function stageOpened({ index, round, def }: StageRound, openedAt: string, tasks: TaskState[]): FactBatch<'stage.opened' | 'task.created'> {
  const created = tasks.map((t) => taskCreated(t, def.name));
  return {
    events: [
      { key: `stage:${index}:r${round}:opened`, type: 'stage.opened', occurredAt: openedAt, data: { stageIndex: index, stage: def.name, mode: def.mode, round } },
      ...created.map((c) => c.event),
    ],
    tasks: created.map((c) => c.row),
    proposal: { status: 'in_review', currentStage: index, currentStageName: def.name, stageOpenedAt: openedAt },
    notifications: created.flatMap((c) => c.notice),
  };
}

/** The stage's posts do not resolve: an administrator must sort it out. With `inReview`, the read model says the proposal waits at this stage. */
export function stageBlocked({ index, round, def }: StageRound, at: string, reason: string, inReview: boolean): FactBatch<'stage.blocked'> {
  return {
    events: [{ key: `stage:${index}:r${round}:blocked`, type: 'stage.blocked', occurredAt: at, data: { stageIndex: index, stage: def.name, round, reason } }],
    notifications: [adminAlert(`stage:${index}:r${round}:blocked`, { stage: def.name, reason })],
    ...(inReview ? { proposal: { status: 'in_review' as const, currentStage: index, currentStageName: def.name, stageOpenedAt: at } } : {}),
  };
}

export const stageSkipped = ({ index, round, def }: StageRound, at: string, facts: ProposalFacts): FactBatch<'stage.skipped'> => ({
  events: [{ key: `stage:${index}:r${round}:skipped`, type: 'stage.skipped', occurredAt: at, data: { stageIndex: index, stage: def.name, round, condition: def.condition ?? null, facts } }],
});

/** The last stage was skipped: the proposal is approved. */
export const approvedBySkip = (index: number, round: number, proposerPersonId: string, at: string): FactBatch<'proposal.approved'> => ({
  events: [{ key: `proposal:approved:r${round}`, type: 'proposal.approved', occurredAt: at, data: { stageIndex: index, round, cause: 'decision' } }],
  proposal: { status: 'approved', decidedAt: at },
  notifications: [{ key: `proposal:approved:r${round}:proposer`, kind: 'proposal.decided', recipientPersonId: proposerPersonId, payload: { status: 'approved' } }],
});

export interface Settlement {
  outcome: Settled;
  cause: 'decision' | 'timeout';
  /** Tasks left open, closed by the settlement, and the status they get. */
  left: TaskState[];
  leftStatus: 'expired' | 'cancelled';
  /** Set when the settlement ends the proposal: its status now. */
  ended: { status: ProposalStatus; proposerPersonId: string } | null;
}

/** How a stage round ended and, when it ends the proposal, how the proposal did. */
export function stageSettled({ index, round, def }: StageRound, s: Settlement, at: string): FactBatch<`stage.${Settled}` | `proposal.${Settled}`> {
  const { outcome, cause, left, leftStatus, ended } = s;
  const stageEvent: NewHistoryEvent<`stage.${Settled}`> = {
    key: `stage:${index}:r${round}:${outcome}`,
    type: `stage.${outcome}`,
    occurredAt: at,
    data: { stageIndex: index, stage: def.name, round, cause, closedTasks: left.map((t) => t.taskId) },
  };
  const proposalEvent: NewHistoryEvent<`proposal.${Settled}`> = { key: `proposal:${outcome}:r${round}`, type: `proposal.${outcome}`, occurredAt: at, data: { stageIndex: index, round, cause } };
  return {
    events: [stageEvent, ...(ended ? [proposalEvent] : [])],
    tasks: left.map((t) => ({ id: t.taskId, status: leftStatus, decidedAt: at })),
    proposal: ended ? { status: ended.status, decidedAt: outcome === 'returned' ? null : at } : undefined,
    notifications: ended
      ? [{ key: `proposal:${outcome}:r${round}:proposer`, kind: 'proposal.decided', recipientPersonId: ended.proposerPersonId, payload: { status: ended.status, stage: def.name } }]
      : [],
  };
}

/** The proposer resubmitted a revision: a new round at the same stage. */
export const resubmitted = (r: ResubmitInput, round: number, stageIndex: number, at: string): FactBatch<'proposal.resubmitted'> => ({
  events: [{
    key: `proposal:resubmitted:r${round}`,
    type: 'proposal.resubmitted',
    occurredAt: at,
    actorPersonId: r.actorPersonId,
    data: { round, stageIndex, proposalVersion: r.proposalVersion, facts: r.facts, note: r.note ?? null, snapshot: r.snapshot ?? null },
  }],
  proposal: { status: 'in_review', round, escalated: false, decidedAt: null },
});

/** Withdrawn by the proposer or cancelled by an administrator, with the tasks that were open. */
export function closed(kind: 'withdrawn' | 'cancelled', c: CloseInput, where: { stageIndex: number; round: number; proposerPersonId: string }, left: TaskState[], at: string): FactBatch<'proposal.withdrawn' | 'proposal.cancelled'> {
  return {
    events: [{
      key: `proposal:${kind}`,
      type: `proposal.${kind}`,
      occurredAt: at,
      actorPersonId: c.actorPersonId,
      data: { reason: c.reason, stageIndex: where.stageIndex, round: where.round, cancelledTasks: left.map((t) => t.taskId) },
    }],
    tasks: left.map((t) => ({ id: t.taskId, status: 'cancelled' as const, decidedAt: at })),
    proposal: { status: kind, decidedAt: at },
    notifications: [
      ...(kind === 'cancelled'
        ? [{ key: `proposal:${kind}:proposer`, kind: 'proposal.decided' as const, recipientPersonId: where.proposerPersonId, payload: { status: kind, reason: c.reason } }]
        : []),
    ],
  };
}

/** A reminder to the holder of an open task (the `n`th). */
export const reminded = (t: TaskState, n: number, stageName: string, at: string): FactBatch<'task.reminded'> => ({
  events: [{ key: `task:${t.taskId}:reminder:${n}`, type: 'task.reminded', occurredAt: at, actorPositionId: t.positionId, data: { taskId: t.taskId, reminder: n, dueAt: t.dueAt } }],
  notifications: t.assigneePersonId
    ? [{ key: `task:${t.taskId}:reminder:${n}`, kind: 'task.reminder', taskId: t.taskId, recipientPersonId: t.assigneePersonId, payload: { stage: stageName, dueAt: t.dueAt } }]
    : [],
  tasks: [{ id: t.taskId, remindersSent: n }],
});

/** An open task passed its due time. */
export const overdue = (t: TaskState, stageName: string, at: string): FactBatch<'task.overdue'> => ({
  events: [{ key: `task:${t.taskId}:overdue`, type: 'task.overdue', occurredAt: at, actorPersonId: t.assigneePersonId, actorPositionId: t.positionId, data: { taskId: t.taskId, dueAt: t.dueAt } }],
  notifications: t.assigneePersonId
    ? [{ key: `task:${t.taskId}:overdue`, kind: 'task.overdue', taskId: t.taskId, recipientPersonId: t.assigneePersonId, payload: { stage: stageName, dueAt: t.dueAt } }]
    : [],
  tasks: [{ id: t.taskId, overdueAt: at }],
});

/** A task's time is up and nobody takes it over: administrators are told why. */
export const timedOutAlert = (t: TaskState, policy: TimeoutAction, outcome: TimeoutOutcome, stageName: string, at: string): FactBatch<'task.timeout'> => ({
  events: [{ key: `task:${t.taskId}:timeout`, type: 'task.timeout', occurredAt: at, actorPersonId: t.assigneePersonId, actorPositionId: t.positionId, data: { taskId: t.taskId, policy, outcome, escalationLevel: t.escalationLevel } }],
  notifications: [adminAlert(`task:${t.taskId}:timeout`, { stage: stageName, taskId: t.taskId, reason: outcome }, t.taskId)],
});

/** A task's time is up and `replacement` takes its slot at the escalation target. */
export function escalated(t: TaskState, replacement: TaskState, target: ResolvedSlot, policy: TimeoutAction, stageName: string, at: string): FactBatch<'task.escalated' | 'task.created'> {
  const created = taskCreated(replacement, stageName);
  return {
    events: [
      {
        key: `task:${t.taskId}:escalated`,
        type: 'task.escalated',
        occurredAt: at,
        actorPersonId: t.assigneePersonId,
        actorPositionId: t.positionId,
        capacity: t.capacity,
        data: { taskId: t.taskId, toTaskId: replacement.taskId, toPositionId: target.positionId, toPersonId: target.personId, toName: target.personName, policy, escalationLevel: replacement.escalationLevel },
      },
      created.event,
    ],
    tasks: [{ id: t.taskId, status: 'escalated', decidedAt: at }, created.row],
    proposal: { escalated: true },
    notifications: [...created.notice, adminAlert(`task:${t.taskId}:escalated`, { stage: stageName, taskId: t.taskId, to: target.personName }, t.taskId)],
  };
}

export interface Move {
  reason: ReassignmentReason;
  positionTitle?: string;
  actorPersonId?: string | null;
  note?: string;
  authority?: MoveAuthority;
}

/** The facts of moves, gathered into one write. */
export type MoveFacts = Required<Pick<FactBatch<'task.reassigned' | 'task.created'>, 'events' | 'tasks' | 'notifications'>>;

/** An open task moved to another person: who had it, who has it now (`next`) and why. */
export function reassigned(t: TaskState, next: TaskState, move: Move, stageName: string, at: string): MoveFacts {
  const created = taskCreated(next, stageName);
  const event: NewHistoryEvent<'task.reassigned'> = {
    key: `task:${t.taskId}:reassigned`,
    type: 'task.reassigned',
    occurredAt: at,
    actorPersonId: move.actorPersonId ?? null,
    actorPositionId: t.positionId,
    data: {
      taskId: t.taskId,
      toTaskId: next.taskId,
      stageIndex: t.stageIndex,
      round: t.round,
      slot: t.slot,
      positionId: t.positionId,
      ...(move.positionTitle ? { positionTitle: move.positionTitle } : {}),
      reasonCode: move.reason,
      reason: REASSIGNMENT_REASON_LABELS_ID[move.reason],
      ...(move.note ? { note: move.note } : {}),
      from: holder(t),
      to: holder(next),
      ...(move.authority ? { authority: move.authority } : {}),
    },
  };
  const told: NotificationWrite[] = t.assigneePersonId
    ? [{ key: `task:${t.taskId}:reassigned`, kind: 'task.reassigned', taskId: t.taskId, recipientPersonId: t.assigneePersonId, payload: { stage: stageName, to: next.assigneeName, reason: move.reason } }]
    : [];
  return {
    events: [event, created.event],
    tasks: [{ id: t.taskId, status: 'reassigned', decidedAt: at }, created.row],
    notifications: [...created.notice, ...told],
  };
}

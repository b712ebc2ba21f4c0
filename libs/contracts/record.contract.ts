import type { MoveAuthority } from '@libs/domain/acting-authority';
import type { ReassignmentReason } from '@libs/domain/acting';
import type { ProposalFacts, StageCondition, StageMode, TimeoutAction } from '@libs/domain/chain';
import type { Capacity, Decision, ProposalStatus, TaskStatus } from '@libs/domain/proposal';

/**
 * The record (riwayat): what each history event says, and the batch that writes events together
 * with their effects on the read models. Shared by the workflow (which decides the facts), the
 * record store (which checks, hashes and writes them) and the API (which reads them). Types and
 * constants only: it must bundle into the workflow sandbox (no Node, Nest or TypeORM imports). The
 * runtime check of an event lives in record.validation.ts, which the workflow does not import.
 */

/** Every history event type the system writes, in the order an approval meets them. */
export const HISTORY_EVENT_TYPES = [
  'proposal.submitted',
  'stage.opened',
  'stage.skipped',
  'stage.blocked',
  'task.created',
  'task.reminded',
  'task.overdue',
  'task.timeout',
  'task.escalated',
  'task.reassigned',
  'task.decided',
  'stage.approved',
  'stage.rejected',
  'stage.returned',
  'proposal.approved',
  'proposal.rejected',
  'proposal.returned',
  'proposal.resubmitted',
  'proposal.withdrawn',
  'proposal.cancelled',
] as const;
export type HistoryEventType = (typeof HISTORY_EVENT_TYPES)[number];

/** The stage events: each says where its stage now stands. */
export const STAGE_EVENT_TYPES = ['stage.opened', 'stage.skipped', 'stage.blocked', 'stage.approved', 'stage.rejected', 'stage.returned'] as const;
export type StageEventType = (typeof STAGE_EVENT_TYPES)[number];

/**
 * The schema version of each event type's data, as the current code writes it. Stored rows carry no
 * version (adding one would change what is hashed): a field added later is optional in the type, so
 * every row ever written still reads as its type. A change that older rows cannot satisfy (a field
 * renamed, removed or retyped) bumps the version here and must keep reading the older shape.
 */
export const HISTORY_EVENT_VERSIONS: Readonly<Record<HistoryEventType, number>> = {
  'proposal.submitted': 1,
  'stage.opened': 1,
  'stage.skipped': 1,
  'stage.blocked': 1,
  'task.created': 1,
  'task.reminded': 1,
  'task.overdue': 1,
  'task.timeout': 1,
  'task.escalated': 1,
  'task.reassigned': 1,
  'task.decided': 1,
  'stage.approved': 1,
  'stage.rejected': 1,
  'stage.returned': 1,
  'proposal.approved': 1,
  'proposal.rejected': 1,
  'proposal.returned': 1,
  'proposal.resubmitted': 1,
  'proposal.withdrawn': 1,
  'proposal.cancelled': 1,
};

/** The chain template version a proposal was submitted on. */
export type TemplateRef = {
  id: string;
  code: string;
  version: number;
};

/** Who a delegate decides for (capacity `delegate`). */
export type OnBehalfOf = {
  personId: string;
  name: string | null;
};

/** The post the chain named, which the proposer acts for: the slot went to the superior post. */
export type RoutedAround = {
  positionId: string;
  positionTitle: string;
  reason: 'proposer-holds-post';
};

/** Who held a task before or after a move; nobody (`personId` null) when the post is vacant. */
export type TaskHolder = {
  personId: string | null;
  name: string | null;
  capacity: Capacity | null;
  onBehalfOf: OnBehalfOf | null;
};

/** How a stage round was settled: by the decisions taken, or by a timeout policy (`return`). */
export type SettlementCause = 'decision' | 'timeout';

/** Why a timed-out task was not handed on: administrators are told instead. */
export const TIMEOUT_OUTCOMES = ['notify-admin', 'escalation-cap-reached', 'no-superior-post', 'escalation-target-unresolved'] as const;
export type TimeoutOutcome = (typeof TIMEOUT_OUTCOMES)[number];

export type ProposalSubmittedData = {
  template: TemplateRef;
  proposalVersion: number;
  facts: ProposalFacts;
  /** The content as submitted (null from callers that did not send it). */
  snapshot: Record<string, unknown> | null;
};

export type ProposalResubmittedData = {
  round: number;
  stageIndex: number;
  proposalVersion: number;
  facts: ProposalFacts;
  note: string | null;
  snapshot: Record<string, unknown> | null;
};

/** proposal.approved, proposal.rejected, proposal.returned: the stage round that ended the approval (or returned it). */
export type ProposalSettledData = {
  stageIndex: number;
  round: number;
  cause: SettlementCause;
};

/**
 * proposal.withdrawn, proposal.cancelled. A draft withdrawn before it was ever submitted records only
 * the reason: it had no stage, round or tasks.
 */
export type ProposalClosedData = {
  reason: string;
  stageIndex?: number;
  round?: number;
  cancelledTasks?: string[];
};

export type StageOpenedData = {
  stageIndex: number;
  stage: string;
  mode: StageMode;
  round: number;
};

export type StageSkippedData = {
  stageIndex: number;
  stage: string;
  round: number;
  condition: StageCondition | null;
  facts: ProposalFacts;
};

export type StageBlockedData = {
  stageIndex: number;
  stage: string;
  round: number;
  reason: string;
};

/** stage.approved, stage.rejected, stage.returned: the tasks left open that the settlement closed. */
export type StageSettledData = {
  stageIndex: number;
  stage: string;
  round: number;
  cause: SettlementCause;
  closedTasks: string[];
};

export type TaskCreatedData = {
  taskId: string;
  stageIndex: number;
  round: number;
  slot: number;
  dueAt: string | null;
  /** The name of the person acting for the post; null when it is vacant. */
  assignee: string | null;
  escalationLevel: number;
  escalatedFromTaskId: string | null;
  onBehalfOf?: OnBehalfOf;
  reassignedFromTaskId?: string;
  routedAround?: RoutedAround;
};

export type TaskRemindedData = {
  taskId: string;
  /** 1 for the first reminder of the task, and so on. */
  reminder: number;
  dueAt: string | null;
};

export type TaskOverdueData = {
  taskId: string;
  dueAt: string | null;
};

export type TaskTimeoutData = {
  taskId: string;
  policy: TimeoutAction;
  outcome: TimeoutOutcome;
  escalationLevel: number;
};

export type TaskEscalatedData = {
  taskId: string;
  toTaskId: string;
  toPositionId: string;
  toPersonId: string | null;
  toName: string | null;
  policy: TimeoutAction;
  /** The level of the new task. */
  escalationLevel: number;
};

export type TaskReassignedData = {
  taskId: string;
  toTaskId: string;
  stageIndex: number;
  round: number;
  slot: number;
  positionId: string;
  positionTitle?: string;
  reasonCode: ReassignmentReason;
  /** The reason in Bahasa Indonesia, as the timeline shows it. */
  reason: string;
  /** The administrator's reason for a Disposisi. */
  note?: string;
  from: TaskHolder;
  to: TaskHolder;
  /** On what authority the task moved (absent for a Disposisi and from look-ups of older worker code). */
  authority?: MoveAuthority;
};

export type TaskDecidedData = {
  taskId: string;
  stageIndex: number;
  round: number;
  slot: number;
  decision: Decision;
  comment: string | null;
  onEscalation: boolean;
  proposalVersion: number;
  onBehalfOf?: OnBehalfOf;
};

/** The data of each event type. */
export type HistoryEventData = {
  'proposal.submitted': ProposalSubmittedData;
  'stage.opened': StageOpenedData;
  'stage.skipped': StageSkippedData;
  'stage.blocked': StageBlockedData;
  'task.created': TaskCreatedData;
  'task.reminded': TaskRemindedData;
  'task.overdue': TaskOverdueData;
  'task.timeout': TaskTimeoutData;
  'task.escalated': TaskEscalatedData;
  'task.reassigned': TaskReassignedData;
  'task.decided': TaskDecidedData;
  'stage.approved': StageSettledData;
  'stage.rejected': StageSettledData;
  'stage.returned': StageSettledData;
  'proposal.approved': ProposalSettledData;
  'proposal.rejected': ProposalSettledData;
  'proposal.returned': ProposalSettledData;
  'proposal.resubmitted': ProposalResubmittedData;
  'proposal.withdrawn': ProposalClosedData;
  'proposal.cancelled': ProposalClosedData;
};

/** What one event says: its type and the data of that type. Narrow on `type` to read `data`. */
export type HistoryFact<T extends HistoryEventType = HistoryEventType> = { [K in T]: { type: K; data: HistoryEventData[K] } }[T];

/** When an event happened and who did it, around its fact. */
export interface HistoryEventEnvelope {
  /** Unique per proposal; the event id is derived from it so a retried write is a no-op. */
  key: string;
  /** ISO-8601. */
  occurredAt: string;
  actorPersonId?: string | null;
  actorPositionId?: string | null;
  capacity?: Capacity | null;
}

/** A history event to append: the fact in its envelope. */
export type NewHistoryEvent<T extends HistoryEventType = HistoryEventType> = { [K in T]: HistoryEventEnvelope & { type: K; data: HistoryEventData[K] } }[T];

/** A stored history row: the fact with its place in the chain and its hash. */
export type RecordedHistoryEvent = HistoryFact & {
  id: string;
  proposalId: string;
  seq: number;
  occurredAt: string;
  actorPersonId: string | null;
  actorPositionId: string | null;
  capacity: Capacity | null;
  prevHash: string | null;
  hash: string;
};

/**
 * A change to an approval task. A write that names the stage (`stageIndex`) creates the task with
 * every column given; any other write updates only the columns it names. Times are ISO-8601.
 */
export interface TaskWrite {
  id: string;
  stageIndex?: number;
  stageName?: string;
  round?: number;
  slot?: number;
  positionId?: string;
  assigneePersonId?: string | null;
  capacity?: Capacity | null;
  onBehalfOfPersonId?: string | null;
  assignedByPersonId?: string | null;
  reassignedFromTaskId?: string | null;
  status?: TaskStatus;
  createdAt?: string;
  dueAt?: string | null;
  escalationLevel?: number;
  escalatedFromTaskId?: string | null;
  remindersSent?: number;
  overdueAt?: string | null;
  decision?: Decision | null;
  comment?: string | null;
  decidedAt?: string | null;
  decidedByPersonId?: string | null;
}

/** The columns of the proposal row a batch changes; times are ISO-8601. */
export interface ProposalWrite {
  status?: ProposalStatus;
  currentStage?: number | null;
  currentStageName?: string | null;
  round?: number;
  escalated?: boolean;
  submittedAt?: string;
  decidedAt?: string | null;
  stageOpenedAt?: string | null;
}

export const NOTIFICATION_KINDS = ['task.assigned', 'task.reminder', 'task.overdue', 'task.escalated', 'task.reassigned', 'proposal.decided', 'admin.alert'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A message for the outbox; its id derives from the event key and the recipient. */
export interface NotificationWrite {
  key: string;
  kind: NotificationKind;
  taskId?: string | null;
  recipientPersonId?: string | null;
  recipientRole?: string | null;
  payload?: Record<string, unknown>;
}

/** One fact of an approval and its effects on the read models, written atomically. */
export interface RecordBatch {
  proposalId: string;
  events: NewHistoryEvent[];
  tasks?: TaskWrite[];
  proposal?: ProposalWrite;
  notifications?: NotificationWrite[];
}

import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ChainDefinition, ProposalFacts } from '@libs/domain/chain';
import type { Capacity, Decision, ProposalStatus, TaskStatus } from '@libs/domain/proposal';

/** Shared between the API (client), the worker and the workflow. Must bundle: no Node or Nest imports. */

export const DEFAULT_TASK_QUEUE = 'estafet-approvals';

export const workflowIdForProposal = (proposalId: string): string => `proposal-${proposalId}`;

/** History events after which a run hands over to a fresh one (continue-as-new) at a quiet moment. */
export const DEFAULT_CONTINUE_AS_NEW_AFTER = 2000;

export interface ApprovalWorkflowInput {
  proposalId: string;
  proposerPersonId: string;
  unitId: string;
  /** The unit's code, for the EstafetUnitCode search attribute (absent in runs started by older API code). */
  unitCode?: string;
  template: { id: string; code: string; version: number };
  chain: ChainDefinition;
  /** What stage conditions test, as of submission. */
  facts: ProposalFacts;
  /** Content version submitted; each decision records the version it was taken on. */
  proposalVersion: number;
  /** The submitted content, kept in the record so every version stays recoverable. */
  snapshot?: Record<string, unknown>;
  /** Tuning for tests and operators; defaults apply when absent. */
  options?: { continueAsNewAfterEvents?: number };
  /** Set only by continue-as-new: the state the previous run handed over. */
  carried?: CarriedState;
}

/** Everything a run needs to pick up where the previous run stopped. */
export interface CarriedState {
  state: ApprovalState;
}

export interface DecisionInput {
  taskId: string;
  actorPersonId: string;
  decision: Decision;
  comment?: string;
}

export interface DecisionResult {
  taskId: string;
  decision: Decision;
  decidedAt: string;
  actorPersonId: string;
  actorPositionId: string;
  capacity: Capacity;
  /** With capacity `delegate`: on whose behalf the decision was taken. */
  onBehalfOfPersonId: string | null;
  /** True when the task was the result of an escalation ("on escalation"). */
  onEscalation: boolean;
  proposalVersion: number;
  proposalStatus: ProposalStatus;
}

/** Withdrawal by the proposer or cancellation by an administrator. */
export interface CloseInput {
  actorPersonId: string;
  reason: string;
}

export interface CloseResult {
  proposalStatus: ProposalStatus;
  closedAt: string;
  cancelledTasks: string[];
}

export interface ResubmitInput {
  actorPersonId: string;
  proposalVersion: number;
  facts: ProposalFacts;
  snapshot?: Record<string, unknown>;
  note?: string;
}

export interface ResubmitResult {
  round: number;
  stageIndex: number;
  proposalStatus: ProposalStatus;
}

export interface TaskState {
  taskId: string;
  stageIndex: number;
  round: number;
  slot: number;
  positionId: string;
  assigneePersonId: string | null;
  assigneeName: string | null;
  capacity: Capacity | null;
  status: TaskStatus;
  createdAt: string;
  dueAt: string | null;
  escalationLevel: number;
  escalatedFromTaskId: string | null;
  remindersSent: number;
  overdueAt: string | null;
  /** Set when a notify-only timeout was handled, so it is handled once. */
  timeoutHandled?: boolean;
  decidedByPersonId?: string;
  decidedByName?: string;
  /** With capacity `delegate`: the person acting for the post who delegated (absent before delegations existed). */
  onBehalfOfPersonId?: string | null;
  onBehalfOfName?: string | null;
  /** Set when this task replaced another because the person acting for the post changed. */
  reassignedFromTaskId?: string | null;
  /** Set when an administrator assigned the task (Disposisi): it no longer follows the post's holder. */
  assignedByPersonId?: string | null;
  /** When the slot's clock started: reminders count from here, so a reassignment does not restart them. */
  openedAt?: string;
  /** Set when the post the chain named is one the proposer acts for, so the slot went to the superior post. */
  routedAround?: { positionId: string; positionTitle: string; reason: 'proposer-holds-post' };
}

export interface ApprovalState {
  proposalId: string;
  status: ProposalStatus;
  stageIndex: number;
  round: number;
  proposalVersion: number;
  facts: ProposalFacts;
  /** Stages skipped because their condition does not hold, per round. */
  skipped: number[];
  tasks: TaskState[];
  /** Runs of this approval so far (1 + continue-as-new count). */
  run: number;
  /** Set while the current stage round cannot be resolved (stage.blocked): it waits for an administrator. */
  blocked?: { stageIndex: number; round: number; since: string; reason: string } | null;
}

/**
 * The memo of an approval workflow, set by the API when it starts the workflow, so that the Temporal
 * UI and `temporal workflow describe` show what a run is about without a look-up.
 */
export interface ApprovalMemo {
  title: string;
  proposerName: string;
  unitCode: string;
  unitName: string;
  /** `code@version` of the chain template, as in EstafetTemplate. */
  template: string;
  templateName: string;
}

export const decideUpdate = defineUpdate<DecisionResult, [DecisionInput]>('decide');
export const withdrawUpdate = defineUpdate<CloseResult, [CloseInput]>('withdraw');
export const cancelUpdate = defineUpdate<CloseResult, [CloseInput]>('cancel');
export const resubmitUpdate = defineUpdate<ResubmitResult, [ResubmitInput]>('resubmit');
export const stateQuery = defineQuery<ApprovalState>('state');

/** An administrator moves open tasks to a person of their choice (Disposisi), with a reason. */
export interface AssignInput {
  taskIds: string[];
  toPersonId: string;
  toName: string;
  actorPersonId: string;
  reason: string;
}

export interface AssignResult {
  moved: { taskId: string; newTaskId: string }[];
  skipped: { taskId: string; message: string }[];
}
export const assignUpdate = defineUpdate<AssignResult, [AssignInput]>('assign');

/**
 * Who acts for these posts may have changed (appointment, Plt./Plh. term, delegation): the workflow
 * looks up who acts now and moves its open tasks of those posts to them. Idempotent: a signal about
 * a post whose tasks already sit with the right person changes nothing.
 */
export interface ActingChangedInput {
  positionIds: string[];
}
export const actingChangedSignal = defineSignal<[ActingChangedInput]>('actingChanged');

/**
 * Failure types raised by the workflow when refusing an update. The API maps each to an HTTP status
 * (see apps/api/tasks/decision-errors.ts).
 */
export const DecisionFailure = {
  TaskNotFound: 'TaskNotFound',
  NotAssignee: 'NotAssignee',
  SelfApproval: 'SelfApproval',
  AlreadyDecided: 'AlreadyDecided',
  ReasonRequired: 'ReasonRequired',
  ReturnNotAllowed: 'ReturnNotAllowed',
  RequiresDefinitive: 'RequiresDefinitive',
  NotProposer: 'NotProposer',
  WrongState: 'WrongState',
} as const;
export type DecisionFailureType = (typeof DecisionFailure)[keyof typeof DecisionFailure];

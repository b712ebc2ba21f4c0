import { DecisionFailure, DecisionFailureType } from './approval.contract';

/**
 * Every refusal of an approval update (decision, withdrawal, cancellation, resubmission, Disposisi):
 * its failure type (the `ApplicationFailure` type the workflow raises), the code and HTTP status the
 * API answers with, and its message. The workflow builds its refusals here and the API translates
 * them back with the same tables, so a refusal reads the same wherever it is raised. Pure: no I/O,
 * bundles into the workflow.
 *
 * A message is not part of a workflow's history as far as replay goes (docs/WORKFLOW-VERSIONING.md):
 * wording may change freely; which refusals the workflow raises may not.
 */

export { DecisionFailure };
export type { DecisionFailureType };

/** One refusal: what the workflow raises and the API answers. `details` is the error's second part (who decided, to whom it moved). */
export interface Refusal {
  type: DecisionFailureType;
  message: string;
  details?: Record<string, unknown>;
}

/** The API's error code for each failure type. */
export const REFUSAL_CODES: Record<DecisionFailureType, string> = {
  TaskNotFound: 'TASK_NOT_FOUND',
  NotAssignee: 'NOT_ASSIGNEE',
  SelfApproval: 'SEGREGATION_OF_DUTIES',
  AlreadyDecided: 'ALREADY_DECIDED',
  ReasonRequired: 'REASON_REQUIRED',
  ReturnNotAllowed: 'RETURN_NOT_ALLOWED',
  RequiresDefinitive: 'REQUIRES_DEFINITIVE_HOLDER',
  NotProposer: 'NOT_PROPOSER',
  WrongState: 'INVALID_STATE',
};

/** The API's HTTP status for each failure type (plain numbers: this module imports nothing from Nest). */
export const REFUSAL_HTTP_STATUS: Record<DecisionFailureType, number> = {
  TaskNotFound: 404,
  NotAssignee: 403,
  SelfApproval: 403,
  AlreadyDecided: 409,
  ReasonRequired: 422,
  ReturnNotAllowed: 422,
  RequiresDefinitive: 403,
  NotProposer: 403,
  WrongState: 409,
};

/** Whether a failure type (e.g. an `ApplicationFailure.type` from the workflow) is one of these refusals. */
export const isRefusalType = (type: string | null | undefined): type is DecisionFailureType =>
  !!type && Object.prototype.hasOwnProperty.call(REFUSAL_CODES, type);

/** The API's answer when the approval's workflow has finished: not a refusal the workflow raises. */
export const APPROVAL_CLOSED = {
  code: 'APPROVAL_CLOSED',
  httpStatus: 409,
  message: 'The approval of this proposal has already finished; nothing more can be done on it.',
} as const;

/** How the person holding a task acts for its post, in words (a refusal names it). */
export const CAPACITY_NAMES: Record<string, string> = {
  plh: 'Plh.',
  plt: 'Plt.',
  delegate: 'a delegate',
  disposisi: 'the person an administrator assigned the task to (Disposisi)',
};

type Closing = 'withdrawn' | 'cancelled';
const closingNoun = (kind: Closing) => (kind === 'withdrawn' ? 'withdrawal' : 'cancellation');

/** The refusals, by situation. */
export const Refusals = {
  taskNotFound: (taskId: string): Refusal => ({
    type: DecisionFailure.TaskNotFound,
    message: `task ${taskId} does not belong to this proposal`,
  }),
  noTaskOfProposal: (): Refusal => ({ type: DecisionFailure.TaskNotFound, message: 'None of these tasks belongs to this proposal.' }),
  selfDecision: (): Refusal => ({
    type: DecisionFailure.SelfApproval,
    message: 'Segregation of duties: a proposer may not decide on their own proposal (pemisahan tugas).',
  }),
  assignToProposer: (): Refusal => ({
    type: DecisionFailure.SelfApproval,
    message: 'Segregation of duties: a task may not be assigned to the proposer of the proposal (pemisahan tugas).',
  }),
  /** The task passed its due time and went to another post; `to` is who holds it there, if anyone. */
  escalated: (to: string | null | undefined): Refusal => ({
    type: DecisionFailure.AlreadyDecided,
    message: `This task passed its due time and was escalated${to ? ` to ${to}` : ''}.`,
    details: { escalatedTo: to ?? null },
  }),
  /** The person acting for the post changed; `to` is who holds the task now (none: the post is vacant). */
  reassigned: (to: string | null | undefined): Refusal => ({
    type: DecisionFailure.AlreadyDecided,
    message: `This task moved to ${to ?? 'the post, now vacant'} because the person acting for the post changed.`,
    details: { reassignedTo: to ?? null },
  }),
  /**
   * The task (or its stage round) is closed. `by`: who decided, if known. `status`: the task's status,
   * named when the refusal comes from the read model rather than from the running approval.
   */
  closed: (by: string | null | undefined, status?: string): Refusal => ({
    type: DecisionFailure.AlreadyDecided,
    message: `This task is already closed${status ? ` (${status})` : ''}${by ? `: decided by ${by}` : ''}.`,
    details: { decidedBy: by ?? null, ...(status ? { status } : {}) },
  }),
  /** The task was decided by someone the read model names (or does not: `another official`). */
  decidedBy: (by: string | null | undefined): Refusal => ({
    type: DecisionFailure.AlreadyDecided,
    message: `This task is already closed: decided by ${by ?? 'another official'}.`,
    details: { decidedBy: by ?? null },
  }),
  notAssignee: (): Refusal => ({
    type: DecisionFailure.NotAssignee,
    message: 'You are not the person acting for the post this task is addressed to.',
  }),
  requiresDefinitive: (capacity: string | null | undefined): Refusal => ({
    type: DecisionFailure.RequiresDefinitive,
    message: `This stage needs the definitive holder of the post; you act as ${CAPACITY_NAMES[capacity ?? 'delegate']}.`,
    details: { capacity },
  }),
  decisionReasonRequired: (decision: 'reject' | 'return'): Refusal => ({
    type: DecisionFailure.ReasonRequired,
    message: `A ${decision === 'reject' ? 'rejection' : 'return'} needs a reason.`,
  }),
  closeReasonRequired: (kind: Closing): Refusal => ({ type: DecisionFailure.ReasonRequired, message: `A ${closingNoun(kind)} needs a reason.` }),
  assignReasonRequired: (): Refusal => ({ type: DecisionFailure.ReasonRequired, message: 'A Disposisi needs a reason.' }),
  returnNotAllowed: (): Refusal => ({
    type: DecisionFailure.ReturnNotAllowed,
    message: 'This stage may not return the proposal for revision.',
  }),
  /** The approval has ended, or is ending (`status` is the closing kind then). */
  ended: (status: string): Refusal => ({ type: DecisionFailure.WrongState, message: `The approval has already ended (${status}).` }),
  onlyProposerWithdraws: (): Refusal => ({ type: DecisionFailure.NotProposer, message: 'Only the proposer may withdraw a proposal.' }),
  onlyProposerResubmits: (): Refusal => ({ type: DecisionFailure.NotProposer, message: 'Only the proposer may resubmit a proposal.' }),
  notReturned: (status: string): Refusal => ({
    type: DecisionFailure.WrongState,
    message: `Only a proposal returned for revision can be resubmitted; this one is ${status}.`,
  }),
} as const;

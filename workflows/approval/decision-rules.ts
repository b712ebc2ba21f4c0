import type { ApprovalState, AssignInput, CloseInput, DecisionInput, ResubmitInput, TaskState } from '@libs/contracts/approval.contract';
import { Refusal, Refusals } from '@libs/contracts/approval-refusals';
import { StageDefinition, stageOutcome } from '@libs/domain/chain';
import { findTask, isFinal, slotTasks, stagePending } from './task-state';

/**
 * Whether an update may be applied to the approval as it stands, as pure functions returning the
 * refusal (or null). Each is used twice by the workflow: as the update's validator and again at
 * the start of its handler (validators of updates delivered together all see the same state).
 * Validators do not run on replay, handlers do: tightening a rule here breaks running approvals
 * unless the handler's use is patched (docs/WORKFLOW-VERSIONING.md); loosening one is safe.
 */

export type Closing = 'withdrawn' | 'cancelled';

/** What the rules look at: the state, the chain, the proposer, and what is being closed or resubmitted. */
export interface RuleView {
  state: ApprovalState;
  stages: StageDefinition[];
  proposerPersonId: string;
  /** Set once a withdrawal or cancellation was accepted. */
  closing: Closing | null;
  /** Set while an accepted resubmission waits for the main loop. */
  resubmitting: boolean;
}

function closedTaskRefusal(view: RuleView, task: TaskState): Refusal | null {
  const { state, stages } = view;
  if (task.status === 'escalated') return Refusals.escalated(state.tasks.find((t) => t.escalatedFromTaskId === task.taskId)?.assigneeName);
  if (task.status === 'reassigned') return Refusals.reassigned(state.tasks.find((t) => t.reassignedFromTaskId === task.taskId)?.assigneeName);
  if (task.status !== 'open' || view.closing || stageOutcome(stages[task.stageIndex].mode, slotTasks(state, task.stageIndex, task.round)) !== 'pending') {
    return Refusals.closed(task.decidedByName ?? slotTasks(state, task.stageIndex, task.round).find((t) => t.decidedByName)?.decidedByName);
  }
  return null;
}

/** A decision on a task: by the person acting for its post, not the proposer, while its stage round waits. */
export function decisionRefusal(view: RuleView, d: DecisionInput): Refusal | null {
  const task = findTask(view.state, d.taskId);
  if (!task) return Refusals.taskNotFound(d.taskId);
  if (d.actorPersonId === view.proposerPersonId) return Refusals.selfDecision();
  const closed = closedTaskRefusal(view, task);
  if (closed) return closed;
  if (task.assigneePersonId !== d.actorPersonId) return Refusals.notAssignee();
  const def = view.stages[task.stageIndex];
  if (def.requiresDefinitive && task.capacity !== 'definitif') return Refusals.requiresDefinitive(task.capacity);
  if ((d.decision === 'reject' || d.decision === 'return') && !d.comment?.trim()) return Refusals.decisionReasonRequired(d.decision);
  if (d.decision === 'return' && !def.mayReturn) return Refusals.returnNotAllowed();
  return null;
}

/** A withdrawal (by the proposer) or a cancellation, with a reason, of an approval still running. */
export function closeRefusal(view: RuleView, kind: Closing, c: CloseInput): Refusal | null {
  if (isFinal(view.state) || view.closing) return Refusals.ended(view.closing ?? view.state.status);
  if (kind === 'withdrawn' && c.actorPersonId !== view.proposerPersonId) return Refusals.onlyProposerWithdraws();
  if (!c.reason?.trim()) return Refusals.closeReasonRequired(kind);
  return null;
}

/** A resubmission by the proposer of a proposal returned for revision. */
export function resubmitRefusal(view: RuleView, r: ResubmitInput): Refusal | null {
  if (r.actorPersonId !== view.proposerPersonId) return Refusals.onlyProposerResubmits();
  if (view.state.status !== 'returned' || view.closing || view.resubmitting) return Refusals.notReturned(view.state.status);
  return null;
}

/** A Disposisi: with a reason, not to the proposer, of at least one task of this approval while it runs. */
export function assignRefusal(view: RuleView, a: AssignInput): Refusal | null {
  if (isFinal(view.state) || view.closing) return Refusals.ended(view.closing ?? view.state.status);
  if (!a.reason?.trim()) return Refusals.assignReasonRequired();
  if (a.toPersonId === view.proposerPersonId) return Refusals.assignToProposer();
  if (!a.taskIds.some((id) => findTask(view.state, id))) return Refusals.noTaskOfProposal();
  return null;
}

/** Why one task of an accepted Disposisi is left where it is, or null when it moves. */
export function assignSkip(view: RuleView, t: TaskState | undefined, a: AssignInput): string | null {
  if (!t) return 'not a task of this proposal';
  if (t.status !== 'open' || !stagePending(view.stages, view.state, t)) return `already closed (${t.status})`;
  if (t.assigneePersonId === a.toPersonId && t.assignedByPersonId) return 'already assigned to this person';
  return null;
}

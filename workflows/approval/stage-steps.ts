import { allHandlersFinished, condition, continueAsNew, makeContinueAsNewFunc, upsertMemo, uuid4, workflowInfo } from '@temporalio/workflow';
import type { ApprovalState, ApprovalWorkflowInput } from '@libs/contracts/approval.contract';
import type { ResolvedSlot } from '@activities/approver-resolver';
import * as facts from './events';
import { activityFailure, ApprovalRun, now } from './run';
import { newTask, openTasks, slotTasks } from './task-state';

/**
 * The steps of the main loop that write to the record: a stage round opens, settles, the approval
 * closes, a resubmission starts a new round, a run hands over to the next. Each is one async
 * function whose writes and upserts come in a fixed order: that order is the run's history, so a
 * change to it needs a patch (docs/WORKFLOW-VERSIONING.md). Do not split a step into further async
 * functions either: the turns between a write's completion and the next command decide how they
 * interleave with the update handlers' writes.
 */

/** Opens a stage round: resolves its posts to people and creates one task per slot. False when the posts do not resolve (the stage is blocked). */
export async function openStage(run: ApprovalRun, index: number): Promise<boolean> {
  const { input, state, patches } = run;
  const def = run.stage(index);
  const openedAt = now();
  let slots: ResolvedSlot[];
  try {
    slots = await run.lookups.resolveApprovers({ proposalId: input.proposalId, unitId: input.unitId, selectors: def.approvers, at: openedAt, proposerPersonId: input.proposerPersonId });
  } catch (err) {
    const failure = activityFailure(err);
    if (!failure) throw err;
    // The chain names a post that does not resolve (e.g. a unit without a head): only an
    // administrator can sort that out, so the approval waits for them with an alert.
    state.blocked = { stageIndex: index, round: state.round, since: openedAt, reason: failure.message };
    await run.writer.write(facts.stageBlocked({ index, round: state.round, def }, openedAt, failure.message, patches.operatorAttributes));
    if (patches.operatorAttributes) state.status = 'in_review';
    if (patches.batched) run.upsertAttributes();
    return false;
  }
  state.blocked = null;
  const tasks = slots.map((s, slot) => newTask(uuid4(), def, { index, round: state.round, slot, openedAt }, s));
  state.tasks.push(...tasks);
  await run.writer.write(facts.stageOpened({ index, round: state.round, def }, openedAt, tasks));
  // The record now says in_review; so must EstafetStatus (runs before the patch set it only after the upsert).
  if (patches.operatorAttributes) state.status = 'in_review';
  run.upsertAttributes();
  return true;
}

/** Records how a stage round ended and what that means for the proposal. */
export async function settle(run: ApprovalRun, index: number, outcome: facts.Settled, cause: 'decision' | 'timeout'): Promise<void> {
  const { state } = run;
  // The decisions that settled it are answered once the settlement is in the record.
  const settledBy = run.decisions.upToNow();
  const left = slotTasks(state, index).filter((t) => t.status === 'open');
  const leftStatus = cause === 'timeout' ? 'expired' : 'cancelled';
  for (const t of left) t.status = leftStatus;
  const settledAt = now();
  const isLast = index === run.stages.length - 1;
  const ends = outcome !== 'approved' || isLast;
  if (ends) state.status = outcome;
  const ended = ends ? { status: state.status, proposerPersonId: run.input.proposerPersonId } : null;
  const batch = facts.stageSettled({ index, round: state.round, def: run.stage(index) }, { outcome, cause, left, leftStatus, ended }, settledAt);
  if (outcome === 'approved' && !isLast) state.stageIndex = index + 1;
  if (run.patches.batched && !ends) {
    // The next stage opens (or is skipped) right away: its write carries this one.
    run.writer.carry(batch, settledBy);
    return;
  }
  await run.writer.write(batch);
  run.upsertAttributes();
  run.decisions.answer(settledBy);
}

/** Cancels whatever is open and ends the approval as withdrawn or cancelled. */
export async function closeApproval(run: ApprovalRun): Promise<void> {
  const { state } = run;
  const closing = run.closing!;
  const closedAt = now();
  const left = openTasks(state);
  for (const t of left) t.status = 'cancelled';
  state.status = closing.kind;
  const where = { stageIndex: state.stageIndex, round: state.round, proposerPersonId: run.input.proposerPersonId };
  await run.writer.write(facts.closed(closing.kind, closing.input, where, left, closedAt));
  run.upsertAttributes();
  // Decisions caught by the close are answered with the closed state rather than left waiting.
  run.decisions.answerAll();
  closing.result = { proposalStatus: closing.kind, closedAt, cancelledTasks: left.map((t) => t.taskId) };
}

/** Returned for revision: waits for the proposer to resubmit (a new round at the same stage) or for a close. */
export async function awaitResubmission(run: ApprovalRun): Promise<void> {
  const { state } = run;
  for (;;) {
    await condition(() => !!run.closing || !!run.resubmission || (run.quiet() && run.wantsContinueAsNew()));
    if (run.closing) return;
    if (run.resubmission) break;
    await handOver(run);
  }
  const request = run.resubmission!;
  const r = request.input;
  state.round += 1;
  state.status = 'in_review';
  state.proposalVersion = r.proposalVersion;
  state.facts = r.facts;
  await run.writer.write(facts.resubmitted(r, state.round, state.stageIndex, now()));
  // The title may have changed in the revision: the memo follows, so the Temporal UI shows the current one.
  const title = r.snapshot?.title;
  if (run.patches.operatorAttributes && typeof title === 'string' && title !== workflowInfo().memo?.title) upsertMemo({ title });
  run.upsertAttributes();
  request.result = { round: state.round, stageIndex: state.stageIndex, proposalStatus: state.status };
  run.resubmission = null;
}

type ApprovalWorkflowFn = (input: ApprovalWorkflowInput) => Promise<ApprovalState>;

/** Hands over to a fresh run with the same state once nothing is in flight. */
export async function handOver(run: ApprovalRun): Promise<never> {
  if (run.writer.carrying) await run.writer.flush();
  await condition(allHandlersFinished);
  const { snapshot: _omitted, ...rest } = run.input;
  void _omitted;
  // The server does not carry a memo over to the next run by itself.
  if (run.patches.operatorAttributes) return makeContinueAsNewFunc<ApprovalWorkflowFn>({ memo: workflowInfo().memo })({ ...rest, carried: { state: run.state } });
  return continueAsNew<ApprovalWorkflowFn>({ ...rest, carried: { state: run.state } });
}

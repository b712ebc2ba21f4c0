import { allHandlersFinished, condition, patched, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { RetryPolicy } from '@temporalio/common';
import type { ApprovalActivities } from '@activities/approval.activities';
import {
  actingChangedSignal,
  ApprovalState,
  ApprovalWorkflowInput,
  assignUpdate,
  cancelUpdate,
  CloseInput,
  CloseResult,
  decideUpdate,
  DecisionInput,
  DecisionResult,
  resubmitUpdate,
  ResubmitInput,
  ResubmitResult,
  stateQuery,
  withdrawUpdate,
} from '@libs/contracts/approval.contract';
import { conditionHolds, StageOutcome, stageOutcome } from '@libs/domain/chain';
import { assignRefusal, Closing, closeRefusal, decisionRefusal, resubmitRefusal } from './decision-rules';
import * as facts from './events';
import { reassign, assignTasks } from './reassignment';
import { ApprovalRun, ClosingRequest, initialState, now, refuseIf, ResubmitRequest } from './run';
import { awaitResubmission, closeApproval, handOver, openStage, settle } from './stage-steps';
import { findTask, isFinal, slotTasks } from './task-state';
import { handleTimers } from './timer-steps';
import { nextWake } from './timing';

const ACTIVITY_RETRY: RetryPolicy = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '1 minute',
  // The record must eventually be written: retry transient failures without limit; domain errors
  // are raised as non-retryable ApplicationFailures.
  nonRetryableErrorTypes: ['ApproverNotFound'],
};

/** Activities through the server: every write to the record, and the look-ups of runs started before the `batched-writes` patch. */
const remoteActivities = proxyActivities<ApprovalActivities>({ startToCloseTimeout: '30 seconds', retry: ACTIVITY_RETRY });

/**
 * The look-ups (who acts for a post, who resolves a stage or an escalation) as local activities: read
 * only, in the worker that runs the workflow task, with no trip through the server. Writes never run
 * this way: a local activity runs before its workflow task completes, and a task that is lost (its
 * worker killed) runs again, possibly differently (an Update or a signal may have arrived meanwhile),
 * so a local write could leave in the record a fact the workflow never took.
 */
const lookups = proxyLocalActivities<Pick<ApprovalActivities, 'resolveApprovers' | 'resolveEscalation' | 'resolveActing'>>({
  startToCloseTimeout: '30 seconds',
  localRetryThreshold: '10 seconds',
  retry: ACTIVITY_RETRY,
});

/**
 * One workflow per proposal: the single writer of its approval state. Runs the chain stage by stage,
 * applies decisions (updates), SLA timers and timeout policies, the revision loop, withdrawal and
 * cancellation, and writes every fact to the durable record through activities.
 *
 * The update handlers check and accept; the main loop acts: a decision waits in `run.decisions`, a
 * withdrawal or cancellation in `run.closing`, a resubmission in `run.resubmission`, each answered
 * once its consequences are in the record.
 */
export async function approvalWorkflow(input: ApprovalWorkflowInput): Promise<ApprovalState> {
  const state = initialState(input);
  // Before any other command: approvals started by earlier releases replay without the marker, keep
  // their look-ups as activities and write each fact on its own (docs/WORKFLOW-VERSIONING.md).
  const batched = patched('batched-writes');
  // Also before any other command, computed once: a stage's opening sets EstafetStatus to in_review
  // before it upserts (it used to say `submitted` until the next change), the attributes an
  // administrator filters by (EstafetUnitCode, EstafetWaiting, EstafetStageOpenedAt) are written, and
  // a move or a Disposisi that changes them upserts them. Each of these changes which upserts a run
  // makes, so runs written before it keep the old path (docs/WORKFLOW-VERSIONING.md).
  const operatorAttributes = patched('operator-attributes');
  const run = new ApprovalRun(input, state, { batched, operatorAttributes }, batched ? lookups : remoteActivities, remoteActivities.record);
  registerHandlers(run);

  if (!input.carried) {
    // The first stage opens (or is skipped) right away, so its write carries the submission.
    const submission = facts.submitted(input, now());
    if (batched) run.writer.carry(submission);
    else await run.writer.write(submission);
  }
  // Search attributes change with every write that moves the approval; batched, the first stage's
  // opening sets them, one upsert (a history event) fewer.
  if (!batched || input.carried) run.upsertAttributes();

  while (!isFinal(state)) {
    if (run.closing) {
      await closeApproval(run);
      break;
    }
    if (state.status === 'returned') {
      await awaitResubmission(run);
      continue;
    }
    const index = state.stageIndex;
    const def = run.stage(index);
    const stageRound = { index, round: state.round, def };
    const skipKey = state.round * 1000 + index;
    const opened = state.tasks.some((t) => t.stageIndex === index && t.round === state.round);
    if (!opened && !state.skipped.includes(skipKey) && !conditionHolds(def.condition, state.facts)) {
      state.skipped.push(skipKey);
      await run.writer.write(facts.stageSkipped(stageRound, now(), state.facts));
    }
    if (state.skipped.includes(skipKey)) {
      if (index === run.stages.length - 1) {
        state.status = 'approved';
        await run.writer.write(facts.approvedBySkip(index, state.round, input.proposerPersonId, now()));
        run.upsertAttributes();
      } else {
        state.stageIndex = index + 1;
      }
      continue;
    }
    const resolvable = opened ? true : await openStage(run, index);
    // Whatever was carried must be in the record before the stage waits for people.
    if (run.writer.carrying) await run.writer.flush();
    state.status = 'in_review';
    const outcome = await awaitStage(run, index, resolvable);
    if (outcome === 'closed') continue;
    if (outcome === 'timed-out') await settle(run, index, 'returned', 'timeout');
    else await settle(run, index, outcome as facts.Settled, 'decision');
  }

  await condition(allHandlersFinished);
  return state;
}

/** Waits until the stage round is settled by decisions or a timeout policy, or the approval is closed. */
async function awaitStage(run: ApprovalRun, index: number, resolvable: boolean): Promise<StageOutcome | 'closed' | 'timed-out'> {
  const { state, writer, decisions } = run;
  const def = run.stage(index);
  for (;;) {
    if (run.closing) return 'closed';
    if (resolvable) {
      const outcome = stageOutcome(def.mode, slotTasks(state, index));
      if (outcome !== 'pending') return outcome;
    }
    const wake = resolvable ? nextWake(def, slotTasks(state, index)) : null;
    const woken = () => !!run.closing || (writer.inFlight === 0 && decisions.hasPending) || (run.quiet() && run.wantsContinueAsNew());
    const signalled = wake === null ? (await condition(woken), true) : await condition(woken, Math.max(1, wake - Date.now()));
    if (run.closing) return 'closed';
    if (!signalled) {
      if ((await handleTimers(run, index)) === 'returned') return 'timed-out';
      continue;
    }
    if (decisions.hasPending) {
      const waiting = decisions.upToNow();
      if (stageOutcome(def.mode, slotTasks(state, index)) === 'pending') {
        // Decisions that settle nothing yet are written on their own.
        if (writer.carrying) await writer.flush();
        decisions.answer(waiting);
      }
      continue;
    }
    if (run.quiet() && run.wantsContinueAsNew()) await handOver(run);
  }
}

/** The updates, the query and the signal. Each update is checked twice: by its validator and again when applied (see decision-rules.ts). */
function registerHandlers(run: ApprovalRun): void {
  const { state } = run;
  setHandler(stateQuery, () => state);

  setHandler(
    decideUpdate,
    async (d: DecisionInput): Promise<DecisionResult> => {
      // Validators of updates delivered together all see the same state; re-check before applying.
      refuseIf(decisionRefusal(run.view, d));
      const task = findTask(state, d.taskId)!;
      const decidedAt = now();
      task.status = d.decision === 'approve' ? 'approved' : d.decision === 'reject' ? 'rejected' : 'returned';
      task.decidedByPersonId = d.actorPersonId;
      task.decidedByName = task.assigneeName ?? undefined;
      const ticket = run.decisions.accept();
      const decision = facts.decided(task, d, decidedAt, state.proposalVersion);
      // Batched: the main loop writes the decision with what it settles (or alone, if it settles nothing).
      if (run.patches.batched) run.writer.carry(decision);
      else await run.writer.write(decision);
      await condition(() => ticket.answered);
      return {
        taskId: task.taskId,
        decision: d.decision,
        decidedAt,
        actorPersonId: d.actorPersonId,
        actorPositionId: task.positionId,
        capacity: task.capacity ?? 'definitif',
        onBehalfOfPersonId: task.onBehalfOfPersonId ?? null,
        onEscalation: task.escalationLevel > 0,
        proposalVersion: state.proposalVersion,
        proposalStatus: state.status,
      };
    },
    { validator: (d: DecisionInput) => refuseIf(decisionRefusal(run.view, d)) },
  );

  const closeHandler = (kind: Closing) => async (c: CloseInput): Promise<CloseResult> => {
    refuseIf(closeRefusal(run.view, kind, c));
    const request: ClosingRequest = { kind, input: c, result: null };
    run.closing = request;
    await condition(() => request.result !== null);
    return request.result!;
  };
  setHandler(withdrawUpdate, closeHandler('withdrawn'), { validator: (c: CloseInput) => refuseIf(closeRefusal(run.view, 'withdrawn', c)) });
  setHandler(cancelUpdate, closeHandler('cancelled'), { validator: (c: CloseInput) => refuseIf(closeRefusal(run.view, 'cancelled', c)) });

  setHandler(
    resubmitUpdate,
    async (r: ResubmitInput): Promise<ResubmitResult> => {
      refuseIf(resubmitRefusal(run.view, r));
      const request: ResubmitRequest = { input: r, result: null };
      run.resubmission = request;
      await condition(() => request.result !== null);
      return request.result!;
    },
    { validator: (r: ResubmitInput) => refuseIf(resubmitRefusal(run.view, r)) },
  );

  setHandler(assignUpdate, (a) => assignTasks(run, a), { validator: (a) => refuseIf(assignRefusal(run.view, a)) });

  setHandler(actingChangedSignal, async (change) => {
    for (const positionId of change?.positionIds ?? []) run.changedPosts.add(positionId);
    await reassign(run);
  });
}

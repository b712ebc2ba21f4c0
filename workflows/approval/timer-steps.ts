import { uuid4 } from '@temporalio/workflow';
import { timeoutPolicyOf } from '@libs/domain/chain';
import type { ResolvedSlot } from '@activities/approver-resolver';
import * as facts from './events';
import { activityFailure, ApprovalRun, now } from './run';
import { newTask, slotTasks } from './task-state';
import { alertReason, markDue, timeoutPlan } from './timer-policy';

/**
 * Reminders, overdue marks and timeout policies that have come due for the stage's open tasks.
 * Returns 'returned' when the stage's policy sends the proposal back. One async function on purpose
 * (see stage-steps.ts): its look-ups and writes come in a fixed order, per timed-out task.
 */
export async function handleTimers(run: ApprovalRun, index: number): Promise<'returned' | null> {
  const { input, state, writer } = run;
  const def = run.stage(index);
  const policy = timeoutPolicyOf(def);
  const { batch: marks, timedOut } = markDue(def, slotTasks(state, index).filter((x) => x.status === 'open'), Date.now(), now());
  if (marks) {
    // Batched, the overdue mark of a task whose time is up travels with what its
    // timeout policy writes next (an escalation, an alert, the return), in one transaction.
    if (run.patches.batched && timedOut.length) writer.carry(marks);
    else await writer.write(marks);
  }

  if (timedOut.length && policy.action === 'return') {
    for (const t of timedOut) t.timeoutHandled = true;
    return 'returned';
  }
  for (const t of timedOut) {
    const plan = timeoutPlan(policy, t);
    let target: ResolvedSlot | null = null;
    let unresolved = false;
    if (plan.lookUpTarget) {
      try {
        target = await run.lookups.resolveEscalation({
          proposalId: input.proposalId,
          fromPositionId: t.positionId,
          targetPositionId: plan.targetPositionId,
          at: now(),
          proposerPersonId: input.proposerPersonId,
        });
      } catch (err) {
        // The policy names a post that no longer resolves: the task stays where it is and
        // administrators are told, as for a stage whose posts do not resolve. Failing here would
        // end the approval with its overdue task unmarked.
        if (!activityFailure(err)) throw err;
        unresolved = true;
      }
      // A decision may have arrived while the target was being resolved.
      if (t.status !== 'open' || run.closing) continue;
    }
    t.timeoutHandled = true;
    const when = now();
    if (!target) {
      await writer.write(facts.timedOutAlert(t, policy.action, alertReason(plan, unresolved), def.name, when));
      continue;
    }
    t.status = 'escalated';
    const replacement = newTask(uuid4(), def, { index, round: state.round, slot: t.slot, openedAt: when }, target, t);
    state.tasks.push(replacement);
    await writer.write(facts.escalated(t, replacement, target, policy.action, def.name, when));
  }
  // Every timed-out task may have been decided meanwhile: the marks are written all the same.
  if (writer.carrying) await writer.flush();
  run.upsertAttributes();
  return null;
}

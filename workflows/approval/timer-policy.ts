import type { TaskState } from '@libs/contracts/approval.contract';
import { StageDefinition, timeoutPolicyOf } from '@libs/domain/chain';
import type { TimeoutOutcome } from '@libs/contracts/record.contract';
import * as facts from './events';
import { Batch, mergeBatches } from './serial-writer';
import { reminderTimes, timeoutTime } from './timing';

/**
 * What the clock does to a stage's open tasks, as pure functions: which reminders and overdue marks
 * have come due (`markDue`), which tasks' time is up, and what a timeout does under the stage's
 * policy (`timeoutPlan`). When the workflow wakes for them is `timing.ts`.
 */

export type TimeoutPolicyOf = ReturnType<typeof timeoutPolicyOf>;

/**
 * Marks the reminders and overdue marks due at `at` on these open tasks (it advances
 * `remindersSent` and sets `overdueAt`) and returns what to record, plus the tasks whose timeout
 * policy now applies (not yet handled).
 */
export function markDue(def: StageDefinition, open: TaskState[], at: number, occurredAt: string): { batch: Batch | null; timedOut: TaskState[] } {
  let batch: Batch | null = null;
  const add = (b: Batch) => (batch = batch ? mergeBatches(batch, b) : b);
  const timedOut: TaskState[] = [];
  for (const t of open) {
    const reminders = reminderTimes(def, t);
    while (t.remindersSent < reminders.length && reminders[t.remindersSent] <= at) {
      t.remindersSent++;
      add(facts.reminded(t, t.remindersSent, def.name, occurredAt));
    }
    if (t.dueAt && Date.parse(t.dueAt) <= at && !t.overdueAt) {
      t.overdueAt = occurredAt;
      add(facts.overdue(t, def.name, occurredAt));
    }
    const timeout = timeoutTime(def, t);
    if (timeout !== null && timeout <= at && !t.timeoutHandled) timedOut.push(t);
  }
  return { batch, timedOut };
}

/** What a timed-out task's policy asks for: hand the slot on (escalate) unless its escalations are used up. */
export interface TimeoutPlan {
  /** The policy escalates (`escalate-superior`, `escalate-to`). */
  escalates: boolean;
  /** The slot was escalated `maxEscalations` times already: administrators are told instead. */
  capped: boolean;
  /** Whether to look up an escalation target. */
  lookUpTarget: boolean;
  /** With `escalate-to`: the post named by the policy. */
  targetPositionId?: string;
}

export function timeoutPlan(policy: TimeoutPolicyOf, t: TaskState): TimeoutPlan {
  const escalates = policy.action === 'escalate-superior' || policy.action === 'escalate-to';
  const capped = escalates && t.escalationLevel >= policy.maxEscalations;
  return {
    escalates,
    capped,
    lookUpTarget: escalates && !capped,
    targetPositionId: policy.action === 'escalate-to' ? policy.positionId : undefined,
  };
}

/** Why a timed-out task stays where it is (the outcome of its `task.timeout` event). */
export const alertReason = (plan: TimeoutPlan, targetUnresolved = false): TimeoutOutcome =>
  !plan.escalates ? 'notify-admin' : plan.capped ? 'escalation-cap-reached' : targetUnresolved ? 'escalation-target-unresolved' : 'no-superior-post';

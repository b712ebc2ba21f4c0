import type { TaskState } from '@libs/contracts/approval.contract';
import type { StageDefinition } from '@libs/domain/chain';
import { durationToMs } from '@libs/domain/duration';

/**
 * Time-based steps of an open task, as pure functions of the task and its stage: reminders after it
 * opens, the due time (Jatuh Tempo), and the moment the stage's timeout policy applies.
 */

const at = (iso: string, plusMs: number) => Date.parse(iso) + plusMs;

export const graceMs = (def: StageDefinition): number => (def.onTimeout?.after ? durationToMs(def.onTimeout.after) : 0);

export function reminderTimes(def: StageDefinition, task: TaskState): number[] {
  return (def.reminders ?? []).map((r) => at(task.openedAt ?? task.createdAt, durationToMs(r)));
}

export const dueTime = (task: TaskState): number | null => (task.dueAt ? Date.parse(task.dueAt) : null);

export function timeoutTime(def: StageDefinition, task: TaskState): number | null {
  const due = dueTime(task);
  return due === null ? null : due + graceMs(def);
}

/** The earliest moment at which something is due for one of these open tasks, or null if nothing ever is. */
export function nextWake(def: StageDefinition, tasks: TaskState[]): number | null {
  const moments: number[] = [];
  for (const task of tasks) {
    if (task.status !== 'open') continue;
    const reminders = reminderTimes(def, task);
    if (task.remindersSent < reminders.length) moments.push(reminders[task.remindersSent]);
    const due = dueTime(task);
    if (due !== null && !task.overdueAt) moments.push(due);
    const timeout = timeoutTime(def, task);
    if (timeout !== null && !task.timeoutHandled) moments.push(timeout);
  }
  return moments.length ? Math.min(...moments) : null;
}

import type { ApprovalState, TaskState } from '@libs/contracts/approval.contract';
import { StageDefinition, stageOutcome } from '@libs/domain/chain';
import { durationToMs } from '@libs/domain/duration';
import { FINAL_STATUSES } from '@libs/domain/proposal';
import type { ResolvedSlot } from '@activities/approver-resolver';

/**
 * The approval's tasks and slots, as pure functions of its state: which tasks fill a stage round,
 * which are open, who holds them, and the tasks a stage opening, an escalation or a move creates.
 * Task ids are passed in (the workflow draws them from its seeded `uuid4()`, in a fixed order).
 */

/** The tasks that currently fill the slots of a stage round (escalated and reassigned ones were replaced). */
export const slotTasks = (state: ApprovalState, index: number, round = state.round): TaskState[] =>
  state.tasks.filter((t) => t.stageIndex === index && t.round === round && t.status !== 'reassigned' && t.status !== 'escalated');

export const openTasks = (state: ApprovalState): TaskState[] => state.tasks.filter((t) => t.status === 'open');

export const findTask = (state: ApprovalState, taskId: string): TaskState | undefined => state.tasks.find((t) => t.taskId === taskId);

export const isFinal = (state: ApprovalState): boolean => FINAL_STATUSES.includes(state.status);

/** Whether the stage round of this task still waits for decisions. */
export const stagePending = (stages: StageDefinition[], state: ApprovalState, t: TaskState): boolean =>
  stageOutcome(stages[t.stageIndex].mode, slotTasks(state, t.stageIndex, t.round)) === 'pending';

/** Whether the current stage round is the one found blocked (its posts did not resolve). */
export const blockedHere = (state: ApprovalState): boolean =>
  !!state.blocked && state.blocked.stageIndex === state.stageIndex && state.blocked.round === state.round;

/** Who holds a task for a resolved post: the person acting for it, in which capacity, for whom. */
export const heldBy = (s: ResolvedSlot) => ({
  assigneePersonId: s.personId,
  assigneeName: s.personName,
  capacity: s.capacity,
  onBehalfOfPersonId: s.onBehalfOfPersonId ?? null,
  onBehalfOfName: s.onBehalfOfName ?? null,
});

/** Who holds a task, as a reassignment records it (`from` and `to`). */
export const holder = (x: TaskState) => ({
  personId: x.assigneePersonId,
  name: x.assigneeName,
  capacity: x.capacity,
  onBehalfOf: x.onBehalfOfPersonId ? { personId: x.onBehalfOfPersonId, name: x.onBehalfOfName ?? null } : null,
});

/** A new open task of a stage round for a resolved post; `from` is the task it escalates. */
export function newTask(
  taskId: string,
  def: StageDefinition,
  at: { index: number; round: number; slot: number; openedAt: string },
  s: ResolvedSlot,
  from?: TaskState,
): TaskState {
  return {
    taskId,
    stageIndex: at.index,
    round: at.round,
    slot: at.slot,
    positionId: s.positionId,
    ...heldBy(s),
    status: 'open',
    createdAt: at.openedAt,
    dueAt: def.sla ? new Date(Date.parse(at.openedAt) + durationToMs(def.sla)).toISOString() : null,
    escalationLevel: from ? from.escalationLevel + 1 : 0,
    escalatedFromTaskId: from?.taskId ?? null,
    remindersSent: 0,
    overdueAt: null,
    ...(s.routedAround ? { routedAround: s.routedAround } : {}),
  };
}

export type NewHolder = Pick<TaskState, 'assigneePersonId' | 'assigneeName' | 'capacity' | 'onBehalfOfPersonId' | 'onBehalfOfName' | 'assignedByPersonId'>;

/**
 * The task that takes over an open one for another person: same slot, due time, reminders and
 * escalation level (the clock does not restart).
 */
export const replacementTask = (taskId: string, t: TaskState, to: NewHolder, when: string): TaskState => ({
  ...t,
  taskId,
  assignedByPersonId: null,
  ...to,
  status: 'open',
  createdAt: when,
  openedAt: t.openedAt ?? t.createdAt,
  reassignedFromTaskId: t.taskId,
});

/** Whether a resolved post's holder is the one already holding the task (nothing to move). */
export const sameHolder = (t: TaskState, s: ResolvedSlot): boolean =>
  t.assigneePersonId === s.personId && t.capacity === s.capacity && (t.onBehalfOfPersonId ?? null) === (s.onBehalfOfPersonId ?? null);

/** Who holds each post's open tasks that follow the post, so the look-up can name the term of theirs that ended. */
export const holdersOf = (state: ApprovalState, posts: string[]) =>
  posts.flatMap((positionId) => {
    const t = openTasks(state).find((x) => x.positionId === positionId && !x.assignedByPersonId);
    return t ? [{ positionId, personId: t.assigneePersonId, capacity: t.capacity, onBehalfOfPersonId: t.onBehalfOfPersonId ?? null }] : [];
  });

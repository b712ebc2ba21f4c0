import { uuid4 } from '@temporalio/workflow';
import type { AssignInput, AssignResult, TaskState } from '@libs/contracts/approval.contract';
import { reassignmentReason } from '@libs/domain/acting';
import { authorityForTask, moveActor } from '@libs/domain/acting-authority';
import type { ResolvedSlot } from '@activities/approver-resolver';
import { assignRefusal, assignSkip } from './decision-rules';
import * as facts from './events';
import { activityFailure, ApprovalRun, now, refuseIf } from './run';
import { findTask, heldBy, holdersOf, isFinal, NewHolder, openTasks, replacementTask, sameHolder, stagePending } from './task-state';

/**
 * Open tasks that change hands without a decision: a Disposisi (an administrator assigns them) and a
 * change of who acts for a post (the `actingChanged` signal). Each write here is one `record`
 * activity, after the look-up, in a fixed order (see stage-steps.ts).
 */

type MoveBatch = facts.MoveFacts;
const newMoveBatch = (): MoveBatch => ({ events: [], tasks: [], notifications: [] });

/** Replaces an open task by one for another person (same slot and clock) and adds the facts to `batch`. */
function replaceTask(run: ApprovalRun, batch: MoveBatch, t: TaskState, to: NewHolder, when: string, move: facts.Move): TaskState {
  t.status = 'reassigned';
  const next = replacementTask(uuid4(), t, to, when);
  run.state.tasks.push(next);
  const written = facts.reassigned(t, next, move, run.stage(t.stageIndex).name, when);
  batch.events.push(...written.events);
  batch.tasks.push(...written.tasks);
  batch.notifications.push(...written.notifications);
  return next;
}

/** The `assign` update (Disposisi): moves the open tasks named to one person, with the administrator's reason. */
export async function assignTasks(run: ApprovalRun, a: AssignInput): Promise<AssignResult> {
  refuseIf(assignRefusal(run.view, a));
  const when = now();
  const batch = newMoveBatch();
  const result: AssignResult = { moved: [], skipped: [] };
  for (const taskId of a.taskIds) {
    const t = findTask(run.state, taskId);
    const skip = assignSkip(run.view, t, a);
    if (skip !== null) {
      result.skipped.push({ taskId, message: skip });
      continue;
    }
    const to = { assigneePersonId: a.toPersonId, assigneeName: a.toName, capacity: 'disposisi' as const, onBehalfOfPersonId: null, onBehalfOfName: null, assignedByPersonId: a.actorPersonId };
    // assignSkip refuses a task that is not found.
    const next = replaceTask(run, batch, t!, to, when, { reason: 'disposisi', actorPersonId: a.actorPersonId, note: a.reason.trim() });
    result.moved.push({ taskId, newTaskId: next.taskId });
  }
  if (batch.events.length) {
    await run.writer.write(batch);
    // A task of a vacant post now has someone: EstafetWaiting changes.
    if (run.patches.operatorAttributes) run.upsertAttributes();
  }
  return result;
}

/**
 * Moves open tasks of these posts to whoever acts for them now. A task keeps its slot, due time,
 * reminders and escalation level: the clock does not restart because the holder changed. Tasks of a
 * stage round already settled by decisions are left for the settlement to close.
 */
async function moveTasks(run: ApprovalRun, acting: ResolvedSlot[]): Promise<void> {
  const when = now();
  const batch = newMoveBatch();
  for (const s of acting) {
    for (const t of openTasks(run.state).filter((x) => x.positionId === s.positionId)) {
      // A task an administrator assigned (Disposisi) stays with that person.
      if (sameHolder(t, s) || t.assignedByPersonId || !stagePending(run.stages, run.state, t)) continue;
      const reason = reassignmentReason({ personId: t.assigneePersonId, capacity: t.capacity }, s);
      // Who moved the baton and on what authority (absent from look-ups recorded by older worker code).
      const authority = s.authority ? authorityForTask(s.authority, { personId: t.assigneePersonId, capacity: t.capacity, onBehalfOfPersonId: t.onBehalfOfPersonId ?? null }) : undefined;
      replaceTask(run, batch, t, heldBy(s), when, { reason, positionTitle: s.positionTitle, actorPersonId: authority ? moveActor(reason, authority) : null, authority });
    }
  }
  if (batch.events.length) {
    await run.writer.write(batch);
    // A post left vacant, or filled again, changes EstafetWaiting.
    if (run.patches.operatorAttributes) run.upsertAttributes();
  }
}

/**
 * Moves the tasks of the changed posts (`run.changedPosts`) to whoever acts for them now. One pass at
 * a time drains the set, so two signals about the same post never move a task twice.
 */
export async function reassign(run: ApprovalRun): Promise<void> {
  if (run.reassigning) return;
  run.reassigning = true;
  const { state, changedPosts } = run;
  try {
    while (changedPosts.size > 0 && !run.closing && !isFinal(state)) {
      const posts = [...changedPosts].filter((p) => openTasks(state).some((t) => t.positionId === p));
      changedPosts.clear();
      if (posts.length === 0) break;
      let acting: ResolvedSlot[];
      try {
        acting = await run.lookups.resolveActing({ proposalId: run.input.proposalId, positionIds: posts, holders: holdersOf(state, posts), at: now() });
      } catch (err) {
        // A post that no longer resolves leaves its tasks where they are; the next change retries.
        if (activityFailure(err)) break;
        throw err;
      }
      if (run.closing || isFinal(state)) break;
      await moveTasks(run, acting);
    }
  } finally {
    changedPosts.clear();
    run.reassigning = false;
  }
}

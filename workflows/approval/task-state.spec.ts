import { heldBy, holdersOf, isFinal, newTask, openTasks, replacementTask, sameHolder, slotTasks, stagePending } from './task-state';
import { approvalState, slot, stageDef, task } from './spec-helpers';

describe('task state', () => {
  it('counts only the tasks that fill a slot of the round', () => {
    const state = approvalState({
      round: 2,
      tasks: [
        task({ taskId: 'old', round: 1, status: 'returned' }),
        task({ taskId: 'a', round: 2, status: 'escalated' }),
        task({ taskId: 'b', round: 2, escalatedFromTaskId: 'a', escalationLevel: 1 }),
        task({ taskId: 'c', round: 2, stageIndex: 1 }),
      ],
    });
    expect(slotTasks(state, 0).map((t) => t.taskId)).toEqual(['b']);
    expect(slotTasks(state, 0, 1).map((t) => t.taskId)).toEqual(['old']);
    expect(openTasks(state).map((t) => t.taskId)).toEqual(['b', 'c']);
  });

  it('knows whether a task’s stage round still waits for decisions', () => {
    const stages = [stageDef({ mode: 'all' })];
    const state = approvalState({ tasks: [task({ status: 'approved' }), task({ taskId: 't2', slot: 1 })] });
    expect(stagePending(stages, state, state.tasks[1])).toBe(true);
    state.tasks[1].status = 'approved';
    expect(stagePending(stages, state, state.tasks[1])).toBe(false);
    expect(isFinal(approvalState({ status: 'withdrawn' }))).toBe(true);
    expect(isFinal(approvalState({ status: 'returned' }))).toBe(false);
  });

  it('opens a task with the stage’s due time, or one level up for an escalation', () => {
    const def = stageDef({ sla: 'P2D' });
    const opened = newTask('n1', def, { index: 0, round: 1, slot: 2, openedAt: '2026-01-05T00:00:00.000Z' }, slot({ routedAround: { positionId: 'x', positionTitle: 'X', reason: 'proposer-holds-post' } }));
    expect(opened).toMatchObject({ taskId: 'n1', slot: 2, dueAt: '2026-01-07T00:00:00.000Z', escalationLevel: 0, assigneePersonId: 'budi', routedAround: { positionId: 'x' } });
    const up = newTask('n2', stageDef(), { index: 0, round: 1, slot: 2, openedAt: '2026-01-08T00:00:00.000Z' }, slot({ personId: null, personName: null }), opened);
    expect(up).toMatchObject({ dueAt: null, escalationLevel: 1, escalatedFromTaskId: 'n1', assigneePersonId: null });
    expect(up).not.toHaveProperty('routedAround');
  });

  it('moves a task to another holder without restarting its clock', () => {
    const from = task({ remindersSent: 1, dueAt: '2026-01-09T00:00:00.000Z', assignedByPersonId: 'admin' });
    const next = replacementTask('n1', from, heldBy(slot({ personId: 'sari', personName: 'Sari', capacity: 'plt' })), '2026-01-06T00:00:00.000Z');
    expect(next).toMatchObject({
      taskId: 'n1', status: 'open', assigneePersonId: 'sari', capacity: 'plt', remindersSent: 1, dueAt: from.dueAt,
      openedAt: from.createdAt, createdAt: '2026-01-06T00:00:00.000Z', reassignedFromTaskId: 't1', assignedByPersonId: null,
    });
  });

  it('compares holders and names who holds each post’s open tasks', () => {
    expect(sameHolder(task(), slot())).toBe(true);
    expect(sameHolder(task(), slot({ capacity: 'plh' }))).toBe(false);
    const state = approvalState({ tasks: [task(), task({ taskId: 't2', positionId: 'pos-2', assignedByPersonId: 'admin' })] });
    expect(holdersOf(state, ['pos-1', 'pos-2'])).toEqual([{ positionId: 'pos-1', personId: 'budi', capacity: 'definitif', onBehalfOfPersonId: null }]);
  });
});

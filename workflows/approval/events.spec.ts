import * as facts from './events';
import { slot, stageDef, task } from './spec-helpers';

const at = '2026-01-06T00:00:00.000Z';
const round = { index: 1, round: 2, def: stageDef({ name: 'Kepala Dinas', mode: 'all' }) };

describe('event builders', () => {
  it('opens a stage with its tasks, notifying only the posts someone acts for', () => {
    const batch = facts.stageOpened(round, at, [task({ stageIndex: 1, round: 2 }), task({ taskId: 't2', slot: 1, assigneePersonId: null, assigneeName: null })]);
    expect(batch.events.map((e) => [e.key, e.type])).toEqual([
      ['stage:1:r2:opened', 'stage.opened'],
      ['task:t1:created', 'task.created'],
      ['task:t2:created', 'task.created'],
    ]);
    expect(batch.tasks?.[0]).toMatchObject({ id: 't1', stageName: 'Kepala Dinas', status: 'open' });
    expect(batch.notifications?.map((n) => n.key)).toEqual(['task:t1:assigned']);
    expect(batch.proposal).toEqual({ status: 'in_review', currentStage: 1, currentStageName: 'Kepala Dinas', stageOpenedAt: at });
  });

  it('tells the new holder of an escalated task that it was escalated, not merely assigned', () => {
    expect(facts.taskCreated(task({ escalationLevel: 1 }), 'S').notice[0].kind).toBe('task.escalated');
    expect(facts.taskCreated(task({ escalationLevel: 1, reassignedFromTaskId: 'x' }), 'S').notice[0].kind).toBe('task.assigned');
  });

  it('records a decision with the task’s row and who it was on behalf of', () => {
    const t = task({ status: 'rejected', escalationLevel: 1, onBehalfOfPersonId: 'kadis', onBehalfOfName: 'Kadis' });
    const batch = facts.decided(t, { taskId: 't1', actorPersonId: 'budi', decision: 'reject', comment: 'no' }, at, 3);
    expect(batch.events[0]).toMatchObject({ key: 'task:t1:decided', data: { decision: 'reject', onEscalation: true, proposalVersion: 3, onBehalfOf: { personId: 'kadis', name: 'Kadis' } } });
    expect(batch.tasks).toEqual([{ id: 't1', status: 'rejected', decision: 'reject', comment: 'no', decidedAt: at, decidedByPersonId: 'budi' }]);
  });

  it('settles a stage, and the proposal too when the settlement ends it', () => {
    const left = [task({ taskId: 'open' })];
    const middle = facts.stageSettled(round, { outcome: 'approved', cause: 'decision', left, leftStatus: 'cancelled', ended: null }, at);
    expect(middle.events.map((e) => e.key)).toEqual(['stage:1:r2:approved']);
    expect(middle.proposal).toBeUndefined();
    expect(middle.tasks).toEqual([{ id: 'open', status: 'cancelled', decidedAt: at }]);
    const returned = facts.stageSettled(round, { outcome: 'returned', cause: 'timeout', left, leftStatus: 'expired', ended: { status: 'returned', proposerPersonId: 'rina' } }, at);
    expect(returned.events.map((e) => e.type)).toEqual(['stage.returned', 'proposal.returned']);
    expect(returned.proposal).toEqual({ status: 'returned', decidedAt: null });
    expect(returned.notifications?.[0]).toMatchObject({ key: 'proposal:returned:r2:proposer', recipientPersonId: 'rina' });
  });

  it('escalates a task to its target with an alert for administrators', () => {
    const next = task({ taskId: 'n1', escalationLevel: 1, escalatedFromTaskId: 't1', assigneePersonId: 'sari' });
    const batch = facts.escalated(task(), next, slot({ positionId: 'kadis', personId: 'sari', personName: 'Sari' }), 'escalate-superior', 'S', at);
    expect(batch.events.map((e) => e.type)).toEqual(['task.escalated', 'task.created']);
    expect(batch.tasks?.[0]).toEqual({ id: 't1', status: 'escalated', decidedAt: at });
    expect(batch.proposal).toEqual({ escalated: true });
    expect(batch.notifications?.map((n) => n.kind)).toEqual(['task.escalated', 'admin.alert']);
  });

  it('records a move with both holders, and tells the previous holder', () => {
    const from = task({ status: 'reassigned' });
    const next = task({ taskId: 'n1', assigneePersonId: 'sari', assigneeName: 'Sari', capacity: 'plt', reassignedFromTaskId: 't1' });
    const batch = facts.reassigned(from, next, { reason: 'disposisi', actorPersonId: 'admin', note: 'cuti' }, 'S', at);
    expect(batch.events[0]).toMatchObject({ type: 'task.reassigned', actorPersonId: 'admin', data: { reasonCode: 'disposisi', note: 'cuti', from: { personId: 'budi' }, to: { personId: 'sari', capacity: 'plt' } } });
    expect(batch.notifications.map((n) => n.key)).toEqual(['task:n1:assigned', 'task:t1:reassigned']);
  });

  it('closes the approval, telling the proposer only of a cancellation', () => {
    const where = { stageIndex: 0, round: 1, proposerPersonId: 'rina' };
    const cancelled = facts.closed('cancelled', { actorPersonId: 'admin', reason: 'dup' }, where, [task()], at);
    expect(cancelled.events[0]).toMatchObject({ key: 'proposal:cancelled', data: { reason: 'dup', cancelledTasks: ['t1'] } });
    expect(cancelled.notifications).toHaveLength(1);
    expect(facts.closed('withdrawn', { actorPersonId: 'rina', reason: 'x' }, where, [], at).notifications).toEqual([]);
  });

  it('blocks a stage with an alert, and says in_review only when asked to', () => {
    expect(facts.stageBlocked(round, at, 'no head', false).proposal).toBeUndefined();
    expect(facts.stageBlocked(round, at, 'no head', true).proposal).toMatchObject({ status: 'in_review', currentStage: 1 });
    expect(facts.stageBlocked(round, at, 'no head', true).notifications?.[0]).toMatchObject({ kind: 'admin.alert', recipientRole: 'admin' });
  });
});

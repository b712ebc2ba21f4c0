import { DecisionFailure } from '@libs/contracts/approval.contract';
import { PROPOSER, refusal, refusalOf } from './support/approval';
import { POSTS, stage } from './support/chains';
import { DAY, expectAt, timeOf, useWorkflowBench } from './support/workflow-bench';

/**
 * Reminders, due times and every on-timeout policy, in skipped time: a P3D SLA passes in
 * milliseconds because the test server jumps from timer to timer while a test sleeps.
 */
describe('approval workflow: deadlines, reminders and timeout policies (time-skipping server)', () => {
  const bench = useWorkflowBench(POSTS);

  it('escalate-superior (the default): at the due time the task passes to the superior post with a fresh SLA, and a decision there is on escalation', async () => {
    const approval = await bench().startApproval({ stages: [stage('telaah', ['kasi'], { sla: 'P3D' })] });
    const original = await approval.taskOf('siti');
    expect(timeOf(original.dueAt) - timeOf(original.createdAt)).toBe(3 * DAY);

    await bench().sleep('P3D');
    const [escalation] = await approval.recorded('task.escalated');
    expect(await bench().now()).toBeGreaterThanOrEqual(timeOf(original.dueAt));
    const escalated = await approval.escalationOf(original.taskId);
    expect(await approval.task(original.taskId)).toMatchObject({ status: 'escalated', overdueAt: expect.any(String) });
    expect(escalated).toMatchObject({ positionId: 'kabid', assigneePersonId: 'bayu', status: 'open', slot: 0, escalationLevel: 1, remindersSent: 0 });
    // The escalation happens at the due time, and the superior gets three days of their own.
    expectAt(escalated.createdAt, timeOf(original.dueAt));
    expect(timeOf(escalated.dueAt) - timeOf(escalated.createdAt)).toBe(3 * DAY);

    expect(escalation.data).toEqual({
      taskId: original.taskId, toTaskId: escalated.taskId, toPositionId: 'kabid', toPersonId: 'bayu', toName: 'Bayu', policy: 'escalate-superior', escalationLevel: 1,
    });
    // The overdue mark travels with the escalation it causes, in one write.
    expect(approval.record.typesPerWrite().at(-1)).toEqual(['task.overdue', 'task.escalated', 'task.created']);
    expect(approval.record.task(original.taskId)).toMatchObject({ status: 'escalated', overdueAt: expect.any(String) });
    expect(approval.record.task(escalated.taskId)).toMatchObject({ status: 'open', positionId: 'kabid', escalationLevel: 1, escalatedFromTaskId: original.taskId });
    expect(approval.record.proposal.escalated).toBe(true);
    expect(approval.record.noticesOf(original.taskId)).toEqual([
      { kind: 'task.assigned', to: 'siti' },
      { kind: 'task.overdue', to: 'siti' },
      { kind: 'admin.alert', to: 'admin' },
    ]);
    expect(approval.record.noticesOf(escalated.taskId)).toEqual([{ kind: 'task.escalated', to: 'bayu' }]);

    const refused = await refusal(approval.decideTask(original.taskId, 'siti'));
    expect(refused).toMatchObject({ type: DecisionFailure.AlreadyDecided, details: { escalatedTo: 'Bayu' } });
    expect(refused.message).toContain('escalated to Bayu');
    const decided = await approval.decide('bayu');
    expect(decided).toMatchObject({ taskId: escalated.taskId, actorPositionId: 'kabid', onEscalation: true, proposalStatus: 'approved' });
    expect(approval.record.ofType('task.decided').map((e) => e.data)).toEqual([expect.objectContaining({ taskId: escalated.taskId, onEscalation: true, decision: 'approve' })]);
    expect((await approval.result()).status).toBe('approved');
  });

  it('escalate-to: the timed-out task passes to the post the policy names, not to the superior', async () => {
    const approval = await bench().startApproval({ stages: [stage('telaah', ['kasi'], { sla: 'P2D', onTimeout: { action: 'escalate-to', positionId: 'inspektur' } })] });
    const original = await approval.taskOf('siti');
    await bench().sleep('P2D');
    const [escalation] = await approval.recorded('task.escalated');
    const escalated = await approval.escalationOf(original.taskId);
    expect(escalated).toMatchObject({ positionId: 'inspektur', assigneePersonId: 'ratna', escalationLevel: 1 });
    expect(escalation.data).toMatchObject({ policy: 'escalate-to', toPositionId: 'inspektur', toPersonId: 'ratna', toName: 'Ratna', escalationLevel: 1 });
    expect(approval.record.noticesOf(escalated.taskId)).toEqual([{ kind: 'task.escalated', to: 'ratna' }]);
    expect(await refusalOf(approval.decideTask(original.taskId, 'siti'))).toBe(DecisionFailure.AlreadyDecided);
    expect(await approval.decide('ratna')).toMatchObject({ onEscalation: true, actorPositionId: 'inspektur', proposalStatus: 'approved' });
  });

  it('escalates only the slots still open: a slot decided in time keeps its decision, and the escalated slot completes an `all` stage', async () => {
    const approval = await bench().startApproval({ stages: [stage('semua', ['kasi', 'eval-1'], { mode: 'all', sla: 'P3D' })] });
    await bench().sleep('P1D');
    await approval.decide('ana');
    await bench().sleep('P2D');
    await approval.recorded('task.escalated');
    const slots = (await approval.state()).tasks.map((t) => ({ slot: t.slot, post: t.positionId, status: t.status, level: t.escalationLevel }));
    expect(slots).toEqual([
      { slot: 0, post: 'kasi', status: 'escalated', level: 0 },
      { slot: 1, post: 'eval-1', status: 'approved', level: 0 },
      { slot: 0, post: 'kabid', status: 'open', level: 1 },
    ]);
    expect(approval.record.count('task.overdue')).toBe(1);
    expect(await approval.decide('bayu')).toMatchObject({ onEscalation: true, proposalStatus: 'approved' });
  });

  it('return: at the due time the proposal goes back to the proposer and the timed-out task expires; a resubmission opens the stage with a fresh SLA', async () => {
    const approval = await bench().startApproval({ stages: [stage('telaah', ['kasi'], { sla: 'P2D', onTimeout: { action: 'return' } })] });
    const original = await approval.taskOf('siti');
    await bench().sleep('P2D');
    const [returned] = await approval.recorded('stage.returned');
    expect(returned.data).toEqual({ stageIndex: 0, stage: 'Tahap telaah', round: 1, cause: 'timeout', closedTasks: [original.taskId] });
    expectAt(returned.occurredAt, timeOf(original.dueAt));
    // The overdue mark, the stage's return and the proposal's travel together.
    expect(approval.record.typesPerWrite().at(-1)).toEqual(['task.overdue', 'stage.returned', 'proposal.returned']);
    expect(approval.record.ofType('proposal.returned')[0].data).toEqual({ stageIndex: 0, round: 1, cause: 'timeout' });
    expect(await approval.state()).toMatchObject({ status: 'returned', round: 1, tasks: [expect.objectContaining({ taskId: original.taskId, status: 'expired' })] });
    expect(approval.record.task(original.taskId)).toMatchObject({ status: 'expired', overdueAt: expect.any(String) });
    expect(approval.record.proposal).toMatchObject({ status: 'returned', decidedAt: null });
    expect(approval.record.notifications.filter((n) => n.kind === 'proposal.decided')).toEqual([
      expect.objectContaining({ recipientPersonId: PROPOSER, payload: { status: 'returned', stage: 'Tahap telaah' } }),
    ]);
    expect(approval.record.count('task.escalated')).toBe(0);
    expect(await refusalOf(approval.decideTask(original.taskId, 'siti'))).toBe(DecisionFailure.AlreadyDecided);

    // Nothing is due while the proposal waits for its revision.
    const written = approval.record.batches.length;
    await bench().sleep('P5D');
    expect(approval.record.batches).toHaveLength(written);
    const resubmittedAt = await bench().now();
    expect(await approval.resubmit()).toEqual({ round: 2, stageIndex: 0, proposalStatus: 'in_review' });
    const again = await approval.taskOf('siti');
    expect(again).toMatchObject({ round: 2, stageIndex: 0, escalationLevel: 0 });
    expectAt(again.createdAt, resubmittedAt);
    expect(timeOf(again.dueAt) - timeOf(again.createdAt)).toBe(2 * DAY);
    expect(await approval.decide('siti')).toMatchObject({ proposalVersion: 2, proposalStatus: 'approved' });
  });

  it('notify-admin: at the due time the task stays open and administrators are alerted, once; the assignee may still decide', async () => {
    const approval = await bench().startApproval({ stages: [stage('telaah', ['kasi'], { sla: 'P3D', reminders: ['P1D', 'P2D'], onTimeout: { action: 'notify-admin' } })] });
    const task = await approval.taskOf('siti');
    await bench().sleep('P3D');
    const [timeout] = await approval.recorded('task.timeout');
    expect(timeout.data).toEqual({ taskId: task.taskId, policy: 'notify-admin', outcome: 'notify-admin', escalationLevel: 0 });
    expectAt(timeout.occurredAt, timeOf(task.dueAt));
    expect(approval.record.typesPerWrite().slice(1)).toEqual([['task.reminded'], ['task.reminded'], ['task.overdue', 'task.timeout']]);
    expect(await approval.task(task.taskId)).toMatchObject({ status: 'open', remindersSent: 2, overdueAt: expect.any(String), timeoutHandled: true });
    expect(approval.record.noticesOf(task.taskId)).toEqual([
      { kind: 'task.assigned', to: 'siti' },
      { kind: 'task.reminder', to: 'siti' },
      { kind: 'task.reminder', to: 'siti' },
      { kind: 'task.overdue', to: 'siti' },
      { kind: 'admin.alert', to: 'admin' },
    ]);
    expect(approval.record.notifications.at(-1)).toMatchObject({ recipientRole: 'admin', payload: { stage: 'Tahap telaah', taskId: task.taskId, reason: 'notify-admin' } });

    // A handled timeout is not handled again, however long the task waits.
    const written = approval.record.batches.length;
    await bench().sleep('P10D');
    expect(approval.record.batches).toHaveLength(written);
    expect(await approval.decide('siti')).toMatchObject({ onEscalation: false, proposalStatus: 'approved' });
  });

  it('reminds the assignee at each offset after the task opens, then marks it overdue at the due time', async () => {
    const approval = await bench().startApproval({ stages: [stage('telaah', ['kasi'], { sla: 'P3D', reminders: ['P1D', 'P2D'], onTimeout: { action: 'notify-admin' } })] });
    const task = await approval.taskOf('siti');
    const opened = timeOf(task.createdAt);

    await bench().sleep('P1D');
    const [first] = await approval.recorded('task.reminded');
    expect(first).toMatchObject({ actorPositionId: 'kasi', data: { taskId: task.taskId, reminder: 1, dueAt: task.dueAt } });
    expectAt(first.occurredAt, opened + DAY);
    expect(approval.record.count('task.overdue')).toBe(0);

    await bench().sleep('P1D');
    const [, second] = await approval.recorded('task.reminded', 2);
    expect(second.data).toMatchObject({ reminder: 2 });
    expectAt(second.occurredAt, opened + 2 * DAY);
    expect(approval.record.task(task.taskId)).toMatchObject({ remindersSent: 2 });
    expect(approval.record.task(task.taskId)).not.toHaveProperty('overdueAt');

    await bench().sleep('P1D');
    const [overdue] = await approval.recorded('task.overdue');
    expectAt(overdue.occurredAt, opened + 3 * DAY);
    expect(approval.record.count('task.reminded')).toBe(2);
    expect(approval.record.notifications.filter((n) => n.kind === 'task.reminder')).toEqual([
      expect.objectContaining({ recipientPersonId: 'siti', taskId: task.taskId, payload: { stage: 'Tahap telaah', dueAt: task.dueAt } }),
      expect.objectContaining({ recipientPersonId: 'siti', taskId: task.taskId, payload: { stage: 'Tahap telaah', dueAt: task.dueAt } }),
    ]);
  });

  it('sends no reminder for a task already decided, while the other slot of the stage still gets its own', async () => {
    const approval = await bench().startApproval({ stages: [stage('semua', ['kasi', 'eval-1'], { mode: 'all', sla: 'P3D', reminders: ['P1D', 'P2D'] })] });
    const ana = await approval.taskOf('ana');
    const siti = await approval.taskOf('siti');
    await bench().sleep('P1D');
    await approval.recorded('task.reminded', 2);
    await approval.decide('ana');

    await bench().sleep('P1D');
    await approval.recorded('task.reminded', 3);
    // Both slots opened together: a second reminder for the decided task would have come in the same write as the other's.
    const reminded = approval.record.ofType('task.reminded').map((e) => `${e.data.taskId === ana.taskId ? 'ana' : 'siti'}:${e.data.reminder}`);
    expect(reminded.sort()).toEqual(['ana:1', 'siti:1', 'siti:2']);
    expect(await approval.task(ana.taskId)).toMatchObject({ status: 'approved', remindersSent: 1 });
    expect(await approval.task(siti.taskId)).toMatchObject({ status: 'open', remindersSent: 2 });
    expect(approval.record.noticesOf(ana.taskId).map((n) => n.kind)).toEqual(['task.assigned', 'task.reminder']);
  });

  it('onTimeout.after: the task is overdue at its due time and the policy applies only once the grace period has passed', async () => {
    const approval = await bench().startApproval({ stages: [stage('telaah', ['kasi'], { sla: 'P2D', onTimeout: { action: 'escalate-superior', after: 'P1D' } })] });
    const original = await approval.taskOf('siti');

    await bench().sleep('P2D');
    const [overdue] = await approval.recorded('task.overdue');
    expectAt(overdue.occurredAt, timeOf(original.dueAt));
    // Overdue but still with its assignee: the mark is written on its own.
    expect(approval.record.typesPerWrite().at(-1)).toEqual(['task.overdue']);
    expect(await approval.task(original.taskId)).toMatchObject({ status: 'open', overdueAt: overdue.occurredAt });

    await bench().sleep('P1D');
    const [escalation] = await approval.recorded('task.escalated');
    expectAt(escalation.occurredAt, timeOf(original.dueAt) + DAY);
    expect(approval.record.typesPerWrite().at(-1)).toEqual(['task.escalated', 'task.created']);
    expect(approval.record.count('task.overdue')).toBe(1);
    expect(await approval.escalationOf(original.taskId)).toMatchObject({ positionId: 'kabid', escalationLevel: 1 });
  });

  it('reminds and escalates the task of a vacant post without notifying anyone but the new assignee and administrators', async () => {
    const approval = await bench().startApproval({ stages: [stage('kosong', ['kosong'], { sla: 'P2D', reminders: ['P1D'] })] });
    const [vacant] = await approval.openTasks();
    expect(vacant).toMatchObject({ positionId: 'kosong', assigneePersonId: null, capacity: null });
    await bench().sleep('P2D');
    await approval.recorded('task.escalated');
    expect(approval.record.types()).toEqual(['proposal.submitted', 'stage.opened', 'task.created', 'task.reminded', 'task.overdue', 'task.escalated', 'task.created']);
    expect(approval.record.noticesOf(vacant.taskId)).toEqual([{ kind: 'admin.alert', to: 'admin' }]);
    const escalated = await approval.escalationOf(vacant.taskId);
    expect(escalated).toMatchObject({ positionId: 'kabid', assigneePersonId: 'bayu', escalationLevel: 1 });
    expect(approval.record.noticesOf(escalated.taskId)).toEqual([{ kind: 'task.escalated', to: 'bayu' }]);
  });

  // A post that does not resolve when a stage opens blocks the stage; one named by a timeout policy
  // leaves the task where it is. Either way administrators are told, and the approval lives on.
  it('escalate-to a post that no longer resolves: the task stays open, its overdue mark is written and administrators are alerted', async () => {
    const approval = await bench().startApproval({ stages: [stage('telaah', ['kasi'], { sla: 'P2D', onTimeout: { action: 'escalate-to', positionId: 'dihapus' } })] });
    const task = await approval.taskOf('siti');
    await bench().sleep('P2D');
    const status = async () => (await approval.handle.describe()).status.name;
    await approval.until('the timeout handled or the workflow ended', async () => approval.record.count('task.overdue') > 0 || (await status()) !== 'RUNNING');
    expect(await status()).toBe('RUNNING');
    expect(approval.record.task(task.taskId)).toMatchObject({ status: 'open', overdueAt: expect.any(String) });
    expect(approval.record.noticesOf(task.taskId)).toContainEqual({ kind: 'admin.alert', to: 'admin' });
    const [timeout] = await approval.recorded('task.timeout');
    expect(timeout.data).toEqual({ taskId: task.taskId, policy: 'escalate-to', outcome: 'escalation-target-unresolved', escalationLevel: 0 });
    expect(await approval.decide('siti')).toMatchObject({ proposalStatus: 'approved' });
  });

  describe('escalation caps', () => {
    it('escalates a slot at most twice by default (kasi, kabid, kadis), then only alerts administrators: escalation-cap-reached', async () => {
      const approval = await bench().startApproval({ stages: [stage('telaah', ['kasi'], { sla: 'P2D' })] });
      const opened = timeOf((await approval.taskOf('siti')).createdAt);
      await bench().sleep('P2D');
      await approval.taskOf('bayu');
      await bench().sleep('P2D');
      const kadis = await approval.taskOf('hendra');
      expect(kadis).toMatchObject({ positionId: 'kadis', escalationLevel: 2 });
      await bench().sleep('P2D');
      const [capped] = await approval.recorded('task.timeout');
      expect(capped.data).toEqual({ taskId: kadis.taskId, policy: 'escalate-superior', outcome: 'escalation-cap-reached', escalationLevel: 2 });
      expectAt(capped.occurredAt, opened + 6 * DAY);

      const state = await approval.state();
      expect(state.tasks.map((t) => `${t.positionId}:${t.escalationLevel}:${t.status}`)).toEqual(['kasi:0:escalated', 'kabid:1:escalated', 'kadis:2:open']);
      expect(approval.record.ofType('task.escalated').map((e) => e.data.toPositionId)).toEqual(['kabid', 'kadis']);
      expect(approval.record.task(kadis.taskId)).toMatchObject({ status: 'open', overdueAt: expect.any(String) });
      expect(approval.record.notifications.at(-1)).toMatchObject({ kind: 'admin.alert', taskId: kadis.taskId, payload: { reason: 'escalation-cap-reached' } });
      // Nothing goes to the secretary, however long the head of the agency waits.
      await bench().sleep('P10D');
      expect((await approval.state()).tasks).toHaveLength(3);
      expect(await approval.decide('hendra')).toMatchObject({ onEscalation: true, proposalStatus: 'approved' });
    });

    it('maxEscalations: 1 stops after the first escalation; 0 never escalates', async () => {
      const once = await bench().startApproval({ stages: [stage('telaah', ['kasi'], { sla: 'P2D', onTimeout: { action: 'escalate-superior', maxEscalations: 1 } })] });
      const never = await bench().startApproval({ stages: [stage('telaah', ['kasi'], { sla: 'P2D', onTimeout: { action: 'escalate-to', positionId: 'inspektur', maxEscalations: 0 } })] });
      await bench().sleep('P4D');
      const [onceCapped] = await once.recorded('task.timeout');
      const [neverCapped] = await never.recorded('task.timeout');
      expect(onceCapped.data).toMatchObject({ policy: 'escalate-superior', outcome: 'escalation-cap-reached', escalationLevel: 1 });
      expect((await once.openTasks()).map((t) => t.positionId)).toEqual(['kabid']);
      expect(neverCapped.data).toMatchObject({ policy: 'escalate-to', outcome: 'escalation-cap-reached', escalationLevel: 0 });
      expect((await never.openTasks()).map((t) => t.positionId)).toEqual(['kasi']);
      expect(never.record.count('task.escalated')).toBe(0);
    });

    it('a post with no superior ends the escalation: the timeout alerts administrators with no-superior-post and the task stays open', async () => {
      const approval = await bench().startApproval({ stages: [stage('kepala', ['kadis'], { sla: 'P2D' })] });
      await bench().sleep('P2D');
      const sekda = await approval.taskOf('budi');
      expect(sekda).toMatchObject({ positionId: 'sekda', escalationLevel: 1 });
      await bench().sleep('P2D');
      const [timeout] = await approval.recorded('task.timeout');
      expect(timeout.data).toEqual({ taskId: sekda.taskId, policy: 'escalate-superior', outcome: 'no-superior-post', escalationLevel: 1 });
      expect(approval.record.typesPerWrite().at(-1)).toEqual(['task.overdue', 'task.timeout']);
      expect(approval.record.noticesOf(sekda.taskId)).toEqual([
        { kind: 'task.escalated', to: 'budi' },
        { kind: 'task.overdue', to: 'budi' },
        { kind: 'admin.alert', to: 'admin' },
      ]);
      expect(await approval.task(sekda.taskId)).toMatchObject({ status: 'open', timeoutHandled: true });
      expect(await approval.decide('budi')).toMatchObject({ onEscalation: true, proposalStatus: 'approved' });
    });
  });
});

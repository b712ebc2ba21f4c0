import { DecisionFailure } from '@libs/contracts/approval.contract';
import { ADMIN, PROPOSER, REASON, refusal, refusalOf } from './support/approval';
import { EVALUATORS, POSTS, stage } from './support/chains';
import { DAY, expectAt, timeOf, useWorkflowBench } from './support/workflow-bench';

/**
 * What happens to an approval besides decisions and deadlines: it is withdrawn, cancelled or
 * returned for revision and resubmitted; its open tasks follow the person acting for their posts;
 * a long one hands over to a fresh run.
 */
describe('approval workflow: closing, revision rounds, reassignment and continue-as-new (time-skipping server)', () => {
  const bench = useWorkflowBench(POSTS);

  const revised = { budgetEstimate: 2_500_000_000, category: 'umum', crossAgency: false };
  const daily = (n: number) => Array.from({ length: n }, (_, i) => `P${i + 1}D`);

  describe('withdrawal and cancellation', () => {
    it('withdraw: the proposer withdraws while a stage is open; its open tasks are cancelled, a decision already taken stays', async () => {
      const approval = await bench().startApproval({ stages: [stage('semua', EVALUATORS, { mode: 'all', sla: 'P3D' }), stage('kepala', ['kadis'])] });
      await approval.decide('ana');
      const open = (await approval.openTasks()).map((t) => t.taskId);
      expect(open).toHaveLength(2);

      const closed = await approval.withdraw('Usulan digabung dengan usulan lain.');
      expect(closed).toEqual({ proposalStatus: 'withdrawn', closedAt: expect.any(String), cancelledTasks: open });
      const final = await approval.result();
      expect(final.status).toBe('withdrawn');
      expect(final.tasks.map((t) => `${t.positionId}:${t.status}`)).toEqual(['eval-1:approved', 'eval-2:cancelled', 'eval-3:cancelled']);

      const [withdrawn] = approval.record.ofType('proposal.withdrawn');
      expect(withdrawn).toMatchObject({ actorPersonId: PROPOSER, occurredAt: closed.closedAt, data: { reason: 'Usulan digabung dengan usulan lain.', stageIndex: 0, round: 1, cancelledTasks: open } });
      expect(approval.record.typesPerWrite().at(-1)).toEqual(['proposal.withdrawn']);
      expect(open.map((id) => approval.record.task(id).status)).toEqual(['cancelled', 'cancelled']);
      expect(approval.record.proposal).toMatchObject({ status: 'withdrawn', decidedAt: closed.closedAt });
      // The proposer withdrew it themselves: nobody is told.
      expect(approval.record.notificationKinds()).toEqual(['task.assigned', 'task.assigned', 'task.assigned']);
      // Closed before its SLA: no timer of the stage fired.
      expect(approval.record.count('task.overdue')).toBe(0);
    });

    it('refuses a withdrawal by anyone but the proposer, and a withdrawal or cancellation without a reason, before anything is written', async () => {
      const approval = await bench().startApproval({ stages: [stage('telaah', ['kasi'])] });
      const writes = approval.record.batches.length;
      expect(await refusalOf(approval.withdraw(REASON, 'siti'))).toBe(DecisionFailure.NotProposer);
      expect(await refusalOf(approval.withdraw(' '))).toBe(DecisionFailure.ReasonRequired);
      expect(await refusalOf(approval.cancel(''))).toBe(DecisionFailure.ReasonRequired);
      expect(approval.record.batches).toHaveLength(writes);
      expect((await approval.state()).status).toBe('in_review');
      expect(await approval.decide('siti')).toMatchObject({ proposalStatus: 'approved' });
    });

    it('cancel: an administrator cancels an escalated approval; the open task leaves the escalation target and the proposer is told why', async () => {
      const approval = await bench().startApproval({ stages: [stage('telaah', ['kasi'], { sla: 'P2D' })] });
      const original = await approval.taskOf('siti');
      await bench().sleep('P2D');
      const escalated = await approval.taskOf('bayu');

      const closed = await approval.cancel('Program dihentikan oleh kepala daerah.');
      expect(closed).toMatchObject({ proposalStatus: 'cancelled', cancelledTasks: [escalated.taskId] });
      expect((await approval.result()).tasks.map((t) => t.status)).toEqual(['escalated', 'cancelled']);
      expect(approval.record.ofType('proposal.cancelled')[0]).toMatchObject({
        actorPersonId: ADMIN,
        data: { reason: 'Program dihentikan oleh kepala daerah.', stageIndex: 0, round: 1, cancelledTasks: [escalated.taskId] },
      });
      expect(approval.record.task(original.taskId).status).toBe('escalated');
      expect(approval.record.task(escalated.taskId).status).toBe('cancelled');
      expect(approval.record.proposal).toMatchObject({ status: 'cancelled', decidedAt: closed.closedAt });
      expect(approval.record.notifications.at(-1)).toMatchObject({
        kind: 'proposal.decided', recipientPersonId: PROPOSER, payload: { status: 'cancelled', reason: 'Program dihentikan oleh kepala daerah.' },
      });
    });
  });

  describe('return for revision and resubmission', () => {
    it('return: an approver returns the proposal; the proposer resubmits a new version and review resumes at that stage in round 2, earlier stages not repeated', async () => {
      const approval = await bench().startApproval({ stages: [stage('telaah', ['kasi']), stage('kepala', ['kabid'], { mayReturn: true }), stage('akhir', ['kadis'])] });
      expect(await refusalOf(approval.resubmit())).toBe(DecisionFailure.WrongState);
      await approval.decide('siti');
      const returned = await approval.decide('bayu', 'return');
      expect(returned).toMatchObject({ decision: 'return', proposalVersion: 1, proposalStatus: 'returned' });
      expect(await approval.state()).toMatchObject({ status: 'returned', stageIndex: 1, round: 1 });
      expect(approval.record.typesPerWrite().at(-1)).toEqual(['task.decided', 'stage.returned', 'proposal.returned']);
      expect(approval.record.ofType('stage.returned')[0].data).toMatchObject({ stageIndex: 1, round: 1, cause: 'decision', closedTasks: [] });
      expect(approval.record.proposal).toMatchObject({ status: 'returned', decidedAt: null });
      expect(approval.record.notifications.at(-1)).toMatchObject({ kind: 'proposal.decided', recipientPersonId: PROPOSER, payload: { status: 'returned', stage: 'Tahap kepala' } });

      expect(await refusalOf(approval.resubmit({ actorPersonId: 'siti' }))).toBe(DecisionFailure.NotProposer);
      const snapshot = { title: 'Antrean daring (revisi)' };
      const again = await approval.resubmit({ proposalVersion: 2, facts: revised, snapshot, note: 'Analisis biaya dilampirkan.' });
      expect(again).toEqual({ round: 2, stageIndex: 1, proposalStatus: 'in_review' });
      expect(await refusalOf(approval.resubmit({ proposalVersion: 3 }))).toBe(DecisionFailure.WrongState);
      expect(approval.record.ofType('proposal.resubmitted')).toEqual([
        expect.objectContaining({ actorPersonId: PROPOSER, data: { round: 2, stageIndex: 1, proposalVersion: 2, facts: revised, note: 'Analisis biaya dilampirkan.', snapshot } }),
      ]);
      expect(approval.record.proposal).toMatchObject({ status: 'in_review', round: 2, escalated: false, decidedAt: null });

      expect(await approval.decide('bayu')).toMatchObject({ proposalVersion: 2, proposalStatus: 'in_review' });
      expect(await approval.decide('hendra')).toMatchObject({ proposalVersion: 2, proposalStatus: 'approved' });
      const final = await approval.result();
      expect(final).toMatchObject({ status: 'approved', round: 2, proposalVersion: 2, facts: revised });
      expect(final.tasks.map((t) => `r${t.round}:${t.positionId}:${t.status}`)).toEqual(['r1:kasi:approved', 'r1:kabid:returned', 'r2:kabid:approved', 'r2:kadis:approved']);
      // Both rounds stay in the record, each decision with the version it was taken on.
      expect(approval.record.ofType('task.decided').map((e) => [e.actorPersonId, e.data.round, e.data.proposalVersion, e.data.decision])).toEqual([
        ['siti', 1, 1, 'approve'], ['bayu', 1, 1, 'return'], ['bayu', 2, 2, 'approve'], ['hendra', 2, 2, 'approve'],
      ]);
      expect(approval.record.ofType('stage.opened').map((e) => `${e.data.stageIndex}:r${e.data.round}`)).toEqual(['0:r1', '1:r1', '1:r2', '2:r2']);
    });

    it('a resubmission carries the revised facts: a stage whose condition the first version did not meet opens for the revision', async () => {
      const approval = await bench().startApproval({
        stages: [stage('telaah', ['kasi'], { mayReturn: true }), stage('besar', ['sekda'], { condition: { field: 'budgetEstimate', op: 'gte', value: 1_000_000_000 } })],
      });
      await approval.decide('siti', 'return');
      await approval.resubmit({ facts: revised });
      await approval.decide('siti');
      expect(await approval.decide('budi')).toMatchObject({ proposalStatus: 'approved' });
      expect((await approval.result()).facts).toEqual(revised);
      expect(approval.record.count('stage.skipped')).toBe(0);
      expect(approval.record.ofType('stage.opened').map((e) => `${e.data.stageIndex}:r${e.data.round}`)).toEqual(['0:r1', '0:r2', '1:r2']);
    });

    it('a proposal waiting for its revision may be cancelled by an administrator, with no task left to cancel', async () => {
      const approval = await bench().startApproval({ stages: [stage('telaah', ['kasi'], { mayReturn: true })] });
      await approval.decide('siti', 'return');
      // Nothing is due while the proposer revises, however long it takes.
      await bench().sleep('P30D');
      expect(approval.record.types().at(-1)).toBe('proposal.returned');
      expect(await approval.cancel()).toMatchObject({ proposalStatus: 'cancelled', cancelledTasks: [] });
      expect((await approval.result()).status).toBe('cancelled');
      expect(approval.record.ofType('proposal.cancelled')[0].data).toEqual({ reason: REASON, stageIndex: 0, round: 1, cancelledTasks: [] });
    });
  });

  /**
   * When the person acting for a post changes (a rotation, a Plt., a post left vacant), the
   * continuity workflow signals `actingChanged` and the approval moves the post's open tasks to
   * whoever acts for it now, without restarting their clocks.
   */
  describe('open tasks follow the person acting for their post', () => {
    it('moves an open task to a newly appointed Plt. with its slot, due time and reminders; a decision already taken stays', async () => {
      const approval = await bench().startApproval({ stages: [stage('semua', ['kasi', 'eval-1'], { mode: 'all', sla: 'P3D', reminders: ['P1D', 'P2D'] })] });
      const siti = await approval.taskOf('siti');
      const ana = await approval.decide('ana');
      await bench().sleep('P1D');
      await approval.recorded('task.reminded');

      bench().org.appoint('kasi', 'joko', 'plt');
      // A rotation on a post whose task is already decided changes nothing there.
      bench().org.appoint('eval-1', 'tono');
      await approval.actingChanged('kasi', 'eval-1');
      const [moved] = await approval.recorded('task.reassigned');
      const joko = await approval.taskOf('joko');
      expect(moved).toMatchObject({
        actorPositionId: 'kasi',
        data: {
          taskId: siti.taskId, toTaskId: joko.taskId, stageIndex: 0, round: 1, slot: 0, positionId: 'kasi', positionTitle: 'Kepala Seksi',
          reasonCode: 'plt', reason: 'Penunjukan Plt.',
          from: { personId: 'siti', name: 'Siti', capacity: 'definitif', onBehalfOf: null },
          to: { personId: 'joko', name: 'Joko', capacity: 'plt', onBehalfOf: null },
        },
      });
      expect(approval.record.typesPerWrite().at(-1)).toEqual(['task.reassigned', 'task.created']);
      expect(approval.record.ofType('task.created').at(-1)!.data).toMatchObject({ taskId: joko.taskId, reassignedFromTaskId: siti.taskId, slot: 0 });
      // The clock does not restart because the holder changed.
      expect(joko).toMatchObject({ slot: 0, capacity: 'plt', dueAt: siti.dueAt, openedAt: siti.createdAt, remindersSent: 1, escalationLevel: 0, reassignedFromTaskId: siti.taskId });
      expect(await approval.task(siti.taskId)).toMatchObject({ status: 'reassigned' });
      expect(await approval.task(ana.taskId)).toMatchObject({ status: 'approved', assigneePersonId: 'ana' });
      expect(approval.record.task(siti.taskId).status).toBe('reassigned');
      expect(approval.record.noticesOf(siti.taskId).map((n) => n.kind)).toEqual(['task.assigned', 'task.reminder', 'task.reassigned']);
      expect(approval.record.noticesOf(joko.taskId)).toEqual([{ kind: 'task.assigned', to: 'joko' }]);

      const refused = await refusal(approval.decideTask(siti.taskId, 'siti'));
      expect(refused).toMatchObject({ type: DecisionFailure.AlreadyDecided, details: { reassignedTo: 'Joko' } });

      // The second reminder comes two days after the slot opened, to the Plt.
      await bench().sleep('P1D');
      const [, second] = await approval.recorded('task.reminded', 2);
      expect(second.data).toMatchObject({ taskId: joko.taskId, reminder: 2 });
      expectAt(second.occurredAt, timeOf(siti.createdAt) + 2 * DAY);
      expect(approval.record.noticesOf(joko.taskId).at(-1)).toEqual({ kind: 'task.reminder', to: 'joko' });

      expect(await approval.decide('joko')).toMatchObject({ capacity: 'plt', actorPositionId: 'kasi', proposalStatus: 'approved' });
      expect(approval.record.count('task.reassigned')).toBe(1);
    });

    it('a post left vacant takes the task from its holder; whoever is appointed next receives it', async () => {
      const approval = await bench().startApproval({ stages: [stage('telaah', ['kasi'])] });
      const siti = await approval.taskOf('siti');
      bench().org.appoint('kasi', null);
      await approval.actingChanged('kasi');
      const [vacated] = await approval.recorded('task.reassigned');
      expect(vacated.data).toMatchObject({ reasonCode: 'vacant', from: { personId: 'siti' }, to: { personId: null, name: null, capacity: null } });
      const [waiting] = await approval.openTasks();
      expect(waiting).toMatchObject({ positionId: 'kasi', assigneePersonId: null, reassignedFromTaskId: siti.taskId });
      // Nobody to tell on the post's side; the former holder learns where the task went.
      expect(approval.record.noticesOf(waiting.taskId)).toEqual([]);
      expect(approval.record.noticesOf(siti.taskId).at(-1)).toEqual({ kind: 'task.reassigned', to: 'siti' });

      bench().org.appoint('kasi', 'joko');
      await approval.actingChanged('kasi');
      const [, filled] = await approval.recorded('task.reassigned', 2);
      expect(filled.data).toMatchObject({ taskId: waiting.taskId, reasonCode: 'definitive', to: { personId: 'joko', capacity: 'definitif' } });
      // A signal about a post whose task already sits with the right person moves nothing.
      await approval.actingChanged('kasi');
      expect(await approval.decide('joko')).toMatchObject({ capacity: 'definitif', proposalStatus: 'approved' });
      await approval.result();
      expect(approval.record.count('task.reassigned')).toBe(2);
    });

    it('a task an administrator assigned (Disposisi) stays with that person when its post changes hands', async () => {
      const approval = await bench().startApproval({ stages: [stage('semua', ['kasi', 'eval-1'], { mode: 'all' })] });
      const siti = await approval.taskOf('siti');
      const ana = await approval.taskOf('ana');
      const assigned = await approval.assign([siti.taskId], 'tono');
      expect(assigned.moved).toEqual([{ taskId: siti.taskId, newTaskId: expect.any(String) }]);
      expect(approval.record.ofType('task.reassigned')[0].data).toMatchObject({ reasonCode: 'disposisi', note: expect.any(String) });

      bench().org.appoint('kasi', 'joko', 'plt');
      bench().org.appoint('eval-1', 'joko', 'plt');
      await approval.actingChanged('kasi', 'eval-1');
      const [, followed] = await approval.recorded('task.reassigned', 2);
      expect(followed.data).toMatchObject({ taskId: ana.taskId, positionId: 'eval-1', to: { personId: 'joko' } });
      expect((await approval.openTasks()).map((t) => `${t.positionId}:${t.assigneePersonId}:${t.capacity}`)).toEqual(['kasi:tono:disposisi', 'eval-1:joko:plt']);
    });

    it('a task that moves to the proposer is not rerouted: the proposer is refused and the task waits for its timeout policy', async () => {
      const approval = await bench().startApproval({ stages: [stage('telaah', ['kasi'], { sla: 'P3D' })] });
      const siti = await approval.taskOf('siti');
      bench().org.appoint('kasi', PROPOSER, 'plt');
      await approval.actingChanged('kasi');
      await approval.recorded('task.reassigned');
      const rina = await approval.taskOf(PROPOSER);
      expect(await refusalOf(approval.decideTask(rina.taskId, PROPOSER))).toBe(DecisionFailure.SelfApproval);

      // Three days after the slot opened, not after the move.
      await bench().sleep('P3D');
      const [escalation] = await approval.recorded('task.escalated');
      expect(escalation.data).toMatchObject({ taskId: rina.taskId, toPositionId: 'kabid', toPersonId: 'bayu' });
      expectAt(escalation.occurredAt, timeOf(siti.dueAt));
      expect(await approval.decide('bayu')).toMatchObject({ onEscalation: true, proposalStatus: 'approved' });
    });
  });

  /**
   * A run hands over to a fresh one once its history passes `continueAsNewAfterEvents` (2,000 by
   * default; the input lowers it so a few timers reach it), carrying its state.
   */
  describe('continue-as-new', () => {
    it('hands over while a task waits, carrying it: reminders go on from where they were and a decision on the same task settles the stage', async () => {
      const approval = await bench().startApproval({ stages: [stage('telaah', ['kasi'], { sla: 'P10D', reminders: daily(9) })] }, { options: { continueAsNewAfterEvents: 30 } });
      const task = await approval.taskOf('siti');
      expect((await approval.state()).run).toBe(1);

      await bench().sleep('P9D');
      await approval.recorded('task.reminded', 9);
      const state = await approval.state();
      expect(state.run).toBeGreaterThan(1);
      expect(await approval.firstRunStatus()).toBe('CONTINUED_AS_NEW');
      expect(state.tasks).toEqual([expect.objectContaining({ taskId: task.taskId, status: 'open', dueAt: task.dueAt, remindersSent: 9 })]);
      // Each reminder once, on its day, whichever run sent it.
      const reminders = approval.record.ofType('task.reminded');
      expect(reminders.map((e) => e.data.reminder)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      reminders.forEach((e, i) => expectAt(e.occurredAt, timeOf(task.createdAt) + (i + 1) * DAY));
      expect(approval.record.repeated).toBe(0);

      expect(await approval.decide('siti')).toMatchObject({ taskId: task.taskId, proposalStatus: 'approved' });
      const final = await approval.result();
      expect(final).toMatchObject({ status: 'approved', run: state.run });
      expect(approval.record.count('proposal.submitted')).toBe(1);
      expect(approval.record.count('stage.opened')).toBe(1);
      expect(approval.record.count('task.overdue')).toBe(0);
    });

    it('hands over while the proposal waits for its revision; the resubmission opens round 2 in the new run', async () => {
      // Low enough that the writes of the return pass it, high enough that the stage's opening does not.
      const approval = await bench().startApproval({ stages: [stage('telaah', ['kasi'], { sla: 'P2D', reminders: ['P1D'], mayReturn: true })] }, { options: { continueAsNewAfterEvents: 25 } });
      expect((await approval.state()).run).toBe(1);
      await approval.decide('siti', 'return');
      await approval.until('the next run', async () => (await approval.state()).run > 1);
      // Which write passes the threshold depends on how the server batched workflow tasks (a loaded
      // machine adds some): the approval has continued at least once, and waits in the new run.
      const waiting = await approval.state();
      expect(waiting).toMatchObject({ status: 'returned', round: 1 });
      expect(waiting.run).toBeGreaterThan(1);
      expect(await approval.firstRunStatus()).toBe('CONTINUED_AS_NEW');

      expect(await approval.resubmit()).toEqual({ round: 2, stageIndex: 0, proposalStatus: 'in_review' });
      // From here the test reads the record, not the workflow's state: the new round's writes may
      // pass the threshold again, and a query that meets a run as it continues as new can go
      // unanswered on the test server (which then holds its clock).
      const [, opened] = await approval.recorded('task.created', 2);
      expect(opened.data).toMatchObject({ round: 2, stageIndex: 0, escalationLevel: 0 });
      // The new round's clock starts at the resubmission: its reminder comes a day later.
      await bench().sleep('P1D');
      const [reminder] = await approval.recorded('task.reminded');
      expect(reminder.data).toMatchObject({ taskId: opened.data.taskId, reminder: 1 });
      expectAt(reminder.occurredAt, timeOf(opened.occurredAt) + DAY);
      expect(await approval.decideTask(opened.data.taskId, 'siti')).toMatchObject({ proposalVersion: 2, proposalStatus: 'approved' });
      expect((await approval.result()).tasks.map((t) => `r${t.round}:${t.status}`)).toEqual(['r1:returned', 'r2:approved']);
      expect(approval.record.count('proposal.submitted')).toBe(1);
      expect(approval.record.count('proposal.resubmitted')).toBe(1);
    });
  });
});

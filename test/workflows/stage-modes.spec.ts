import { DecisionFailure } from '@libs/contracts/approval.contract';
import { ADMIN, PROPOSER, REASON, refusalOf } from './support/approval';
import { EVALUATORS, POSTS, stage } from './support/chains';
import { useWorkflowBench } from './support/workflow-bench';

/** Every stage mode, the decision refusals, conditions and a stage that cannot be resolved. */
describe('approval workflow: stage modes and decisions (time-skipping server)', () => {
  const bench = useWorkflowBench(POSTS);


  it('any: the first approval settles the stage and cancels the other slots; the last stage approves the proposal', async () => {
    const approval = await bench().startApproval({ stages: [stage('telaah', EVALUATORS), stage('kepala', ['kadis'])] });
    const first = await approval.decide('citra');
    expect(first).toMatchObject({ decision: 'approve', actorPersonId: 'citra', actorPositionId: 'eval-2', capacity: 'definitif', onEscalation: false, proposalVersion: 1, proposalStatus: 'in_review' });
    const late = (await approval.state()).tasks.find((t) => t.positionId === 'eval-1')!;
    expect(late.status).toBe('cancelled');
    expect(await refusalOf(approval.decideTask(late.taskId, 'ana'))).toBe(DecisionFailure.AlreadyDecided);
    const last = await approval.decide('hendra');
    expect(last.proposalStatus).toBe('approved');

    const final = await approval.result();
    expect(final.status).toBe('approved');
    expect(final.tasks.filter((t) => t.stageIndex === 0).map((t) => t.status)).toEqual(['cancelled', 'approved', 'cancelled']);
    // What travels together is written in one transaction: the submission with the first stage, a
    // decision with what it settles and the next stage's opening.
    expect(approval.record.typesPerWrite()).toEqual([
      ['proposal.submitted', 'stage.opened', 'task.created', 'task.created', 'task.created'],
      ['task.decided', 'stage.approved', 'stage.opened', 'task.created'],
      ['task.decided', 'stage.approved', 'proposal.approved'],
    ]);
    const settled = approval.record.ofType('stage.approved')[0];
    expect(settled.data).toMatchObject({ stageIndex: 0, round: 1, cause: 'decision' });
    expect(settled.data.closedTasks.sort()).toEqual(final.tasks.filter((t) => t.status === 'cancelled').map((t) => t.taskId).sort());
    expect(approval.record.proposal).toMatchObject({ status: 'approved' });
    expect(approval.record.notifications.filter((n) => n.kind === 'proposal.decided')).toEqual([
      expect.objectContaining({ recipientPersonId: PROPOSER, payload: expect.objectContaining({ status: 'approved' }) }),
    ]);
  });

  it('all: every slot must approve; one rejection rejects the stage and the proposal', async () => {
    const approved = await bench().startApproval({ stages: [stage('semua', EVALUATORS, { mode: 'all' })] });
    expect((await approved.decide('ana')).proposalStatus).toBe('in_review');
    expect((await approved.decide('citra')).proposalStatus).toBe('in_review');
    expect((await approved.decide('dewi')).proposalStatus).toBe('approved');
    expect((await approved.result()).status).toBe('approved');

    const rejected = await bench().startApproval({ stages: [stage('semua', EVALUATORS, { mode: 'all' }), stage('kepala', ['kadis'])] });
    await rejected.decide('ana');
    const no = await rejected.decide('dewi', 'reject');
    expect(no.proposalStatus).toBe('rejected');
    const final = await rejected.result();
    expect(final.tasks.map((t) => t.status)).toEqual(['approved', 'cancelled', 'rejected']);
    expect(rejected.record.types().slice(-3)).toEqual(['task.decided', 'stage.rejected', 'proposal.rejected']);
    expect(rejected.record.ofType('task.decided')[1].data).toMatchObject({ decision: 'reject', comment: REASON });
    expect(rejected.record.count('stage.opened')).toBe(1);
  });

  it('quorum:2: a rejection that leaves the quorum reachable settles nothing; two approvals do', async () => {
    const approval = await bench().startApproval({ stages: [stage('kuorum', EVALUATORS, { mode: 'quorum:2' })] });
    expect((await approval.decide('ana', 'reject')).proposalStatus).toBe('in_review');
    expect((await approval.decide('citra')).proposalStatus).toBe('in_review');
    expect((await approval.decide('dewi')).proposalStatus).toBe('approved');
    expect((await approval.result()).tasks.map((t) => t.status)).toEqual(['rejected', 'approved', 'approved']);
  });

  it('quorum:2: two rejections of three make the quorum unreachable and reject at once', async () => {
    const approval = await bench().startApproval({ stages: [stage('kuorum', EVALUATORS, { mode: 'quorum:2' })] });
    await approval.decide('ana', 'reject');
    expect((await approval.decide('dewi', 'reject')).proposalStatus).toBe('rejected');
    const final = await approval.result();
    expect(final.tasks.map((t) => t.status)).toEqual(['rejected', 'cancelled', 'rejected']);
  });

  it('refuses decisions that the rules forbid, before anything is written', async () => {
    const approval = await bench().startApproval({ stages: [stage('telaah', ['kasi', 'kapus'], { mode: 'all', requiresDefinitive: true })] });
    const task = await approval.taskOf('siti');
    const plh = await approval.taskOf('eko');
    const writes = approval.record.batches.length;
    expect(await refusalOf(approval.decideTask(task.taskId, PROPOSER))).toBe(DecisionFailure.SelfApproval);
    expect(await refusalOf(approval.decideTask(task.taskId, 'bayu'))).toBe(DecisionFailure.NotAssignee);
    expect(await refusalOf(approval.decideTask('no-such-task', 'siti'))).toBe(DecisionFailure.TaskNotFound);
    expect(await refusalOf(approval.decideTask(task.taskId, 'siti', 'reject', '  '))).toBe(DecisionFailure.ReasonRequired);
    expect(await refusalOf(approval.decideTask(task.taskId, 'siti', 'return', REASON))).toBe(DecisionFailure.ReturnNotAllowed);
    expect(await refusalOf(approval.decideTask(plh.taskId, 'eko'))).toBe(DecisionFailure.RequiresDefinitive);
    expect(approval.record.batches).toHaveLength(writes);
    expect((await approval.openTasks()).map((t) => t.capacity)).toEqual(['definitif', 'plh']);
  });

  it('skips a stage whose condition does not hold, with the facts it was judged on; a skipped last stage approves', async () => {
    const facts = { budgetEstimate: 5_000_000, category: 'umum', crossAgency: false };
    const approval = await bench().startApproval({
      stages: [
        stage('besar', ['sekda'], { condition: { field: 'budgetEstimate', op: 'gte', value: 1_000_000_000 } }),
        stage('umum', ['kasi'], { condition: { field: 'category', op: 'in', value: ['umum'] } }),
        stage('lintas', ['inspektur'], { condition: { field: 'crossAgency', op: 'eq', value: true } }),
      ],
    }, { facts });
    await approval.decide('siti');
    expect((await approval.result()).status).toBe('approved');
    expect(approval.record.types()).toEqual([
      'proposal.submitted', 'stage.skipped', 'stage.opened', 'task.created', 'task.decided', 'stage.approved', 'stage.skipped', 'proposal.approved',
    ]);
    expect(approval.record.ofType('stage.skipped').map((e) => e.data)).toEqual([
      { stageIndex: 0, stage: 'Tahap besar', round: 1, condition: { field: 'budgetEstimate', op: 'gte', value: 1_000_000_000 }, facts },
      { stageIndex: 2, stage: 'Tahap lintas', round: 1, condition: { field: 'crossAgency', op: 'eq', value: true }, facts },
    ]);
  });

  it('holds a stage whose posts do not resolve, alerting administrators, until it is cancelled', async () => {
    const approval = await bench().startApproval({ stages: [stage('hilang', ['no-such-post'])] });
    const state = await approval.state();
    expect(state).toMatchObject({ status: 'in_review', tasks: [], blocked: { stageIndex: 0, round: 1, reason: expect.stringContaining('no-such-post') } });
    expect(approval.record.types()).toEqual(['proposal.submitted', 'stage.blocked']);
    expect(approval.record.notifications).toEqual([expect.objectContaining({ kind: 'admin.alert', recipientRole: 'admin' })]);
    const closed = await approval.cancel('Rantai tidak dapat dijalankan.');
    expect(closed).toMatchObject({ proposalStatus: 'cancelled', cancelledTasks: [] });
    expect((await approval.result()).status).toBe('cancelled');
    expect(approval.record.ofType('proposal.cancelled')[0]).toMatchObject({ actorPersonId: ADMIN, data: { reason: 'Rantai tidak dapat dijalankan.', stageIndex: 0, round: 1 } });
  });
});

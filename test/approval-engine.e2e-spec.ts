import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { cancelUpdate, stateQuery, workflowIdForProposal } from '@libs/contracts/approval.contract';
import { SA_ESCALATED, SA_STATUS } from '@libs/contracts/search-attributes';
import type { StageDefinition } from '@libs/domain/chain';
import {
  AppointmentEntity,
  ApprovalTaskEntity,
  HistoryEventEntity,
  NotificationOutboxEntity,
  PersonEntity,
  PositionEntity,
  ProposalEntity,
} from '@libs/persistence/entities';
import { DEMO_PEOPLE, idOf } from '@libs/persistence/seed/demo-organization';
import { TEMPORAL_CLIENT } from '@libs/temporal/temporal-client.module';
import { AppStack, eventually, personId, positionId, startAppStack, validProposal } from './support/app-stack';
import { insertTemplate, startApprovalDirectly } from './support/templates';

/**
 * Every stage mode of the engine and an escalation on timeout, each through the real API, workflow
 * and Postgres. The other timeout policies, reminders and caps run in skipped time in test/workflows/.
 */
describe('approval engine', () => {
  let stack: AppStack;
  let temporal: Client;
  const PROPOSER = 'Rina Wulandari';
  const nameOf = new Map(DEMO_PEOPLE.map(([nip, name]) => [idOf('person', nip), name]));

  beforeAll(async () => {
    stack = await startAppStack();
    temporal = stack.api.get<Client>(TEMPORAL_CLIENT);
  });
  afterAll(() => stack?.close());

  const stageOf = (over: Partial<StageDefinition>): StageDefinition => ({
    key: 'tahap',
    name: 'Tahap Uji',
    approvers: [{ kind: 'head-of-proposer-unit' }],
    mode: 'any',
    ...over,
  });

  async function submit(stages: StageDefinition[], overrides: Record<string, unknown> = {}): Promise<string> {
    const templateCode = await insertTemplate(stack.dataSource, stages);
    const res = await stack.http
      .post('/api/proposals')
      .set('Authorization', `Bearer ${await stack.tokenFor(PROPOSER)}`)
      .send(validProposal({ templateCode, ...overrides }))
      .expect(201);
    return res.body.id;
  }

  const tasksOf = (proposalId: string) =>
    stack.dataSource.getRepository(ApprovalTaskEntity).find({ where: { proposalId }, order: { createdAt: 'ASC', slot: 'ASC' } });
  const openTask = (proposalId: string, positionCode: string) =>
    eventually(
      async () => (await tasksOf(proposalId)).find((t) => t.status === 'open' && t.positionId === positionId(positionCode)),
      20_000,
      `an open task for ${positionCode}`,
    );
  const statusOf = async (proposalId: string) => (await stack.dataSource.getRepository(ProposalEntity).findOneByOrFail({ id: proposalId })).status;
  const waitStatus = (proposalId: string, status: string, timeoutMs = 20_000) =>
    eventually(async () => (await statusOf(proposalId)) === status, timeoutMs, `status ${status}`);
  const history = (proposalId: string) =>
    stack.dataSource.getRepository(HistoryEventEntity).find({ where: { proposalId }, order: { seq: 'ASC' } });
  const outbox = (proposalId: string) => stack.dataSource.getRepository(NotificationOutboxEntity).findBy({ proposalId });

  async function decide(task: ApprovalTaskEntity, decision: 'approve' | 'reject' | 'return', expected = 200, who?: string) {
    const actor = who ?? nameOf.get(task.assigneePersonId!)!;
    const res = await stack.http
      .post(`/api/tasks/${task.id}/decision`)
      .set('Authorization', `Bearer ${await stack.tokenFor(actor)}`)
      .send({ decision, ...(decision === 'approve' ? {} : { comment: 'Mohon dilengkapi analisis biaya.' }) });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: expected });
    return res.body;
  }

  const kadis = ['KADIS-DINKES', 'KADIS-DINSOS', 'KADIS-DUKCAPIL'];
  const threeHeads = { kind: 'positions' as const, positionIds: kadis.map(positionId) };

  it('settles an `any` stage on the first approval and cancels the other slots', async () => {
    const id = await submit([stageOf({ approvers: [threeHeads], mode: 'any' })]);
    await decide(await openTask(id, 'KADIS-DINSOS'), 'approve');
    await waitStatus(id, 'approved');
    const tasks = await tasksOf(id);
    expect(tasks.map((t) => t.status).sort()).toEqual(['approved', 'cancelled', 'cancelled']);
    const late = tasks.find((t) => t.positionId === positionId('KADIS-DINKES'))!;
    const refused = await decide(late, 'approve', 409);
    expect(refused.code).toBe('ALREADY_DECIDED');
  });

  it('needs every slot of an `all` stage, and one rejection rejects it', async () => {
    const approved = await submit([stageOf({ approvers: [threeHeads], mode: 'all' })]);
    for (const post of kadis.slice(0, 2)) {
      const result = await decide(await openTask(approved, post), 'approve');
      expect(result.proposalStatus).toBe('in_review');
    }
    const last = await decide(await openTask(approved, kadis[2]), 'approve');
    expect(last.proposalStatus).toBe('approved');

    const rejected = await submit([stageOf({ approvers: [threeHeads], mode: 'all' })]);
    await decide(await openTask(rejected, 'KADIS-DINKES'), 'approve');
    const no = await decide(await openTask(rejected, 'KADIS-DUKCAPIL'), 'reject');
    expect(no.proposalStatus).toBe('rejected');
    expect((await tasksOf(rejected)).map((t) => t.status).sort()).toEqual(['approved', 'cancelled', 'rejected']);
  });

  it('approves a `quorum:2` stage at two approvals, after a rejection that leaves the quorum reachable', async () => {
    const evaluators = { kind: 'positions' as const, positionIds: ['EVAL-BRIDA-1', 'EVAL-BRIDA-2', 'EVAL-BRIDA-3'].map(positionId) };
    const id = await submit([stageOf({ approvers: [evaluators], mode: 'quorum:2' })]);
    expect((await decide(await openTask(id, 'EVAL-BRIDA-1'), 'reject')).proposalStatus).toBe('in_review');
    expect((await decide(await openTask(id, 'EVAL-BRIDA-2'), 'approve')).proposalStatus).toBe('in_review');
    expect((await decide(await openTask(id, 'EVAL-BRIDA-3'), 'approve')).proposalStatus).toBe('approved');
  });

  it('escalates a timed-out task to the superior post, records it, tells the new assignee and flags the workflow', async () => {
    const id = await submit([stageOf({ approvers: [{ kind: 'position', positionId: positionId('KADIS-DINSOS') }], sla: 'PT2S' })]);
    const original = await openTask(id, 'KADIS-DINSOS');
    const escalated = await openTask(id, 'SEKDA');
    expect(escalated).toMatchObject({ escalationLevel: 1, escalatedFromTaskId: original.id, assigneePersonId: personId('Budi Santoso') });
    const before = await stack.dataSource.getRepository(ApprovalTaskEntity).findOneByOrFail({ id: original.id });
    expect(before.status).toBe('escalated');
    expect(before.overdueAt).not.toBeNull();
    expect((await decide(original, 'approve', 409)).message).toContain('escalated to Budi Santoso');

    const types = (await history(id)).map((h) => h.type);
    expect(types.indexOf('task.overdue')).toBeGreaterThan(-1);
    expect(types.indexOf('task.escalated')).toBeGreaterThan(types.indexOf('task.overdue'));
    const notices = await outbox(id);
    expect(notices).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'task.escalated', recipientPersonId: personId('Budi Santoso'), taskId: escalated.id }),
      expect.objectContaining({ kind: 'admin.alert', recipientRole: 'admin', taskId: original.id }),
      expect.objectContaining({ kind: 'task.overdue', recipientPersonId: personId('Yusuf Hakim') }),
    ]));
    expect((await stack.dataSource.getRepository(ProposalEntity).findOneByOrFail({ id })).escalated).toBe(true);
    const handle = temporal.workflow.getHandle(workflowIdForProposal(id));
    await eventually(async () => (await handle.describe()).typedSearchAttributes.get(SA_ESCALATED) === true, 10_000, 'EstafetEscalated');
    await eventually(async () => {
      const listed: string[] = [];
      for await (const wf of temporal.workflow.list({ query: `EstafetEscalated = true AND EstafetStatus = 'in_review' AND WorkflowId = '${handle.workflowId}'` })) listed.push(wf.workflowId);
      return listed.includes(handle.workflowId);
    }, 15_000, 'the escalated workflow in a visibility query');

    const inbox = async (query: string) =>
      (await stack.http.get(`/api/tasks?${query}`).set('Authorization', `Bearer ${await stack.tokenFor('Budi Santoso')}`).expect(200)).body;
    const mine = await inbox(`proposalId=${id}`);
    expect(mine.items).toEqual([expect.objectContaining({ id: escalated.id, onEscalation: true, overdue: false })]);
    expect((await inbox(`proposalId=${id}&overdue=true`)).total).toBe(0);
    expect((await inbox(`proposalId=${id}&q=ANTREAN%20daring`)).total).toBe(1);
    expect((await inbox(`proposalId=${id}&q=tidak-ada-100%25`)).total).toBe(0);
    const bad = await stack.http.get('/api/tasks?overdue=kadang&proposalId=123').set('Authorization', `Bearer ${await stack.tokenFor('Budi Santoso')}`).expect(422);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['overdue', 'proposalId']);
    const yusuf = await stack.http.get(`/api/tasks?proposalId=${id}`).set('Authorization', `Bearer ${await stack.tokenFor('Yusuf Hakim')}`).expect(200);
    expect(yusuf.body.total).toBe(0);

    const result = await decide(escalated, 'approve');
    expect(result).toMatchObject({ onEscalation: true, proposalStatus: 'approved' });
    const decided = (await history(id)).find((h) => h.type === 'task.decided')!;
    expect(decided.data).toMatchObject({ onEscalation: true, decision: 'approve' });
    expect(decided.actorPersonId).toBe(personId('Budi Santoso'));
    await eventually(async () => (await handle.describe()).typedSearchAttributes.get(SA_STATUS) === 'approved', 10_000, 'EstafetStatus');
  });

  it('skips a stage whose condition does not hold and records the skip', async () => {
    const id = await submit([
      stageOf({ key: 'besar', name: 'Anggaran Besar', condition: { field: 'budgetEstimate', op: 'gte', value: 1_000_000_000 }, approvers: [{ kind: 'position', positionId: positionId('SEKDA') }] }),
      stageOf({ key: 'lintas', name: 'Lintas Perangkat Daerah', condition: { field: 'crossAgency', op: 'eq', value: true }, approvers: [{ kind: 'position', positionId: positionId('KA-BRIDA') }] }),
    ], { budgetEstimate: 5_000_000, collaboratingUnitIds: [idOf('unit', 'DINSOS')] });
    await decide(await openTask(id, 'KA-BRIDA'), 'approve');
    await waitStatus(id, 'approved');
    const skipped = (await history(id)).filter((h) => h.type === 'stage.skipped');
    expect(skipped).toHaveLength(1);
    expect(skipped[0].data).toMatchObject({ stage: 'Anggaran Besar', facts: { budgetEstimate: 5_000_000, crossAgency: true } });
  });

  it('holds a stage whose posts cannot be resolved, alerting administrators, until it is cancelled', async () => {
    // The mayor's unit is the top of the tree: it has no parent unit whose head could decide.
    const templateCode = await insertTemplate(stack.dataSource, [stageOf({ approvers: [{ kind: 'head-of-parent-unit' }] })]);
    const created = await stack.http
      .post('/api/proposals')
      .set('Authorization', `Bearer ${await stack.tokenFor('Wahyu Hidayat')}`)
      .send(validProposal({ templateCode }))
      .expect(201);
    const id: string = created.body.id;
    const blocked = await eventually(async () => (await history(id)).find((h) => h.type === 'stage.blocked'), 20_000, 'stage.blocked');
    expect(String(blocked.data.reason)).toContain('has no parent unit');
    expect(await outbox(id)).toEqual([expect.objectContaining({ kind: 'admin.alert', recipientRole: 'admin' })]);
    expect(await tasksOf(id)).toEqual([]);
    const handle = temporal.workflow.getHandle(workflowIdForProposal(id));
    expect((await handle.describe()).status.name).toBe('RUNNING');
    await handle.executeUpdate(cancelUpdate, { args: [{ actorPersonId: personId('Yoga Permana'), reason: 'Rantai tidak dapat dijalankan.' }] });
    await waitStatus(id, 'cancelled');
    expect((await handle.describe()).status.name).toBe('COMPLETED');
  });

  it('lets only a definitive holder decide a `requiresDefinitive` stage', async () => {
    const unitId = idOf('unit', 'BRIDA');
    const post = await stack.dataSource.getRepository(PositionEntity).save({
      id: randomUUID(), code: `UJI-${randomUUID().slice(0, 8)}`, title: 'Kepala Pusat Uji', unitId, level: 'administrator', superiorPositionId: positionId('KA-BRIDA'), isUnitHead: false,
    });
    // A person of its own, so other tests that rely on the demo people holding (or not holding) posts are unaffected.
    const acting = await stack.dataSource.getRepository(PersonEntity).save({
      id: randomUUID(), nip: `19900101${String(Date.now()).slice(-10)}`, name: 'Pelaksana Harian Uji', email: `plh-${randomUUID().slice(0, 8)}@sukamajukota.go.id`, roles: ['approver'],
    });
    await stack.dataSource.getRepository(AppointmentEntity).insert({
      id: randomUUID(), positionId: post.id, personId: acting.id, capacity: 'plh', startsAt: new Date(Date.now() - 60_000), endsAt: null,
    });
    const id = await submit([stageOf({ approvers: [{ kind: 'position', positionId: post.id }], requiresDefinitive: true })]);
    const task = await eventually(async () => (await tasksOf(id)).find((t) => t.status === 'open'), 20_000, 'the task');
    expect(task.capacity).toBe('plh');
    const login = await stack.http.post('/api/auth/dev-login').send({ nip: acting.nip }).expect(200);
    const res = await stack.http.post(`/api/tasks/${task.id}/decision`).set('Authorization', `Bearer ${login.body.accessToken}`).send({ decision: 'approve' });
    expect(res.status).toBe(403);
    const refused = res.body;
    expect(refused).toMatchObject({ code: 'REQUIRES_DEFINITIVE_HOLDER' });
    expect(refused.message).toContain('Plh.');
  });

  it('continues as new before the history grows large and carries on where it stopped', async () => {
    const stages = [1, 2, 3].map((n) => stageOf({ key: `tahap-${n}`, name: `Tahap ${n}`, approvers: [{ kind: 'position', positionId: positionId(['KASI-USAHA', 'KABID-YAN', 'KADIS-DPMPTSP'][n - 1]) }] }));
    const templateCode = await insertTemplate(stack.dataSource, stages);
    const { proposal, handle } = await startApprovalDirectly(stack, templateCode, stages, { continueAsNewAfterEvents: 12 });
    for (const post of ['KASI-USAHA', 'KABID-YAN', 'KADIS-DPMPTSP']) await decide(await openTask(proposal.id, post), 'approve');
    await waitStatus(proposal.id, 'approved');
    const final = await temporal.workflow.getHandle(handle.workflowId).query(stateQuery);
    expect(final.run).toBeGreaterThan(1);
    expect(final.status).toBe('approved');
    const rows = await history(proposal.id);
    expect(rows.filter((h) => h.type === 'task.created')).toHaveLength(3);
    expect(rows.filter((h) => h.type === 'proposal.submitted')).toHaveLength(1);
    const verify = await stack.http
      .get(`/api/proposals/${proposal.id}/history/verify`)
      .set('Authorization', `Bearer ${await stack.tokenFor(PROPOSER)}`)
      .expect(200);
    expect(verify.body).toMatchObject({ valid: true, count: rows.length });
  });
});

import { AppStack, eventually, personId, positionId, startAppStack, validProposal } from './support/app-stack';

/** The thinnest approval, end to end: API → Temporal → worker → Postgres and back. */
describe('one-stage approval, end to end', () => {
  let stack: AppStack;

  beforeAll(async () => {
    stack = await startAppStack();
  });

  afterAll(async () => {
    await stack?.close();
  });

  /** Submits a proposal as `proposer` and waits until its first task is in the read model. */
  async function submitAndAwaitTask(proposer: string, title: string) {
    const created = await stack.http.post('/api/proposals').auth(proposer, { type: 'bearer' }).send(validProposal({ title })).expect(201);
    const task = await eventually(async () => {
      const p = await stack.http.get(`/api/proposals/${created.body.id}`).auth(proposer, { type: 'bearer' });
      return p.body.tasks?.[0] as { id: string } | undefined;
    }, 20_000, `the first task of "${title}"`);
    return { proposalId: created.body.id as string, task };
  }

  it('submits a proposal, shows the task in the approver inbox, approves it and records the history', async () => {
    const proposer = await stack.tokenFor('Rina Wulandari');
    const approver = await stack.tokenFor('Siti Rahmawati');

    const created = await stack.http.post('/api/proposals').auth(proposer, { type: 'bearer' }).send(validProposal()).expect(201);
    const proposalId: string = created.body.id;
    expect(created.body).toMatchObject({ status: 'submitted', proposerId: personId('Rina Wulandari'), budgetEstimate: 75000000 });

    const task = await eventually(async () => {
      const inbox = await stack.http.get('/api/tasks').auth(approver, { type: 'bearer' }).expect(200);
      return inbox.body.items.find((t: { proposalId: string }) => t.proposalId === proposalId);
    }, 20_000, 'the task in the Kepala Seksi inbox');
    expect(task).toMatchObject({
      status: 'open',
      stageName: 'Kepala Unit Pengusul',
      positionId: positionId('KASI-USAHA'),
      capacity: 'definitif',
      proposalTitle: validProposal().title,
      overdue: false,
    });

    const decision = await stack.http
      .post(`/api/tasks/${task.id}/decision`)
      .auth(approver, { type: 'bearer' })
      .set('Idempotency-Key', `approve-${task.id}`)
      .send({ decision: 'approve', comment: 'Setuju.' })
      .expect(200);
    expect(decision.body).toMatchObject({ taskId: task.id, decision: 'approve', capacity: 'definitif', proposalStatus: 'approved' });

    const proposal = await stack.http.get(`/api/proposals/${proposalId}`).auth(proposer, { type: 'bearer' }).expect(200);
    expect(proposal.body).toMatchObject({ status: 'approved', statusLabel: 'Disetujui' });
    expect(proposal.body.tasks).toEqual([
      expect.objectContaining({ id: task.id, status: 'approved', decision: 'approve', decidedByName: 'Siti Rahmawati', comment: 'Setuju.' }),
    ]);

    const history = await stack.http.get(`/api/proposals/${proposalId}/history`).auth(proposer, { type: 'bearer' }).expect(200);
    expect(history.body.map((e: { type: string }) => e.type)).toEqual([
      'proposal.submitted',
      'stage.opened',
      'task.created',
      'task.decided',
      'stage.approved',
      'proposal.approved',
    ]);
    const decided = history.body.find((e: { type: string }) => e.type === 'task.decided');
    expect(decided).toMatchObject({ actorName: 'Siti Rahmawati', actorPositionTitle: 'Kepala Seksi Perizinan Usaha', capacity: 'definitif' });
    expect(history.body.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);

    const verify = await stack.http.get(`/api/proposals/${proposalId}/history/verify`).auth(proposer, { type: 'bearer' }).expect(200);
    expect(verify.body).toEqual({ valid: true, count: 6 });

    const inboxAfter = await stack.http.get('/api/tasks').auth(approver, { type: 'bearer' }).expect(200);
    expect(inboxAfter.body.items.find((t: { id: string }) => t.id === task.id)).toBeUndefined();
    const done = await stack.http.get('/api/tasks?status=done').auth(approver, { type: 'bearer' }).expect(200);
    expect(done.body.items.find((t: { id: string }) => t.id === task.id)).toMatchObject({ decision: 'approve' });
  });

  it('applies a retried decision once and returns the first result', async () => {
    const proposer = await stack.tokenFor('Dimas Pratama');
    const approver = await stack.tokenFor('Siti Rahmawati');
    const { proposalId, task } = await submitAndAwaitTask(proposer, 'Retry test proposal');
    const send = () =>
      stack.http.post(`/api/tasks/${task.id}/decision`).auth(approver, { type: 'bearer' }).set('Idempotency-Key', 'same-key-1').send({ decision: 'approve' });
    const first = await send().expect(200);
    const second = await send().expect(200);
    expect(second.body).toEqual(first.body);
    const history = await stack.http.get(`/api/proposals/${proposalId}/history`).auth(proposer, { type: 'bearer' }).expect(200);
    expect(history.body.filter((e: { type: string }) => e.type === 'task.decided')).toHaveLength(1);
  });

  it('refuses a proposer deciding their own proposal and an approver outside the post', async () => {
    // Siti holds KASI-USAHA; her own proposal goes to the post above hers (Agus), which she may not decide either.
    const siti = await stack.tokenFor('Siti Rahmawati');
    const other = await stack.tokenFor('Maya Kusuma');
    const { proposalId, task } = await submitAndAwaitTask(siti, 'Kasi proposes herself');
    const self = await stack.http.post(`/api/tasks/${task.id}/decision`).auth(siti, { type: 'bearer' }).send({ decision: 'approve' }).expect(403);
    expect(self.body).toMatchObject({ statusCode: 403, code: 'SEGREGATION_OF_DUTIES', message: expect.stringMatching(/segregation of duties/i) });
    expect(self.body.correlationId).toEqual(expect.any(String));

    const stranger = await stack.http.post(`/api/tasks/${task.id}/decision`).auth(other, { type: 'bearer' }).send({ decision: 'approve' }).expect(403);
    expect(stranger.body.code).toBe('NOT_ASSIGNEE');
    await stack.http.get(`/api/proposals/${proposalId}`).auth(other, { type: 'bearer' }).expect(403);
  });

  it('requires a reason to reject and records the rejection', async () => {
    const proposer = await stack.tokenFor('Rina Wulandari');
    const approver = await stack.tokenFor('Siti Rahmawati');
    const { proposalId, task } = await submitAndAwaitTask(proposer, 'To be rejected');
    const noReason = await stack.http.post(`/api/tasks/${task.id}/decision`).auth(approver, { type: 'bearer' }).send({ decision: 'reject', comment: '  ' }).expect(422);
    expect(noReason.body).toMatchObject({ code: 'REASON_REQUIRED', details: [{ field: 'comment', messages: [expect.any(String)] }] });
    await stack.http.post(`/api/tasks/${task.id}/decision`).auth(approver, { type: 'bearer' }).send({ decision: 'reject', comment: 'Anggaran belum tersedia.' }).expect(200);
    const again = await stack.http.post(`/api/tasks/${task.id}/decision`).auth(approver, { type: 'bearer' }).send({ decision: 'approve' }).expect(409);
    expect(again.body).toMatchObject({ code: 'ALREADY_DECIDED' });
    const proposal = await stack.http.get(`/api/proposals/${proposalId}`).auth(proposer, { type: 'bearer' }).expect(200);
    expect(proposal.body.status).toBe('rejected');
  });
});

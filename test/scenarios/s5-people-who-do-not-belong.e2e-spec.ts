import { ApprovalTaskEntity, HistoryEventEntity } from '@libs/persistence/entities';
import { AppStack, eventually, personId, positionId, startAppStack, validProposal } from '../support/app-stack';
import { insertTemplate } from '../support/templates';

/** Story S5: the system refuses people who do not belong, and never applies a decision twice. */
describe('S5 — people who do not belong', () => {
  let stack: AppStack;
  beforeAll(async () => {
    stack = await startAppStack();
  });
  afterAll(() => stack?.close());

  const auth = async (name: string) => ({ Authorization: `Bearer ${await stack.tokenFor(name)}` });
  const openTasks = (proposalId: string) =>
    eventually(async () => {
      const tasks = await stack.dataSource.getRepository(ApprovalTaskEntity).findBy({ proposalId, status: 'open' });
      return tasks.length ? tasks : undefined;
    }, 20_000, 'open tasks');
  const decisions = async (proposalId: string) =>
    (await stack.dataSource.getRepository(HistoryEventEntity).findBy({ proposalId, type: 'task.decided' })).length;

  it('refuses a proposer who holds the stage post deciding their own proposal, explaining segregation of duties', async () => {
    // Siti Rahmawati heads the section she proposes from: the default chain names her own post, so the
    // task goes to the post above it instead, and she may not decide it either.
    const created = await stack.http.post('/api/proposals').set(await auth('Siti Rahmawati')).send(validProposal()).expect(201);
    const [task] = await openTasks(created.body.id);
    expect(task).toMatchObject({ positionId: positionId('KABID-YAN'), assigneePersonId: personId('Agus Setiawan') });
    const res = await stack.http.post(`/api/tasks/${task.id}/decision`).set(await auth('Siti Rahmawati')).send({ decision: 'approve' }).expect(403);
    expect(res.body).toMatchObject({ code: 'SEGREGATION_OF_DUTIES', statusCode: 403 });
    expect(res.body.message).toMatch(/segregation of duties/i);
    expect(await decisions(created.body.id)).toBe(0);
  });

  it('refuses an approver of another unit deciding a task that is not theirs', async () => {
    const created = await stack.http.post('/api/proposals').set(await auth('Rina Wulandari')).send(validProposal()).expect(201);
    const [task] = await openTasks(created.body.id);
    const res = await stack.http.post(`/api/tasks/${task.id}/decision`).set(await auth('Maya Kusuma')).send({ decision: 'approve' }).expect(403);
    expect(res.body.code).toBe('NOT_ASSIGNEE');
    expect(await decisions(created.body.id)).toBe(0);
  });

  it('applies the same approval sent twice with one idempotency key once, answering both with the first result', async () => {
    const created = await stack.http.post('/api/proposals').set(await auth('Rina Wulandari')).send(validProposal()).expect(201);
    const [task] = await openTasks(created.body.id);
    const send = async () =>
      stack.http.post(`/api/tasks/${task.id}/decision`).set(await auth('Siti Rahmawati')).set('Idempotency-Key', `s5-${task.id}`).send({ decision: 'approve' });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(await decisions(created.body.id)).toBe(1);
  });

  it('lets one of two simultaneous approvals of an `any` stage apply and answers the other 409 naming who decided', async () => {
    const templateCode = await insertTemplate(stack.dataSource, [
      { key: 'dua-kadis', name: 'Salah satu Kepala Dinas', approvers: [{ kind: 'positions', positionIds: [positionId('KADIS-DINKES'), positionId('KADIS-DINSOS')] }], mode: 'any' },
    ]);
    const created = await stack.http.post('/api/proposals').set(await auth('Rina Wulandari')).send(validProposal({ templateCode })).expect(201);
    const tasks = await eventually(async () => {
      const open = await openTasks(created.body.id);
      return open.length === 2 ? open : undefined;
    }, 20_000, 'both tasks');
    const byPerson = (name: string) => tasks.find((t) => t.assigneePersonId === personId(name))!;
    const [maya, yusuf] = await Promise.all([
      stack.http.post(`/api/tasks/${byPerson('Maya Kusuma').id}/decision`).set(await auth('Maya Kusuma')).send({ decision: 'approve' }),
      stack.http.post(`/api/tasks/${byPerson('Yusuf Hakim').id}/decision`).set(await auth('Yusuf Hakim')).send({ decision: 'approve' }),
    ]);
    expect([maya.status, yusuf.status].sort()).toEqual([200, 409]);
    const [winner, loser] = maya.status === 200 ? [maya, yusuf] : [yusuf, maya];
    const winnerName = winner === maya ? 'Maya Kusuma' : 'Yusuf Hakim';
    expect(loser.body).toMatchObject({ code: 'ALREADY_DECIDED' });
    expect(loser.body.message).toContain(`decided by ${winnerName}`);
    expect(winner.body.proposalStatus).toBe('approved');
    expect(await decisions(created.body.id)).toBe(1);
  });

  it('answers malformed, oversized and unknown-field bodies with 400/413/422 and field-level messages', async () => {
    const headers = await auth('Rina Wulandari');
    const malformed = await stack.http.post('/api/proposals').set(headers).set('Content-Type', 'application/json').send('{"title": "tanpa penutup"');
    expect(malformed.status).toBe(400);
    const oversized = await stack.http.post('/api/proposals').set(headers).send(validProposal({ problem: 'x'.repeat(2_000_000) }));
    expect(oversized.status).toBe(413);
    const unknown = await stack.http.post('/api/proposals').set(headers).send(validProposal({ approvedBy: 'Wali Kota', pilotPlan: { durationMonths: 0, scope: 'Loket', extra: 1 } }));
    expect(unknown.status).toBe(422);
    const fields = unknown.body.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['approvedBy', 'pilotPlan.durationMonths', 'pilotPlan.extra']));
    for (const res of [malformed, oversized, unknown]) expect(res.body).toHaveProperty('correlationId');
  });
});

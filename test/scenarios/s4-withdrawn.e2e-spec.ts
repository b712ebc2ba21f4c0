import { AppStack, eventually, personId, positionId, startAppStack, validProposal } from '../support/app-stack';
import { insertTemplate } from '../support/templates';

interface TaskRow {
  id: string;
  stageIndex: number;
  status: string;
  assigneeName: string | null;
}

/**
 * Story S4: the proposer withdraws while stage 2 is open. The open tasks are cancelled, the
 * approvers' inboxes no longer show them, and the record says who withdrew and why.
 */
describe('S4 — withdrawn', () => {
  let stack: AppStack;
  beforeAll(async () => {
    stack = await startAppStack();
  });
  afterAll(() => stack?.close());

  const as = (name: string) => stack.as(name);

  it('cancels the open tasks of stage 2, empties the approvers\' inboxes and records who withdrew and why', async () => {
    const rina = await as('Rina Wulandari');
    const siti = await as('Siti Rahmawati');
    const maya = await as('Maya Kusuma');
    const yusuf = await as('Yusuf Hakim');
    const templateCode = await insertTemplate(stack.dataSource, [
      { key: 'kasi', name: 'Kepala Seksi', approvers: [{ kind: 'head-of-proposer-unit' }], mode: 'any', sla: 'P2D' },
      {
        key: 'lintas-dinas',
        name: 'Kepala Dinas Kesehatan dan Dinas Sosial',
        approvers: [{ kind: 'positions', positionIds: [positionId('KADIS-DINKES'), positionId('KADIS-DINSOS')] }],
        mode: 'all',
        sla: 'P3D',
      },
    ], 's4');

    const created = await rina.post('/api/proposals', validProposal({ title: 'Satu Data Kesehatan dan Sosial (uji S4)', templateCode })).expect(201);
    const id: string = created.body.id;
    const tasks = async () => (await rina.get(`/api/proposals/${id}`).expect(200)).body.tasks as TaskRow[];

    const kasi = await eventually(async () => (await tasks()).find((t) => t.stageIndex === 0 && t.status === 'open'), 20_000, 'the stage 1 task');
    await siti.post(`/api/tasks/${kasi.id}/decision`, { decision: 'approve' }).expect(200);
    const stage2 = await eventually(async () => {
      const open = (await tasks()).filter((t) => t.stageIndex === 1 && t.status === 'open');
      return open.length === 2 ? open : undefined;
    }, 20_000, 'both stage 2 tasks');
    expect(stage2.map((t) => t.assigneeName).sort()).toEqual(['Maya Kusuma', 'Yusuf Hakim']);
    const inboxHas = async (who: typeof rina) =>
      ((await who.get('/api/tasks').expect(200)).body.items as { id: string; proposalId: string }[]).filter((t) => t.proposalId === id).map((t) => t.id);
    expect(await inboxHas(maya)).toHaveLength(1);
    expect(await inboxHas(yusuf)).toHaveLength(1);

    // Only the proposer may withdraw, and only with a reason.
    const notHers = await siti.post(`/api/proposals/${id}/withdraw`, { reason: 'Saya yang menarik.' }).expect(403);
    expect(notHers.body.code).toBe('NOT_PROPOSER');
    await maya.post(`/api/proposals/${id}/withdraw`, { reason: 'Saya yang menarik.' }).expect(403);
    const noReason = await rina.post(`/api/proposals/${id}/withdraw`, {}).expect(422);
    expect(noReason.body.details).toEqual([{ field: 'reason', messages: expect.arrayContaining([expect.any(String)]) }]);

    const reason = 'Dinas Kominfo sudah menjalankan integrasi data yang sama; usulan ini tidak diperlukan lagi.';
    const withdrawn = await rina.post(`/api/proposals/${id}/withdraw`, { reason }).expect(200);
    expect(withdrawn.body).toMatchObject({ proposalStatus: 'withdrawn', closedAt: expect.any(String) });
    expect([...withdrawn.body.cancelledTasks].sort()).toEqual(stage2.map((t) => t.id).sort());
    expect(withdrawn.body.proposal).toMatchObject({ id, status: 'withdrawn', statusLabel: 'Ditarik', decidedAt: expect.any(String) });

    // Both tasks are cancelled and gone from the inboxes.
    const after = await tasks();
    expect(after.filter((t) => t.stageIndex === 1).map((t) => t.status)).toEqual(['cancelled', 'cancelled']);
    expect(after.find((t) => t.id === kasi.id)?.status).toBe('approved');
    expect(await inboxHas(maya)).toEqual([]);
    expect(await inboxHas(yusuf)).toEqual([]);

    // Deciding one now is refused.
    const mayaTask = stage2.find((t) => t.assigneeName === 'Maya Kusuma')!;
    const late = await maya.post(`/api/tasks/${mayaTask.id}/decision`, { decision: 'approve' }).expect(409);
    expect(late.body.code).toBe('ALREADY_DECIDED');

    // The record ends with the withdrawal: by Rina, with her reason, naming the cancelled tasks.
    const history = (await rina.get(`/api/proposals/${id}/history`).expect(200)).body as { type: string; actorPersonId: string | null; actorName: string | null; data: Record<string, unknown> }[];
    const last = history.at(-1)!;
    expect(last).toMatchObject({ type: 'proposal.withdrawn', actorPersonId: personId('Rina Wulandari'), actorName: 'Rina Wulandari' });
    expect(last.data).toMatchObject({ reason, stageIndex: 1, round: 1 });
    expect([...(last.data.cancelledTasks as string[])].sort()).toEqual(stage2.map((t) => t.id).sort());
    expect(history.filter((e) => e.type === 'task.decided')).toHaveLength(1);
    const view = (await rina.get(`/api/proposals/${id}`).expect(200)).body;
    expect(view).toMatchObject({ status: 'withdrawn', statusLabel: 'Ditarik' });
    expect(view.timeline.at(-1)).toMatchObject({ type: 'proposal.withdrawn', label: 'Ditarik', actorName: 'Rina Wulandari', reason });
    expect((await rina.get(`/api/proposals/${id}/history/verify`).expect(200)).body).toEqual({ valid: true, count: history.length });

    // It cannot be withdrawn twice, and still not by someone else.
    const twice = await rina.post(`/api/proposals/${id}/withdraw`, { reason: 'Sekali lagi.' }).expect(409);
    expect(twice.body.code).toBe('APPROVAL_ENDED');
    await siti.post(`/api/proposals/${id}/withdraw`, { reason: 'Saya yang menarik.' }).expect(403);
    expect((await rina.get('/api/proposals?status=withdrawn').expect(200)).body.items).toContainEqual(expect.objectContaining({ id, statusLabel: 'Ditarik' }));
  });
});

import { HistoryEventEntity } from '@libs/persistence/entities';
import { AppStack, eventually, personId, positionId, startAppStack, validProposal } from '../support/app-stack';
import { insertTemplate } from '../support/templates';

interface TaskRow {
  id: string;
  stageIndex: number;
  round: number;
  status: string;
  assigneeName: string | null;
}

/**
 * Story S3: the Kepala Bidang returns the proposal with a note; the proposer edits and resubmits;
 * review resumes at the stage that returned it, in a second round. Both rounds stay in the record
 * and the version every decision was taken on can be read back.
 */
describe('S3 — returned for revision, then resubmitted', () => {
  let stack: AppStack;
  beforeAll(async () => {
    stack = await startAppStack();
  });
  afterAll(() => stack?.close());

  const as = (name: string) => stack.as(name);

  it('returns, revises, resubmits and resumes at the returning stage; both rounds and their versions stay recoverable', async () => {
    const rina = await as('Rina Wulandari');
    const siti = await as('Siti Rahmawati');
    const agus = await as('Agus Setiawan');
    const hendra = await as('Hendra Gunawan');
    const templateCode = await insertTemplate(stack.dataSource, [
      { key: 'kasi', name: 'Kepala Seksi', approvers: [{ kind: 'head-of-proposer-unit' }], mode: 'any', sla: 'P2D' },
      { key: 'kabid', name: 'Kepala Bidang', approvers: [{ kind: 'head-of-parent-unit' }], mode: 'any', sla: 'P3D', mayReturn: true },
      { key: 'kadis', name: 'Kepala Dinas', approvers: [{ kind: 'position', positionId: positionId('KADIS-DPMPTSP') }], mode: 'any', sla: 'P5D' },
    ], 's3');
    const firstTitle = 'Antrean daring perizinan (versi awal)';
    const secondTitle = 'Antrean daring dan kanal SMS pengaduan perizinan (diperbaiki)';

    const created = await rina.post('/api/proposals', validProposal({ title: firstTitle, templateCode })).expect(201);
    const id: string = created.body.id;
    const proposal = () => rina.get(`/api/proposals/${id}`).expect(200);
    const openTask = (stageIndex: number, round: number) =>
      eventually(async () => ((await proposal()).body.tasks as TaskRow[]).find((t) => t.status === 'open' && t.stageIndex === stageIndex && t.round === round),
        20_000, `the open task of stage ${stageIndex + 1}, round ${round}`);
    const decide = async (who: typeof rina, taskId: string, decision: string, comment?: string) =>
      (await who.post(`/api/tasks/${taskId}/decision`, { decision, ...(comment ? { comment } : {}) }).expect(200)).body;

    // Round 1: the Kepala Seksi approves, the Kepala Bidang returns with a note.
    const kasi = await openTask(0, 1);
    expect(kasi.assigneeName).toBe('Siti Rahmawati');
    await decide(siti, kasi.id, 'approve', 'Layak diteruskan.');
    const kabid = await openTask(1, 1);
    expect(kabid.assigneeName).toBe('Agus Setiawan');
    const note = 'Sasaran kinerja belum terukur dan kanal pengaduan belum dijelaskan; mohon diperbaiki.';
    const returned = await decide(agus, kabid.id, 'return', note);
    expect(returned).toMatchObject({ decision: 'return', proposalStatus: 'returned', proposalVersion: 1 });

    const afterReturn = await proposal();
    expect(afterReturn.body).toMatchObject({ status: 'returned', statusLabel: 'Dikembalikan untuk Perbaikan', round: 1, version: 1 });
    expect(afterReturn.body.timeline.at(-1)).toMatchObject({ type: 'proposal.returned', label: 'Dikembalikan untuk Perbaikan' });
    expect(afterReturn.body.timeline).toContainEqual(expect.objectContaining({
      type: 'task.decided', label: 'Dikembalikan untuk Perbaikan', actorName: 'Agus Setiawan', stageName: 'Kepala Bidang', round: 1, comment: note,
    }));
    const mine = await rina.get('/api/proposals?status=returned').expect(200);
    expect(mine.body.items).toContainEqual(expect.objectContaining({ id, statusLabel: 'Dikembalikan untuk Perbaikan' }));

    // Rina revises (a new content version) and resubmits.
    const edited = await rina.patch(`/api/proposals/${id}`, {
      title: secondTitle,
      indicators: [{ name: 'Waktu tunggu rata-rata', baseline: '120 menit', target: '30 menit' }, { name: 'Pengaduan dijawab ≤ 3 hari', baseline: '20%', target: '90%' }],
    }).expect(200);
    expect(edited.body).toMatchObject({ status: 'returned', version: 2, title: secondTitle });
    const resubmitted = await rina.post(`/api/proposals/${id}/resubmit`, { note: 'Indikator dan kanal pengaduan sudah dilengkapi.' }).set('Idempotency-Key', `s3-${id}`).expect(200);
    expect(resubmitted.body).toMatchObject({ round: 2, stageIndex: 1, proposalStatus: 'in_review', proposal: { status: 'in_review', round: 2, version: 2 } });

    // Round 2 resumes at the Kepala Bidang: a new task for Agus; the Kepala Seksi is not asked again.
    const kabid2 = await openTask(1, 2);
    expect(kabid2).toMatchObject({ assigneeName: 'Agus Setiawan' });
    expect(kabid2.id).not.toBe(kabid.id);
    const agusInbox = await agus.get('/api/tasks').expect(200);
    expect(agusInbox.body.items).toContainEqual(expect.objectContaining({ id: kabid2.id, proposalId: id, round: 2, stageName: 'Kepala Bidang', proposalTitle: secondTitle }));
    const sitiInbox = await siti.get('/api/tasks').expect(200);
    expect(sitiInbox.body.items.filter((t: { proposalId: string }) => t.proposalId === id)).toEqual([]);

    await decide(agus, kabid2.id, 'approve', 'Perbaikan sudah sesuai.');
    const kadis = await openTask(2, 2);
    expect(kadis.assigneeName).toBe('Hendra Gunawan');
    const final = await decide(hendra, kadis.id, 'approve', 'Disetujui untuk uji coba.');
    expect(final).toMatchObject({ proposalStatus: 'approved', proposalVersion: 2 });

    const approved = await proposal();
    expect(approved.body).toMatchObject({ status: 'approved', statusLabel: 'Disetujui', round: 2, version: 2 });
    // No stage-1 task was opened in round 2.
    expect((approved.body.tasks as TaskRow[]).map((t) => [t.round, t.stageIndex, t.status])).toEqual([
      [1, 0, 'approved'], [1, 1, 'returned'], [2, 1, 'approved'], [2, 2, 'approved'],
    ]);

    // Both rounds are in the record, each decision with the version it was taken on.
    const history = (await rina.get(`/api/proposals/${id}/history`).expect(200)).body as { type: string; actorPersonId: string | null; data: Record<string, unknown> }[];
    const decided = history.filter((e) => e.type === 'task.decided');
    expect(decided.map((e) => [e.actorPersonId, e.data.round, e.data.stageIndex, e.data.decision, e.data.proposalVersion])).toEqual([
      [personId('Siti Rahmawati'), 1, 0, 'approve', 1],
      [personId('Agus Setiawan'), 1, 1, 'return', 1],
      [personId('Agus Setiawan'), 2, 1, 'approve', 2],
      [personId('Hendra Gunawan'), 2, 2, 'approve', 2],
    ]);
    const types = history.map((e) => e.type);
    expect(types.indexOf('proposal.returned')).toBeGreaterThan(types.indexOf('stage.returned'));
    expect(types.indexOf('proposal.resubmitted')).toBeGreaterThan(types.indexOf('proposal.returned'));
    expect(history.find((e) => e.type === 'proposal.returned')?.data).toMatchObject({ round: 1, stageIndex: 1 });
    expect(history.find((e) => e.type === 'proposal.resubmitted')).toMatchObject({
      actorPersonId: personId('Rina Wulandari'),
      data: expect.objectContaining({ round: 2, stageIndex: 1, proposalVersion: 2, note: 'Indikator dan kanal pengaduan sudah dilengkapi.' }),
    });
    expect(types.filter((t) => t === 'stage.opened')).toHaveLength(4);

    // Every decision's version can be read back: the old title for round 1, the new one for round 2.
    const expectedTitle: Record<number, string> = { 1: firstTitle, 2: secondTitle };
    for (const e of decided) {
      const v = e.data.proposalVersion as number;
      const version = await agus.get(`/api/proposals/${id}/versions/${v}`).expect(200);
      expect(version.body).toMatchObject({ version: v, round: e.data.round, content: { version: v, title: expectedTitle[e.data.round as number] } });
    }
    expect((await rina.get(`/api/proposals/${id}/versions/1`).expect(200)).body.source).toBe('submitted');
    expect((await rina.get(`/api/proposals/${id}/versions/2`).expect(200)).body).toMatchObject({ source: 'resubmitted', round: 2 });
    await rina.get(`/api/proposals/${id}/versions/3`).expect(404);

    const labels = approved.body.timeline.map((t: { label: string }) => t.label);
    expect(labels).toEqual(expect.arrayContaining(['Diajukan', 'Dikembalikan untuk Perbaikan', 'Diajukan ulang', 'Usulan Disetujui']));
    expect(approved.body.timeline.find((t: { type: string }) => t.type === 'proposal.resubmitted')).toMatchObject({
      label: 'Diajukan ulang', actorName: 'Rina Wulandari', round: 2, comment: 'Indikator dan kanal pengaduan sudah dilengkapi.',
    });

    expect((await rina.get(`/api/proposals/${id}/history/verify`).expect(200)).body).toEqual({ valid: true, count: history.length });
    const stored = await stack.dataSource.getRepository(HistoryEventEntity).countBy({ proposalId: id });
    expect(stored).toBe(history.length);
  });
});

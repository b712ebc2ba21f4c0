import type { StageDefinition } from '@libs/domain/chain';
import { AppStack, eventually, startAppStack, validProposal } from '../support/app-stack';
import { buildOrg, Org } from '../support/org-fixture';
import { insertTemplate } from '../support/templates';

interface TaskRow {
  id: string;
  stageIndex: number;
  status: string;
  assigneeName: string | null;
  capacity: string | null;
}

interface HistoryRow {
  seq: number;
  type: string;
  actorPersonId: string | null;
  capacity: string | null;
  data: Record<string, unknown>;
}

/**
 * Story S1: an online queue for the licensing office survives a change of head. The Kepala Dinas is
 * moved while the proposal waits at stage 3 and a Plt. takes over: the task follows the post. At the
 * last stage (penetapan, requiresDefinitive) the Wali Kota is away and a Plh. stands in: the Plh. is
 * refused with the rule; when the Plh. term ends by date the task returns to the Wali Kota, who decides.
 */
describe('S1 — online queue survives a change of head', () => {
  let stack: AppStack;
  let org: Org;
  beforeAll(async () => {
    stack = await startAppStack();
    org = await buildOrg(stack, {
      units: [
        { key: 'pemkot', name: 'Pemerintah Kota Sukamaju', kind: 'pemda' },
        { key: 'dpm', name: 'Dinas Penanaman Modal dan PTSP', kind: 'dinas', parent: 'pemkot' },
        { key: 'bidang', name: 'Bidang Pelayanan Perizinan', kind: 'bidang', parent: 'dpm' },
        { key: 'seksi', name: 'Seksi Antrean dan Informasi', kind: 'seksi', parent: 'bidang' },
        { key: 'dinkes', name: 'Dinas Kesehatan', kind: 'dinas', parent: 'pemkot' },
        { key: 'brida', name: 'Badan Riset dan Inovasi Daerah', kind: 'badan', parent: 'pemkot' },
      ],
      posts: [
        { key: 'walikota', title: 'Wali Kota Sukamaju', unit: 'pemkot', level: 'kepala-daerah', head: true, holder: 'mayor' },
        { key: 'sekda', title: 'Sekretaris Daerah', unit: 'pemkot', level: 'jpt-utama', superior: 'walikota', holder: 'sekda' },
        { key: 'kadis', title: 'Kepala DPMPTSP', unit: 'dpm', level: 'jpt-pratama', superior: 'sekda', head: true, holder: 'hendra' },
        { key: 'sekdis', title: 'Sekretaris DPMPTSP', unit: 'dpm', level: 'administrator', superior: 'kadis', holder: 'sri' },
        { key: 'kadinkes', title: 'Kepala Dinas Kesehatan', unit: 'dinkes', level: 'jpt-pratama', superior: 'sekda', head: true },
        { key: 'kabid', title: 'Kepala Bidang Pelayanan Perizinan', unit: 'bidang', superior: 'kadis', head: true, holder: 'agus' },
        { key: 'kasi', title: 'Kepala Seksi Antrean', unit: 'seksi', level: 'pengawas', superior: 'kabid', head: true, holder: 'siti' },
        { key: 'staf', title: 'Pengadministrasi Perizinan', unit: 'seksi', level: 'pelaksana', superior: 'kasi', holder: 'rina' },
        { key: 'kabrida', title: 'Kepala BRIDA', unit: 'brida', level: 'jpt-pratama', superior: 'sekda', head: true, holder: 'kabrida' },
        { key: 'eval1', title: 'Peneliti Ahli Madya 1', unit: 'brida', level: 'fungsional', superior: 'kabrida', holder: 'e1' },
        { key: 'eval2', title: 'Peneliti Ahli Madya 2', unit: 'brida', level: 'fungsional', superior: 'kabrida', holder: 'e2' },
        { key: 'eval3', title: 'Peneliti Ahli Madya 3', unit: 'brida', level: 'fungsional', superior: 'kabrida', holder: 'e3' },
      ],
      people: {
        mayor: 'Ir. Bambang Sutrisno', sekda: 'Dr. Yusuf Hidayat', hendra: 'Drs. Hendra Wijaya', sri: 'Sri Wahyuni, S.Sos.',
        agus: 'Agus Salim, S.T.', siti: 'Siti Aminah, S.Kom.', rina: 'Rina Kartika', kabrida: 'Prof. Made Wirawan',
        e1: 'Dewi Lestari, M.Si.', e2: 'Andi Saputra, M.T.', e3: 'Lina Marlina, M.Sc.', admin: 'Admin Kepegawaian',
      },
      admins: ['admin'],
    });
  });
  afterAll(() => stack?.close());

  it('passes the baton through a mutasi with a Plt., refuses a Plh. at penetapan, and records every hand', async () => {
    const stages: StageDefinition[] = [
      { key: 'kasi', name: 'Kepala Seksi', approvers: [{ kind: 'head-of-proposer-unit' }], mode: 'any', sla: 'P2D' },
      { key: 'kabid', name: 'Kepala Bidang', approvers: [{ kind: 'head-of-parent-unit' }], mode: 'any', sla: 'P3D', mayReturn: true },
      { key: 'kadis', name: 'Kepala Dinas', approvers: [{ kind: 'position', positionId: org.post('kadis') }], mode: 'any', sla: 'P5D' },
      {
        key: 'brida', name: 'Tim Evaluasi BRIDA', mode: 'quorum:2', sla: 'P10D',
        approvers: [{ kind: 'positions', positionIds: [org.post('eval1'), org.post('eval2'), org.post('eval3')] }],
      },
      { key: 'penetapan', name: 'Penetapan Wali Kota', approvers: [{ kind: 'position', positionId: org.post('walikota') }], mode: 'any', sla: 'P14D', requiresDefinitive: true },
    ];
    const templateCode = await insertTemplate(stack.dataSource, stages, 's1');
    const [rina, siti, agus, hendra, sri, e1, e2, mayor, sekda, admin] = await Promise.all(
      ['rina', 'siti', 'agus', 'hendra', 'sri', 'e1', 'e2', 'mayor', 'sekda', 'admin'].map((k) => org.as(k)),
    );

    const created = await rina.post('/api/proposals', validProposal({ title: 'Antrean daring dan kanal SMS pengaduan DPMPTSP', templateCode })).expect(201);
    const id: string = created.body.id;
    const tasks = async () => (await rina.get(`/api/proposals/${id}`).expect(200)).body.tasks as TaskRow[];
    const openTask = (stageIndex: number, assignee: string | null) =>
      eventually(async () => (await tasks()).find((t) => t.status === 'open' && t.stageIndex === stageIndex && t.assigneeName === assignee), 30_000, `stage ${stageIndex + 1} open for ${assignee}`);
    const approve = (who: typeof rina, taskId: string) => who.post(`/api/tasks/${taskId}/decision`, { decision: 'approve', comment: 'Setuju.' });

    await approve(siti, (await openTask(0, 'Siti Aminah, S.Kom.')).id).expect(200);
    await approve(agus, (await openTask(1, 'Agus Salim, S.T.')).id).expect(200);
    const atKadis = await openTask(2, 'Drs. Hendra Wijaya');

    // Rotation, effective at one moment set by the decree: Hendra moves to the Dinas Kesehatan and
    // Sri (the agency's secretary) becomes Plt. Kepala DPMPTSP. Nobody calls the API at that moment.
    const effective = new Date(Date.now() + 4000).toISOString();
    const moved = await admin.post(`/api/positions/${org.post('kadinkes')}/appointments`, {
      personId: org.person('hendra'), capacity: 'definitif', startsAt: effective, basis: 'SK Wali Kota No. 821.2/045/2026',
    }).expect(201);
    expect(moved.body.ended).toEqual([expect.objectContaining({ positionId: org.post('kadis'), personName: 'Drs. Hendra Wijaya', endReason: expect.stringContaining('Mutasi ke Kepala Dinas Kesehatan') })]);
    const plt = await admin.post(`/api/positions/${org.post('kadis')}/appointments`, {
      personId: org.person('sri'), capacity: 'plt', startsAt: effective, basis: 'Surat Perintah Plt. No. 800/112/2026',
    }).expect(201);
    expect(plt.body.openTasksMoving).toBe(0); // not yet: it takes effect on its date
    const upcoming = (await sri.get(`/api/positions/${org.post('kadis')}/acting`).expect(200)).body;
    expect(upcoming.actingNow).toMatchObject({ name: 'Drs. Hendra Wijaya', capacity: 'definitif' });
    expect(upcoming.upcoming).toEqual(expect.arrayContaining([expect.objectContaining({ change: 'starts', kind: 'appointment', capacity: 'plt', name: 'Sri Wahyuni, S.Sos.' })]));

    const atPlt = await openTask(2, 'Sri Wahyuni, S.Sos.');
    expect(atPlt.capacity).toBe('plt');
    expect((await tasks()).find((t) => t.id === atKadis.id)?.status).toBe('reassigned');
    const inbox = async (who: typeof rina) => ((await who.get(`/api/tasks?proposalId=${id}`).expect(200)).body.items as { id: string }[]).map((t) => t.id);
    expect(await inbox(sri)).toEqual([atPlt.id]);
    expect(await inbox(hendra)).toEqual([]);
    const late = await approve(hendra, atKadis.id).expect(409);
    expect(late.body.message).toMatch(/Sri Wahyuni/);

    const pltDecision = await approve(sri, atPlt.id).expect(200);
    expect(pltDecision.body).toMatchObject({ capacity: 'plt', actorPersonId: org.person('sri') });

    // Day one for the Plt.: the handover of the post shows what it approved and who held the baton.
    const handover = (await sri.get(`/api/positions/${org.post('kadis')}/handover`).expect(200)).body;
    expect(handover.actingNow).toMatchObject({ personId: org.person('sri'), capacity: 'plt' });
    expect(handover.approvedInProgress.items).toEqual([expect.objectContaining({ proposalId: id, approvedByName: 'Sri Wahyuni, S.Sos.' })]);
    const custodyAtKadis = (handover.proposals[id].custody as { positionId: string; personName: string; capacity: string; via: string; status: string }[])
      .filter((c) => c.positionId === org.post('kadis'))
      .map((c) => [c.personName, c.capacity, c.via, c.status]);
    expect(custodyAtKadis).toEqual([
      ['Drs. Hendra Wijaya', 'definitif', 'assigned', 'reassigned'],
      ['Sri Wahyuni, S.Sos.', 'plt', 'reassigned', 'approved'],
    ]);
    await hendra.get(`/api/positions/${org.post('kadis')}/handover`).expect(403);

    // BRIDA's evaluation team: two of three suffice.
    const firstEval = await openTask(3, 'Dewi Lestari, M.Si.');
    await approve(e1, firstEval.id).expect(200);
    await approve(e2, (await openTask(3, 'Andi Saputra, M.T.')).id).expect(200);

    // Penetapan: the Wali Kota is away; the Sekda stands in as Plh. for a short term.
    const atMayor = await openTask(4, 'Ir. Bambang Sutrisno');
    const plhEnds = new Date(Date.now() + 8000).toISOString();
    const plh = await admin.post(`/api/positions/${org.post('walikota')}/appointments`, {
      personId: org.person('sekda'), capacity: 'plh', endsAt: plhEnds, basis: 'Surat Perintah Plh. No. 800/131/2026',
    }).expect(201);
    expect(plh.body.actingNow).toMatchObject({ name: 'Dr. Yusuf Hidayat', capacity: 'plh' });
    const atPlh = await openTask(4, 'Dr. Yusuf Hidayat');
    expect(atPlh.capacity).toBe('plh');
    const refused = await approve(sekda, atPlh.id).expect(403);
    expect(refused.body).toMatchObject({ code: 'REQUIRES_DEFINITIVE_HOLDER' });
    expect(refused.body.message).toMatch(/definitive holder/);
    expect(refused.body.message).toMatch(/Plh\./);

    // The Plh. term ends by date: the task goes back to the Wali Kota without any call.
    const back = await openTask(4, 'Ir. Bambang Sutrisno');
    expect(back.id).not.toBe(atMayor.id);
    expect(back.capacity).toBe('definitif');
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(plhEnds));
    const final = await approve(mayor, back.id).expect(200);
    expect(final.body).toMatchObject({ capacity: 'definitif', proposalStatus: 'approved' });

    // The record: every hand the baton passed through, in order, and it verifies.
    const history = (await rina.get(`/api/proposals/${id}/history`).expect(200)).body as HistoryRow[];
    const name = (personId: unknown) => Object.entries({ siti: 'Siti', agus: 'Agus', hendra: 'Hendra', sri: 'Sri', e1: 'Dewi', e2: 'Andi', e3: 'Lina', mayor: 'Bambang', sekda: 'Yusuf' }).find(([k]) => org.person(k) === personId)?.[1] ?? null;
    const hands = history.filter((e) => e.type === 'task.created').map((e) => `${name(e.actorPersonId)}:${e.capacity}`);
    expect(hands).toEqual(['Siti:definitif', 'Agus:definitif', 'Hendra:definitif', 'Sri:plt', 'Dewi:definitif', 'Andi:definitif', 'Lina:definitif', 'Bambang:definitif', 'Yusuf:plh', 'Bambang:definitif']);
    const reassigned = history.filter((e) => e.type === 'task.reassigned').map((e) => e.data);
    expect(reassigned).toEqual([
      expect.objectContaining({ positionId: org.post('kadis'), reasonCode: 'plt', from: expect.objectContaining({ name: 'Drs. Hendra Wijaya', capacity: 'definitif' }), to: expect.objectContaining({ name: 'Sri Wahyuni, S.Sos.', capacity: 'plt' }) }),
      expect.objectContaining({ positionId: org.post('walikota'), reasonCode: 'plh', from: expect.objectContaining({ name: 'Ir. Bambang Sutrisno' }), to: expect.objectContaining({ name: 'Dr. Yusuf Hidayat', capacity: 'plh' }) }),
      expect.objectContaining({ positionId: org.post('walikota'), reasonCode: 'plh-ended', from: expect.objectContaining({ name: 'Dr. Yusuf Hidayat' }), to: expect.objectContaining({ name: 'Ir. Bambang Sutrisno', capacity: 'definitif' }) }),
    ]);
    const decisions = history.filter((e) => e.type === 'task.decided').map((e) => `${name(e.actorPersonId)}:${e.capacity}`);
    expect(decisions).toEqual(['Siti:definitif', 'Agus:definitif', 'Sri:plt', 'Dewi:definitif', 'Andi:definitif', 'Bambang:definitif']);
    expect(history.at(-1)?.type).toBe('proposal.approved');
    expect((await rina.get(`/api/proposals/${id}/history/verify`).expect(200)).body).toEqual({ valid: true, count: history.length });

    const custody = (await rina.get(`/api/proposals/${id}`).expect(200)).body.custody as { personId: string | null; capacity: string; status: string; to: string | null }[];
    expect(custody.map((c) => `${name(c.personId)}:${c.capacity}:${c.status}`)).toEqual([
      'Siti:definitif:approved', 'Agus:definitif:approved', 'Hendra:definitif:reassigned', 'Sri:plt:approved', 'Dewi:definitif:approved',
      'Andi:definitif:approved', 'Lina:definitif:cancelled', 'Bambang:definitif:reassigned', 'Yusuf:plh:reassigned', 'Bambang:definitif:approved',
    ]);
    expect(custody.every((c) => c.to !== null)).toBe(true);
    const timeline = (await rina.get(`/api/proposals/${id}`).expect(200)).body.timeline as { type: string; label: string; reason?: string }[];
    expect(timeline.filter((t) => t.type === 'task.reassigned').map((t) => t.reason)).toEqual([
      // Who moved the baton and on what authority: the warrant, and the administrator who recorded it.
      'Penunjukan Plt.: Drs. Hendra Wijaya → Sri Wahyuni, S.Sos. (Plt.) — Surat Perintah Plt. No. 800/112/2026, dicatat oleh Admin Kepegawaian',
      'Penunjukan Plh.: Ir. Bambang Sutrisno → Dr. Yusuf Hidayat (Plh.) — Surat Perintah Plh. No. 800/131/2026, dicatat oleh Admin Kepegawaian',
      'Masa Plh. berakhir: Dr. Yusuf Hidayat (Plh.) → Ir. Bambang Sutrisno — Surat Perintah Plh. No. 800/131/2026, berakhir sesuai tanggal, dicatat oleh Admin Kepegawaian',
    ]);
  }, 120_000);
});

import { AppStack, eventually, startAppStack, validProposal } from './support/app-stack';
import { buildOrg, Org } from './support/org-fixture';
import { insertTemplate } from './support/templates';

interface HistoryRow {
  type: string;
  actorPersonId: string | null;
  actorName: string | null;
  data: Record<string, unknown>;
}

/**
 * Every move of an open task says who moved the baton and on what authority: the administrator who
 * appointed a Plh. or a new holder and the decree (SK) number, the Plh. term that ran out by its date,
 * the holder who delegated and why, the administrator who revoked the delegation.
 */
describe('the authority of a move in the record', () => {
  let stack: AppStack;
  let org: Org;
  beforeAll(async () => {
    stack = await startAppStack();
    org = await buildOrg(stack, {
      units: [
        { key: 'dinas', name: 'Dinas Pendidikan', kind: 'dinas' },
        { key: 'bidang', name: 'Bidang Sekolah Dasar', kind: 'bidang', parent: 'dinas' },
      ],
      posts: [
        { key: 'kadis', title: 'Kepala Dinas Pendidikan', unit: 'dinas', level: 'jpt-pratama', head: true, holder: 'kadis' },
        { key: 'kabid', title: 'Kepala Bidang Sekolah Dasar', unit: 'bidang', superior: 'kadis', head: true, holder: 'lama' },
        { key: 'staf', title: 'Pengelola Data Sekolah', unit: 'bidang', level: 'pelaksana', superior: 'kabid', holder: 'proposer' },
      ],
      people: { kadis: 'Drs. Slamet Riyadi', lama: 'Hartati, M.Pd.', plh: 'Gunawan Wibisono', baru: 'Sri Mulyani, S.Pd.', wakil: 'Yudi Pratama', proposer: 'Lina Marlina', admin: 'Admin Disdik' },
      admins: ['admin'],
    });
  }, 60_000);
  afterAll(() => stack?.close());

  const tasksOf = async (id: string) =>
    (await (await org.as('admin')).get(`/api/proposals/${id}`).expect(200)).body.tasks as { id: string; status: string; assigneeName: string | null }[];
  const openTask = (id: string, assignee: string) =>
    eventually(async () => (await tasksOf(id)).find((t) => t.status === 'open' && t.assigneeName === assignee), 30_000, `the task with ${assignee}`);
  const moves = async (id: string) =>
    ((await (await org.as('admin')).get(`/api/proposals/${id}/history`).expect(200)).body as HistoryRow[]).filter((e) => e.type === 'task.reassigned');
  const person = (key: string, name: string) => ({ personId: org.person(key), name });

  it('names the actor, the decree and who recorded or ended each term, for every kind of move', async () => {
    const admin = await org.as('admin');
    const templateCode = await insertTemplate(stack.dataSource, [{ key: 'kabid', name: 'Kepala Bidang', approvers: [{ kind: 'position', positionId: org.post('kabid') }], mode: 'any', sla: 'P5D' }], 'otoritas');
    const id = (await (await org.as('proposer')).post('/api/proposals', validProposal({ title: 'Rapor digital sekolah dasar', templateCode })).expect(201)).body.id as string;
    await openTask(id, 'Hartati, M.Pd.');
    const positions = `/api/positions/${org.post('kabid')}/appointments`;

    // 1. A Plh. for a few seconds, on a warrant an administrator recorded.
    const plhEnds = new Date(Date.now() + 6000).toISOString();
    const plh = await admin.post(positions, { personId: org.person('plh'), capacity: 'plh', endsAt: plhEnds, basis: 'Sprint 800/12/2026' }).expect(201);
    await openTask(id, 'Gunawan Wibisono');
    let [move] = await moves(id);
    expect(move).toMatchObject({
      actorPersonId: org.person('admin'),
      actorName: 'Admin Disdik',
      data: {
        reasonCode: 'plh',
        authority: {
          term: { kind: 'appointment', id: plh.body.appointment.id, personId: org.person('plh'), capacity: 'plh', basis: 'Sprint 800/12/2026', recordedBy: person('admin', 'Admin Disdik') },
          ended: null,
        },
      },
    });

    // 2. The term runs out by its date: the task goes back; the administrator who set that date caused it.
    await openTask(id, 'Hartati, M.Pd.');
    move = (await moves(id))[1];
    expect(move).toMatchObject({
      actorPersonId: org.person('admin'),
      data: {
        reasonCode: 'plh-ended',
        authority: {
          term: { kind: 'appointment', personId: org.person('lama'), capacity: 'definitif', recordedBy: null },
          ended: { id: plh.body.appointment.id, capacity: 'plh', basis: 'Sprint 800/12/2026', endedAt: new Date(plhEnds).toISOString(), endedBy: null, recordedBy: person('admin', 'Admin Disdik') },
        },
      },
    });

    // 3. Mutasi: a new definitive holder by decree; the previous holder's term ended by the same administrator.
    const mutasi = await admin.post(positions, { personId: org.person('baru'), capacity: 'definitif', basis: 'SK Wali Kota 821/7/2026' }).expect(201);
    await openTask(id, 'Sri Mulyani, S.Pd.');
    move = (await moves(id))[2];
    expect(move).toMatchObject({
      actorPersonId: org.person('admin'),
      data: {
        reasonCode: 'mutasi',
        authority: {
          term: { id: mutasi.body.appointment.id, basis: 'SK Wali Kota 821/7/2026', recordedBy: person('admin', 'Admin Disdik') },
          ended: { personId: org.person('lama'), capacity: 'definitif', endedBy: person('admin', 'Admin Disdik'), endReason: expect.stringContaining('Digantikan oleh Sri Mulyani, S.Pd.') },
        },
      },
    });

    // 4. The new holder delegates while away: they moved it, for the reason they gave.
    const baru = await org.as('baru');
    const delegation = await baru.post('/api/delegations', { positionId: org.post('kabid'), delegatePersonId: org.person('wakil'), endsAt: new Date(Date.now() + 3600e3).toISOString(), reason: 'Diklat kepemimpinan' }).expect(201);
    await openTask(id, 'Yudi Pratama');
    move = (await moves(id))[3];
    expect(move).toMatchObject({
      actorPersonId: org.person('baru'),
      data: {
        reasonCode: 'delegation',
        authority: { term: { kind: 'delegation', id: delegation.body.delegation.id, capacity: 'delegate', basis: 'Diklat kepemimpinan', recordedBy: person('baru', 'Sri Mulyani, S.Pd.'), delegator: person('baru', 'Sri Mulyani, S.Pd.') }, ended: null },
      },
    });

    // 5. An administrator revokes it: they moved it back, and the record keeps why.
    await admin.post(`/api/delegations/${delegation.body.delegation.id}/revoke`, { reason: 'Diklat ditunda' }).expect(200);
    await openTask(id, 'Sri Mulyani, S.Pd.');
    move = (await moves(id))[4];
    expect(move).toMatchObject({
      actorPersonId: org.person('admin'),
      data: {
        reasonCode: 'delegation-ended',
        authority: { ended: { kind: 'delegation', id: delegation.body.delegation.id, endedBy: person('admin', 'Admin Disdik'), endReason: 'Diklat ditunda' } },
      },
    });

    const timeline = ((await admin.get(`/api/proposals/${id}`).expect(200)).body.timeline as { type: string; actorName: string | null; reason?: string }[]).filter((e) => e.type === 'task.reassigned');
    expect(timeline.map((e) => e.reason)).toEqual([
      'Penunjukan Plh.: Hartati, M.Pd. → Gunawan Wibisono (Plh.) — Sprint 800/12/2026, dicatat oleh Admin Disdik',
      'Masa Plh. berakhir: Gunawan Wibisono (Plh.) → Hartati, M.Pd. — Sprint 800/12/2026, berakhir sesuai tanggal, dicatat oleh Admin Disdik',
      'Mutasi/rotasi pejabat definitif: Hartati, M.Pd. → Sri Mulyani, S.Pd. — SK Wali Kota 821/7/2026, dicatat oleh Admin Disdik',
      'Pelimpahan: Sri Mulyani, S.Pd. → Yudi Pratama (Pelimpahan dari Sri Mulyani, S.Pd.) — alasan: Diklat kepemimpinan, dicatat oleh Sri Mulyani, S.Pd.',
      'Pelimpahan berakhir: Yudi Pratama (Pelimpahan dari Sri Mulyani, S.Pd.) → Sri Mulyani, S.Pd. — alasan: Diklat kepemimpinan, diakhiri oleh Admin Disdik (Diklat ditunda)',
    ]);
    expect(timeline.map((e) => e.actorName)).toEqual(['Admin Disdik', 'Admin Disdik', 'Admin Disdik', 'Sri Mulyani, S.Pd.', 'Admin Disdik']);
    expect((await admin.get(`/api/proposals/${id}/history/verify`).expect(200)).body.valid).toBe(true);
  }, 120_000);
});

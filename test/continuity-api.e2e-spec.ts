import type { StageDefinition } from '@libs/domain/chain';
import { misassignedPage } from '@libs/persistence/acting-lookup';
import { AppStack, eventually, startAppStack, validProposal } from './support/app-stack';
import { buildOrg, Org } from './support/org-fixture';
import { insertTemplate } from './support/templates';

interface TaskRow {
  id: string;
  stageIndex: number;
  status: string;
  assigneeName: string | null;
  capacity: string | null;
}

/**
 * Appointments and delegations through the API, and what they do to open tasks: validation and
 * permissions, a post left vacant (its tasks wait for nobody and then follow the timeout policy), and a
 * delegation that starts by date, is decided under, and is revoked.
 */
describe('Continuity API: appointments, delegations and their effect on open tasks', () => {
  let stack: AppStack;
  let org: Org;
  beforeAll(async () => {
    stack = await startAppStack();
    org = await buildOrg(stack, {
      units: [
        { key: 'badan', name: 'Badan Perencanaan Pembangunan Daerah', kind: 'badan' },
        { key: 'bidang', name: 'Bidang Ekonomi', kind: 'bidang', parent: 'badan' },
      ],
      posts: [
        { key: 'kaban', title: 'Kepala Bappeda', unit: 'badan', level: 'jpt-pratama', head: true, holder: 'kaban' },
        { key: 'kabid', title: 'Kepala Bidang Ekonomi', unit: 'bidang', superior: 'kaban', head: true, holder: 'kabid' },
        { key: 'sek', title: 'Sekretaris Bappeda', unit: 'badan', superior: 'kaban', holder: 'sek' },
        { key: 'kosong', title: 'Kepala Subbidang Perdagangan', unit: 'bidang', level: 'pengawas', superior: 'kabid' },
        { key: 'staf', title: 'Perencana Ahli Pertama', unit: 'bidang', level: 'fungsional', superior: 'kabid', holder: 'proposer' },
      ],
      people: { kaban: 'Dr. Wahyu Hidayat', kabid: 'Nurul Fitri, S.E.', sek: 'Rudi Hartono', deputy: 'Maya Sari, M.Ec.', proposer: 'Eko Prasetyo', outsider: 'Joko Susilo', admin: 'Admin Bappeda' },
      admins: ['admin'],
    });
  }, 60_000);
  afterAll(() => stack?.close());

  const stageAt = (post: string, extra: Partial<StageDefinition> = {}): StageDefinition[] => [
    { key: 'k', name: 'Persetujuan', approvers: [{ kind: 'position', positionId: org.post(post) }], mode: 'any', sla: 'P5D', ...extra },
  ];
  const submit = async (templateCode: string, title: string) =>
    (await (await org.as('proposer')).post('/api/proposals', validProposal({ title, templateCode })).expect(201)).body.id as string;
  const tasksOf = async (id: string) => (await (await org.as('admin')).get(`/api/proposals/${id}`).expect(200)).body.tasks as TaskRow[];
  const openTask = (id: string, assignee: string | null) =>
    eventually(async () => (await tasksOf(id)).find((t) => t.status === 'open' && t.assigneeName === assignee), 30_000, `an open task for ${assignee}`);
  const history = async (id: string) =>
    (await (await org.as('admin')).get(`/api/proposals/${id}/history`).expect(200)).body as { type: string; capacity: string | null; actorPersonId: string | null; data: Record<string, unknown> }[];

  it('refuses bad appointments with clear reasons, and lets only administrators appoint', async () => {
    const admin = await org.as('admin');
    const url = `/api/positions/${org.post('kabid')}/appointments`;
    await (await org.as('kaban')).post(url, { personId: org.person('deputy'), capacity: 'plh', endsAt: new Date(Date.now() + 3600e3).toISOString() }).expect(403);
    await admin.post(`/api/positions/not-a-uuid/appointments`, { personId: org.person('deputy'), capacity: 'plt' }).expect(422);
    await admin.post(`/api/positions/00000000-0000-4000-8000-000000000000/appointments`, { personId: org.person('deputy'), capacity: 'plt' }).expect(404);

    const noEnd = await admin.post(url, { personId: org.person('deputy'), capacity: 'plh' }).expect(422);
    expect(noEnd.body.details).toEqual([expect.objectContaining({ field: 'endsAt' })]);
    const backwards = await admin.post(url, { personId: org.person('deputy'), capacity: 'plh', startsAt: '2026-12-10T00:00:00Z', endsAt: '2026-12-01T00:00:00Z' }).expect(422);
    expect(backwards.body.details).toEqual([{ field: 'endsAt', messages: ['endsAt must be after startsAt'] }]);
    const unknown = await admin.post(url, { personId: '00000000-0000-4000-8000-000000000000', capacity: 'plt' }).expect(422);
    expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'personId' })]);
    const badFields = await admin.post(url, { personId: 'x', capacity: 'bupati', startsAt: 'kemarin', extra: 1 }).expect(422);
    expect(badFields.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['capacity', 'extra', 'personId', 'startsAt']);

    const plt = await admin.post(url, { personId: org.person('deputy'), capacity: 'plt' }).expect(409);
    expect(plt.body).toMatchObject({ code: 'POST_NOT_VACANT' });
    const plh = await admin.post(`/api/positions/${org.post('kosong')}/appointments`, { personId: org.person('deputy'), capacity: 'plh', endsAt: new Date(Date.now() + 3600e3).toISOString() }).expect(409);
    expect(plh.body).toMatchObject({ code: 'POST_VACANT' });
    const again = await admin.post(url, { personId: org.person('kabid'), capacity: 'definitif' }).expect(409);
    expect(again.body).toMatchObject({ code: 'ALREADY_HOLDER' });

    // A Plh. term in the future is fine; an overlapping second one is not.
    const from = new Date(Date.now() + 30 * 24 * 3600e3);
    const to = new Date(from.getTime() + 7 * 24 * 3600e3);
    const first = await admin.post(url, { personId: org.person('deputy'), capacity: 'plh', startsAt: from.toISOString(), endsAt: to.toISOString() }).expect(201);
    expect(first.body).toMatchObject({ ended: [], openTasksMoving: 0, actingNow: { name: 'Nurul Fitri, S.E.', capacity: 'definitif' } });
    const overlap = await admin.post(url, { personId: org.person('sek'), capacity: 'plh', startsAt: new Date(from.getTime() + 3600e3).toISOString(), endsAt: to.toISOString() }).expect(409);
    expect(overlap.body).toMatchObject({ code: 'APPOINTMENT_CONFLICT' });
    const acting = (await (await org.as('outsider')).get(`/api/positions/${org.post('kabid')}/acting`).expect(200)).body;
    expect(acting.upcoming).toEqual([
      expect.objectContaining({ change: 'starts', capacity: 'plh', name: 'Maya Sari, M.Ec.' }),
      expect.objectContaining({ change: 'ends', capacity: 'plh', name: 'Maya Sari, M.Ec.' }),
    ]);
    // Cut short before it starts: no longer scheduled.
    const cut = await admin.post(`/api/appointments/${first.body.appointment.id}/end`, { endsAt: from.toISOString(), reason: 'Dibatalkan' }).expect(200);
    expect(cut.body.appointment).toMatchObject({ endReason: 'Dibatalkan' });
    await admin.post(`/api/appointments/${first.body.appointment.id}/end`, { endsAt: to.toISOString(), reason: 'lagi' }).expect(409);
    const early = await admin.post(`/api/appointments/${first.body.appointment.id}/end`, { reason: 'sebelum mulai' }).expect(422);
    expect(early.body.details).toEqual([{ field: 'endsAt', messages: ['endsAt must not be before the appointment starts'] }]);
    await admin.post(`/api/appointments/${first.body.appointment.id}/end`, {}).expect(422);
  });

  it('leaves the tasks of a post with nobody acting for it unassigned; the timeout policy then escalates them', async () => {
    const admin = await org.as('admin');
    await admin.post(`/api/positions/${org.post('kosong')}/appointments`, { personId: org.person('sek'), capacity: 'plt' }).expect(201);
    const code = await insertTemplate(stack.dataSource, stageAt('kosong', { sla: 'PT8S', onTimeout: { action: 'escalate-superior' } }), 'vak');
    const id = await submit(code, 'Pasar rakyat daring');
    const first = await openTask(id, 'Rudi Hartono');
    expect(first.capacity).toBe('plt');

    const appointment = (await admin.get(`/api/positions/${org.post('kosong')}/acting`).expect(200)).body.current[0];
    const ended = await admin.post(`/api/appointments/${appointment.id}/end`, { reason: 'Masa Plt. dihentikan' }).expect(200);
    expect(ended.body.actingNow).toBeNull();
    const vacant = await eventually(async () => (await tasksOf(id)).find((t) => t.status === 'open' && t.assigneeName === null && t.id !== first.id), 30_000, 'the task left vacant');
    expect(vacant.capacity).toBeNull();
    const moved = (await history(id)).find((e) => e.type === 'task.reassigned');
    expect(moved?.data).toMatchObject({ reasonCode: 'vacant', from: { name: 'Rudi Hartono', capacity: 'plt' }, to: { personId: null, name: null } });

    // Nobody can decide it; at its due time it goes to the superior post's holder.
    const escalated = await openTask(id, 'Nurul Fitri, S.E.');
    expect((await tasksOf(id)).find((t) => t.id === vacant.id)?.status).toBe('escalated');
    await (await org.as('kabid')).post(`/api/tasks/${escalated.id}/decision`, { decision: 'approve' }).expect(200);
    expect((await (await org.as('admin')).get(`/api/proposals/${id}/history/verify`).expect(200)).body.valid).toBe(true);
  }, 90_000);

  it('moves tasks to a delegate when the delegation starts by date, records decisions as delegate of the holder, and moves them back on revocation', async () => {
    const code = await insertTemplate(stack.dataSource, stageAt('kaban'), 'dlg');
    const [decidedByDelegate, returnedToHolder] = [await submit(code, 'Dashboard inflasi daerah'), await submit(code, 'Peta investasi daring')];
    await openTask(decidedByDelegate, 'Dr. Wahyu Hidayat');
    await openTask(returnedToHolder, 'Dr. Wahyu Hidayat');
    const kaban = await org.as('kaban');
    const deputy = await org.as('deputy');
    const outsider = await org.as('outsider');

    const body = (over: object = {}) => ({
      positionId: org.post('kaban'), delegatePersonId: org.person('deputy'), startsAt: new Date(Date.now() + 3000).toISOString(),
      endsAt: new Date(Date.now() + 3600e3).toISOString(), reason: 'Dinas luar ke Jakarta', ...over,
    });
    const notMine = await outsider.post('/api/delegations', body()).expect(403);
    expect(notMine.body).toMatchObject({ code: 'NOT_ACTING_FOR_POST' });
    const self = await kaban.post('/api/delegations', body({ delegatePersonId: org.person('kaban') })).expect(422);
    expect(self.body.details).toEqual([{ field: 'delegatePersonId', messages: ['a person cannot delegate to themselves'] }]);
    const tooLong = await kaban.post('/api/delegations', body({ endsAt: new Date(Date.now() + 100 * 24 * 3600e3).toISOString() })).expect(422);
    expect(tooLong.body.details).toEqual([{ field: 'endsAt', messages: ['a delegation lasts at most 90 days'] }]);
    await kaban.post('/api/delegations', { ...body(), reason: '' }).expect(422);

    const created = await kaban.post('/api/delegations', body()).expect(201);
    expect(created.body).toMatchObject({ openTasksMoving: 0, delegation: { state: 'scheduled', delegatorName: 'Dr. Wahyu Hidayat', delegateName: 'Maya Sari, M.Ec.' } });
    await kaban.post('/api/delegations', body()).expect(409);

    // Nobody calls the API when it starts: the tasks move by themselves.
    const delegated = await openTask(decidedByDelegate, 'Maya Sari, M.Ec.');
    expect(delegated.capacity).toBe('delegate');
    await openTask(returnedToHolder, 'Maya Sari, M.Ec.');
    const acting = (await outsider.get(`/api/positions/${org.post('kaban')}/acting`).expect(200)).body;
    expect(acting.actingNow).toMatchObject({ name: 'Maya Sari, M.Ec.', capacity: 'delegate', onBehalfOf: { name: 'Dr. Wahyu Hidayat' } });
    expect((await deputy.get('/api/delegations?role=received').expect(200)).body.items).toEqual([expect.objectContaining({ id: created.body.delegation.id, state: 'active' })]);
    expect((await outsider.get('/api/delegations').expect(200)).body.total).toBe(0);

    const decision = await deputy.post(`/api/tasks/${delegated.id}/decision`, { decision: 'approve', comment: 'Atas nama Kepala Bappeda.' }).expect(200);
    expect(decision.body).toMatchObject({ capacity: 'delegate', onBehalfOfPersonId: org.person('kaban') });
    const decided = (await history(decidedByDelegate)).find((e) => e.type === 'task.decided');
    expect(decided).toMatchObject({ capacity: 'delegate', actorPersonId: org.person('deputy'), data: { onBehalfOf: { name: 'Dr. Wahyu Hidayat' } } });

    await outsider.post(`/api/delegations/${created.body.delegation.id}/revoke`, {}).expect(403);
    const revoked = await kaban.post(`/api/delegations/${created.body.delegation.id}/revoke`, { reason: 'Kembali lebih awal' }).expect(200);
    expect(revoked.body.delegation).toMatchObject({ state: 'revoked', revokeReason: 'Kembali lebih awal' });
    await kaban.post(`/api/delegations/${created.body.delegation.id}/revoke`, {}).expect(409);
    const back = await openTask(returnedToHolder, 'Dr. Wahyu Hidayat');
    expect(back.capacity).toBe('definitif');
    const moves = (await history(returnedToHolder)).filter((e) => e.type === 'task.reassigned').map((e) => e.data.reasonCode);
    expect(moves).toEqual(['delegation', 'delegation-ended']);
    for (const id of [decidedByDelegate, returnedToHolder]) {
      expect((await kaban.get(`/api/proposals/${id}/history/verify`).expect(200)).body.valid).toBe(true);
    }
  }, 90_000);

  it('lets an administrator assign open tasks to a chosen person (Disposisi); they stay there when the post changes hands', async () => {
    const admin = await org.as('admin');
    const code = await insertTemplate(stack.dataSource, stageAt('kaban'), 'dsp');
    const [first, second, followsPost, decided] = await Promise.all(['Sistem antrean puskesmas', 'Aplikasi retribusi pasar', 'Peta UMKM', 'Pelatihan digital UMKM'].map((t) => submit(code, t)));
    const taskOf = async (id: string) => (await openTask(id, 'Dr. Wahyu Hidayat')).id;
    const [t1, t2, , t4] = await Promise.all([first, second, followsPost, decided].map(taskOf));
    await (await org.as('kaban')).post(`/api/tasks/${t4}/decision`, { decision: 'approve' }).expect(200);

    await (await org.as('kaban')).post('/api/admin/tasks/reassign', { taskIds: [t1], toPersonId: org.person('deputy'), reason: 'x' }).expect(403);
    const invalid = await admin.post('/api/admin/tasks/reassign', { taskIds: [], toPersonId: 'nope', reason: '' }).expect(422);
    expect(invalid.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['reason', 'taskIds', 'toPersonId']);
    const nobody = await admin.post('/api/admin/tasks/reassign', { taskIds: [t1], toPersonId: '00000000-0000-4000-8000-000000000000', reason: 'x' }).expect(422);
    expect(nobody.body.details).toEqual([expect.objectContaining({ field: 'toPersonId' })]);
    const toProposer = await admin.post('/api/admin/tasks/reassign', { taskIds: [t1], toPersonId: org.person('proposer'), reason: 'Coba' }).expect(200);
    expect(toProposer.body.results).toEqual([{ taskId: t1, outcome: 'skipped', message: expect.stringMatching(/Segregation of duties/) }]);

    const unknown = '00000000-0000-4000-8000-000000000001';
    const reason = 'Kepala Bappeda dinas luar; ditangani Maya sampai kembali';
    const assigned = await admin.post('/api/admin/tasks/reassign', { taskIds: [t1, unknown, t2, t4], toPersonId: org.person('deputy'), reason }).expect(200);
    expect(assigned.body.results).toEqual([
      { taskId: t1, outcome: 'moved', newTaskId: expect.any(String) },
      { taskId: unknown, outcome: 'skipped', message: 'no such task' },
      { taskId: t2, outcome: 'moved', newTaskId: expect.any(String) },
      { taskId: t4, outcome: 'skipped', message: 'already closed (approved)' },
    ]);
    const inbox = (await (await org.as('deputy')).get('/api/tasks?pageSize=100').expect(200)).body.items as { id: string; capacity: string }[];
    const assignedIds = [assigned.body.results[0].newTaskId, assigned.body.results[2].newTaskId];
    expect(inbox.filter((t) => assignedIds.includes(t.id)).map((t) => t.capacity)).toEqual(['disposisi', 'disposisi']);
    const moved = (await history(first)).find((e) => e.type === 'task.reassigned');
    expect(moved).toMatchObject({ actorPersonId: org.person('admin'), data: { reasonCode: 'disposisi', note: reason, to: { name: 'Maya Sari, M.Ec.', capacity: 'disposisi' } } });

    // The post changes hands (a delegation): its other open task follows; the assigned ones stay.
    const delegation = await (await org.as('kaban')).post('/api/delegations', {
      positionId: org.post('kaban'), delegatePersonId: org.person('sek'), endsAt: new Date(Date.now() + 3600e3).toISOString(), reason: 'Cuti',
    }).expect(201);
    await openTask(followsPost, 'Rudi Hartono');
    for (const id of [first, second]) expect((await tasksOf(id)).find((t) => t.status === 'open')?.assigneeName).toBe('Maya Sari, M.Ec.');
    await (await org.as('kaban')).post(`/api/delegations/${delegation.body.delegation.id}/revoke`, {}).expect(200);

    const decision = await (await org.as('deputy')).post(`/api/tasks/${assignedIds[0]}/decision`, { decision: 'approve' }).expect(200);
    expect(decision.body).toMatchObject({ capacity: 'disposisi', proposalStatus: 'approved' });
    const timeline = (await admin.get(`/api/proposals/${first}`).expect(200)).body.timeline as { type: string; reason?: string; comment?: string }[];
    expect(timeline.find((t) => t.type === 'task.reassigned')).toMatchObject({ reason: 'Pengalihan tugas oleh admin: Dr. Wahyu Hidayat → Maya Sari, M.Ec. (pengalihan tugas)', comment: reason });
    expect((await admin.get(`/api/proposals/${first}/history/verify`).expect(200)).body.valid).toBe(true);
  }, 90_000);

  it('lists approvals whose tasks sit with the wrong person page by page, never splitting one approval', async () => {
    const code = await insertTemplate(stack.dataSource, stageAt('sek'), 'hal');
    const ids = await Promise.all(['Halaman satu', 'Halaman dua', 'Halaman tiga'].map((t) => submit(code, t)));
    for (const id of ids) await openTask(id, 'Rudi Hartono');
    // A new holder recorded straight in the table (no API call, so nothing has moved the tasks yet).
    await stack.dataSource.query(`UPDATE appointment SET ends_at = now() WHERE position_id = $1 AND ends_at IS NULL`, [org.post('sek')]);
    await stack.dataSource.query(`INSERT INTO appointment (id, position_id, person_id, capacity, starts_at) VALUES (gen_random_uuid(), $1, $2, 'definitif', now())`, [org.post('sek'), org.person('deputy')]);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof misassignedPage>> = await misassignedPage(stack.dataSource.manager, new Date(), after, 1);
      seen.push(...page.items.filter((i) => ids.includes(i.proposalId)).map((i) => i.proposalId));
      for (const item of page.items) expect(item.positionIds.length).toBeGreaterThan(0);
      after = page.next;
      pages++;
    } while (after && pages < 10_000);
    expect([...seen].sort()).toEqual([...ids].sort());
    expect(pages).toBeGreaterThanOrEqual(3);
  }, 60_000);
});

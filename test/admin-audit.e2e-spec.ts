import { randomInt, randomUUID } from 'node:crypto';
import { AppStack, startAppStack } from './support/app-stack';
import { buildOrg, Org } from './support/org-fixture';

interface AuditRow {
  id: string;
  occurredAt: string;
  actorPersonId: string;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: Record<string, unknown> & { body?: Record<string, unknown>; result?: Record<string, unknown> };
  outcome: 'succeeded' | 'failed';
  statusCode: number;
  errorCode: string | null;
  correlationId: string | null;
}

const nip = () => `19${String(randomInt(10 ** 9)).padStart(9, '0')}${String(randomInt(10 ** 7)).padStart(7, '0')}`;
const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600e3).toISOString();

/**
 * The admin audit log: every administrator mutation (organization, appointments, delegations made by an
 * administrator, Disposisi, cancellations, template versions, imports but not dry runs) is recorded with
 * actor, target, a summary without secrets and the outcome; only administrators read it; the database
 * refuses to change or delete a row.
 */
describe('Admin audit log', () => {
  let stack: AppStack;
  let org: Org;
  const started = new Date(Date.now() - 1000);
  /** The actions done in the first test, in order, with what each must have recorded. */
  const expected: { action: string; targetType: string; targetId: string | null; outcome: 'succeeded' | 'failed'; statusCode: number; errorCode?: string }[] = [];
  let rows: AuditRow[] = [];
  let ids: { unit: string; post: string; person: string; appointment: string; template: string; cancelCorrelation: string };

  beforeAll(async () => {
    stack = await startAppStack();
    org = await buildOrg(stack, {
      units: [{ key: 'dinas', name: 'Dinas Kependudukan dan Pencatatan Sipil', kind: 'dinas' }],
      posts: [
        { key: 'kadis', title: 'Kepala Dinas Dukcapil', unit: 'dinas', level: 'jpt-pratama', head: true, holder: 'kadis' },
        { key: 'sek', title: 'Sekretaris Dinas Dukcapil', unit: 'dinas', superior: 'kadis', holder: 'sek' },
      ],
      people: { kadis: 'Drs. Hasan Basri', sek: 'Ratna Dewi', clerk: 'Fajar Nugroho', admin: 'Admin Dukcapil' },
      admins: ['admin'],
    });
  }, 60_000);
  afterAll(() => stack?.close());

  const list = async (query: string) => {
    const res = await (await org.as('admin')).get(`/api/admin/audit?${query}`).expect(200);
    return res.body as { items: AuditRow[]; total: number; page: number; pageSize: number };
  };

  it('records each administrator mutation, refused ones included, and nothing for dry runs or for others', async () => {
    const admin = await org.as('admin');
    const sfx = org.suffix.toUpperCase();
    const done = (action: string, targetType: string, targetId: string | null, statusCode: number, errorCode?: string) =>
      expected.push({ action, targetType, targetId, outcome: errorCode ? 'failed' : 'succeeded', statusCode, errorCode });

    const unit = (await admin.post('/api/units', { code: `AUDIT-${sfx}`, name: 'Bidang Audit', kind: 'bidang', parentId: org.unit('dinas') }).expect(201)).body;
    done('unit.create', 'unit', unit.id, 201);
    await admin.patch(`/api/units/${unit.id}`, { name: 'Bidang Audit Internal' }).expect(200);
    done('unit.update', 'unit', unit.id, 200);
    await admin.post('/api/units', { code: `AUDIT-${sfx}`, name: 'Bidang Lain', kind: 'bidang' }).expect(409);
    done('unit.create', 'unit', null, 409, 'ALREADY_EXISTS');

    const post = (await admin.post('/api/positions', { code: `KABID-AUDIT-${sfx}`, title: 'Kepala Bidang Audit', unitId: unit.id, level: 'administrator', isUnitHead: true }).expect(201)).body;
    done('position.create', 'position', post.id, 201);

    const personBody = { nip: nip(), name: 'Wulan Sari', email: `wulan.${org.suffix}@contoh.go.id` };
    await admin.post('/api/people', { ...personBody, password: 'rahasia-sekali-123' }).expect(422);
    done('person.create', 'person', null, 422, 'VALIDATION_FAILED');
    const person = (await admin.post('/api/people', personBody).expect(201)).body;
    done('person.create', 'person', person.id, 201);

    const appointed = (await admin.post(`/api/positions/${post.id}/appointments`, { personId: person.id, capacity: 'plt', basis: 'Surat Perintah Plt. No. 800/7/2026' }).expect(201)).body;
    done('appointment.create', 'position', post.id, 201);
    await admin.post(`/api/appointments/${appointed.appointment.id}/end`, { reason: 'Pejabat definitif dilantik' }).expect(200);
    done('appointment.end', 'appointment', appointed.appointment.id, 200);

    const delegation = (await admin.post('/api/delegations', { positionId: org.post('kadis'), delegatePersonId: org.person('sek'), endsAt: inDays(2), reason: 'Dinas luar' }).expect(201)).body;
    done('delegation.create', 'delegation', delegation.delegation.id, 201);
    await admin.post(`/api/delegations/${delegation.delegation.id}/revoke`, { reason: 'Batal berangkat' }).expect(200);
    done('delegation.revoke', 'delegation', delegation.delegation.id, 200);
    // The holder delegating their own post is not an administrator's action.
    const own = (await (await org.as('kadis')).post('/api/delegations', { positionId: org.post('kadis'), delegatePersonId: org.person('sek'), startsAt: inDays(10), endsAt: inDays(12), reason: 'Cuti' }).expect(201)).body;
    await (await org.as('kadis')).post(`/api/delegations/${own.delegation.id}/revoke`, {}).expect(200);

    const importBody = { units: [{ code: `IMPOR-${sfx}`, name: 'Seksi Impor', kind: 'seksi', parentCode: unit.code }] };
    const dry = await admin.post('/api/org/import?dryRun=true', importBody).expect(200);
    expect(dry.body.dryRun).toBe(true);
    await admin.post('/api/org/import', importBody).expect(200);
    done('org.import', 'organization', null, 200);

    const stages = [{ key: 'kadis', name: 'Kepala Dinas', approvers: [{ kind: 'position', positionId: org.post('kadis') }], mode: 'any', sla: 'P5D' }];
    const template = `audit-${org.suffix}`;
    await admin.post('/api/templates', { code: template, name: 'Rantai Audit', stages }).expect(201);
    done('template.create', 'template', template, 201);
    await admin.post(`/api/templates/${template}/versions`, { stages }).expect(201);
    done('template.version.create', 'template', template, 201);

    const reassigned = await admin.post('/api/admin/tasks/reassign', { taskIds: [randomUUID()], toPersonId: org.person('sek'), reason: 'Jabatan kosong' }).expect(200);
    expect(reassigned.body.results[0].outcome).toBe('skipped');
    done('tasks.reassign', 'person', org.person('sek'), 200);

    const missing = randomUUID();
    const cancel = await admin.post(`/api/admin/proposals/${missing}/cancel`, { reason: 'Uji' }).expect(404);
    done('proposal.cancel', 'proposal', missing, 404, 'NOT_FOUND');

    // Someone who is not an administrator is stopped before anything is done, and nothing is recorded as theirs.
    await (await org.as('clerk')).post('/api/units', { code: `CLERK-${sfx}`, name: 'Tidak Boleh', kind: 'bidang' }).expect(403);

    ids = { unit: unit.id, post: post.id, person: person.id, appointment: appointed.appointment.id, template, cancelCorrelation: cancel.headers['x-correlation-id'] };
    const page = await list(`actor=${org.person('admin')}&pageSize=100`);
    rows = page.items;
    expect(page.total).toBe(expected.length);
    // Newest first, one row per action, with actor, target and outcome.
    expect(rows.map((r) => ({ action: r.action, targetType: r.targetType, targetId: r.targetId, outcome: r.outcome, statusCode: r.statusCode, errorCode: r.errorCode ?? undefined }))).toEqual(
      [...expected].reverse().map((e) => ({ ...e, errorCode: e.errorCode })),
    );
    for (const row of rows) {
      expect(row.actorPersonId).toBe(org.person('admin'));
      expect(row.actorName).toBe('Admin Dukcapil');
      expect(new Date(row.occurredAt).getTime()).toBeGreaterThanOrEqual(started.getTime());
      expect(row.correlationId).toEqual(expect.any(String));
    }
    expect((await list(`actor=${org.person('kadis')}`)).total).toBe(0);
    expect((await list(`actor=${org.person('clerk')}`)).total).toBe(0);
  }, 60_000);

  it('keeps a summary of each request with what it changed, and never a secret', () => {
    const find = (action: string, outcome = 'succeeded') => rows.find((r) => r.action === action && r.outcome === outcome)!;

    expect(find('unit.create').summary.body).toEqual({ code: `AUDIT-${org.suffix.toUpperCase()}`, name: 'Bidang Audit', kind: 'bidang', parentId: org.unit('dinas') });
    expect(find('unit.update').summary).toMatchObject({ params: { id: ids.unit }, body: { name: 'Bidang Audit Internal' } });

    const refusedPerson = find('person.create', 'failed');
    expect(refusedPerson.summary.body).toMatchObject({ name: 'Wulan Sari', password: '[redacted]' });
    expect(JSON.stringify(rows)).not.toContain('rahasia-sekali-123');

    expect(find('appointment.create').summary).toMatchObject({
      params: { id: ids.post },
      body: { personId: ids.person, capacity: 'plt', basis: 'Surat Perintah Plt. No. 800/7/2026' },
      result: { appointmentId: ids.appointment, openTasksMoving: 0 },
    });
    expect(find('org.import').summary).toEqual({
      format: 'json',
      rows: { units: 1 },
      result: { counts: { units: { create: 1, update: 0, unchanged: 0 }, positions: { create: 0, update: 0, unchanged: 0 }, people: { create: 0, update: 0, unchanged: 0 } } },
    });
    expect(find('template.version.create').summary.result).toEqual({ templateId: expect.any(String), version: 2 });
    expect(find('tasks.reassign').summary).toMatchObject({ body: { toPersonId: org.person('sek'), reason: 'Jabatan kosong' }, result: { moved: 0, skipped: 1 } });
    expect(find('proposal.cancel', 'failed').correlationId).toBe(ids.cancelCorrelation);
  });

  it('filters by action (a code or its first part), target, outcome and date, and pages', async () => {
    const actor = `actor=${org.person('admin')}`;
    const actions = async (query: string) => (await list(`${actor}&${query}`)).items.map((r) => `${r.action}:${r.outcome}`);

    expect(await actions('action=unit')).toEqual(['unit.create:failed', 'unit.update:succeeded', 'unit.create:succeeded']);
    expect(await actions('action=unit.create')).toEqual(['unit.create:failed', 'unit.create:succeeded']);
    expect(await actions('action=template')).toEqual(['template.version.create:succeeded', 'template.create:succeeded']);
    expect(await actions('action=templ')).toEqual([]);
    expect(await actions(`targetType=position&targetId=${ids.post}`)).toEqual(['appointment.create:succeeded', 'position.create:succeeded']);
    expect(await actions('outcome=failed')).toEqual(['proposal.cancel:failed', 'person.create:failed', 'unit.create:failed']);

    const newest = new Date(rows[0].occurredAt).getTime();
    expect((await list(`${actor}&from=${encodeURIComponent(new Date(newest + 1).toISOString())}`)).total).toBe(0);
    expect((await list(`${actor}&to=${encodeURIComponent(started.toISOString())}`)).total).toBe(0);
    expect((await list(`${actor}&from=${encodeURIComponent(started.toISOString())}&to=${encodeURIComponent(new Date(newest + 1).toISOString())}`)).total).toBe(rows.length);

    const second = await list(`${actor}&page=2&pageSize=4`);
    expect(second).toMatchObject({ total: rows.length, page: 2, pageSize: 4 });
    expect(second.items.map((r) => r.id)).toEqual(rows.slice(4, 8).map((r) => r.id));
  });

  it('is for administrators only, and refuses bad filters with the field named', async () => {
    const clerk = await org.as('clerk');
    const forbidden = await clerk.get('/api/admin/audit').expect(403);
    expect(forbidden.body.code).toBe('ROLE_REQUIRED');
    await stack.http.get('/api/admin/audit').expect(401);

    const admin = await org.as('admin');
    const field = async (query: string) => {
      const res = await admin.get(`/api/admin/audit?${query}`).expect(422);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      return (res.body.details as { field: string; messages: string[] }[]).map((d) => d.field);
    };
    expect(await field('actor=nobody')).toEqual(['actor']);
    expect(await field('action=Unit%20create')).toEqual(['action']);
    expect(await field('outcome=maybe')).toEqual(['outcome']);
    expect(await field('from=yesterday')).toEqual(['from']);
    expect(await field('pageSize=1000')).toEqual(['pageSize']);
    expect(await field('from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z')).toEqual(['from']);
    expect(await field('limit=5')).toEqual(['limit']);
  });

  it('records the target of a request that wrote its id in capitals under the id itself', async () => {
    const admin = await org.as('admin');
    const unitId = org.unit('dinas');
    await admin.patch(`/api/units/${unitId.toUpperCase()}`, { name: 'Dinas Kependudukan dan Pencatatan Sipil Kota' }).expect(200);
    const found = await list(`targetId=${unitId}&action=unit.update`);
    expect(found.items.map((r) => r.targetId)).toContain(unitId);
    expect(found.items.every((r) => r.targetId === unitId)).toBe(true);
  });

  it('cannot be changed or deleted, even straight in the database', async () => {
    const row = rows[0];
    await expect(stack.dataSource.query(`UPDATE admin_audit SET action = 'unit.delete' WHERE id = $1`, [row.id])).rejects.toThrow(/admin_audit is append-only \(UPDATE refused\)/);
    await expect(stack.dataSource.query(`DELETE FROM admin_audit WHERE id = $1`, [row.id])).rejects.toThrow(/admin_audit is append-only \(DELETE refused\)/);
    await expect(stack.dataSource.query(`TRUNCATE admin_audit`)).rejects.toThrow(/admin_audit is append-only \(TRUNCATE refused\)/);
    const [still] = await stack.dataSource.query<{ action: string; outcome: string }[]>(`SELECT action, outcome FROM admin_audit WHERE id = $1`, [row.id]);
    expect(still).toEqual({ action: row.action, outcome: row.outcome });
  });
});

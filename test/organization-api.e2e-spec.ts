import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { AppointmentEntity } from '@libs/persistence/entities';
import { idOf } from '@libs/persistence/seed/demo-organization';
import { AppStack, personId, positionId, startAppStack } from './support/app-stack';

jest.setTimeout(60_000);

interface Unit {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  parentCode: string | null;
  depth: number;
}

interface Appointment {
  id: string;
  personId: string;
  personName: string;
  personNip: string;
  capacity: string;
  startsAt: string;
  endsAt: string | null;
  active?: boolean;
}

interface Position {
  id: string;
  code: string;
  title: string;
  isUnitHead: boolean;
  unitId: string;
  unitCode: string;
  superiorPositionId: string | null;
  superiorCode: string | null;
  activeAppointments: Appointment[];
  acting: { personId: string; personName: string; capacity: string } | null;
}

/**
 * The organization as administrators maintain it: the unit tree, posts with their superiors and
 * head posts, and people, every refusal naming its field. Each run uses its own codes and NIPs,
 * under the seeded Pemda, and never changes a seeded row.
 */
describe('organization API', () => {
  let stack: AppStack;
  let admin: string;
  let proposer: string;
  const suffix = randomBytes(3).toString('hex').toUpperCase();
  const code = (name: string) => `T${suffix}-${name}`;
  const nip = () => `19${Array.from({ length: 16 }, () => randomInt(10)).join('')}`;

  beforeAll(async () => {
    stack = await startAppStack();
    admin = await stack.tokenFor('Yoga Permana');
    proposer = await stack.tokenFor('Rina Wulandari');
  });

  afterAll(async () => {
    await stack?.close();
  });

  const get = (path: string, token = admin) => stack.http.get(path).auth(token, { type: 'bearer' });
  const post = (path: string, body: object, token = admin) => stack.http.post(path).auth(token, { type: 'bearer' }).send(body);
  const patch = (path: string, body: object, token = admin) => stack.http.patch(path).auth(token, { type: 'bearer' }).send(body);

  /** field → messages of a refusal, after checking the one error shape. */
  function details(res: Response, status: number, errorCode: string): Map<string, string[]> {
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ statusCode: status, code: errorCode, message: expect.any(String), correlationId: expect.any(String) });
    return new Map((res.body.details as { field: string; messages: string[] }[]).map((d) => [d.field, d.messages]));
  }

  describe('units', () => {
    let dinas: Unit;
    let bidang: Unit;
    let seksi: Unit;

    beforeAll(async () => {
      dinas = (await post('/api/units', { code: code('DINAS'), name: 'Dinas Uji Coba', kind: 'dinas', parentCode: 'PEMKOT' }).expect(201)).body;
      bidang = (await post('/api/units', { code: code('BIDANG'), name: 'Bidang Uji', kind: 'bidang', parentId: dinas.id }).expect(201)).body;
      seksi = (await post('/api/units', { code: code('SEKSI'), name: 'Seksi Uji', kind: 'seksi', parentCode: code('BIDANG') }).expect(201)).body;
    });

    it('creates units by parent code or id and answers with the unit, its place and its children', async () => {
      expect(dinas).toMatchObject({ code: code('DINAS'), kind: 'dinas', parentId: idOf('unit', 'PEMKOT'), parentCode: 'PEMKOT', depth: 1, children: [], positions: [] });
      expect(seksi).toMatchObject({ parentId: bidang.id, parentCode: code('BIDANG'), parentName: 'Bidang Uji', depth: 3 });
      const read = await get(`/api/units/${dinas.id}`).expect(200);
      expect(read.body.children).toEqual([{ id: bidang.id, code: code('BIDANG'), name: 'Bidang Uji', kind: 'bidang', parentId: dinas.id, parentCode: code('DINAS'), depth: 2 }]);
    });

    it('lists the units flat in tree order, each after its parent, and filters by parent or text', async () => {
      const all = (await get('/api/units').expect(200)).body.items as Unit[];
      const at = (c: string) => all.findIndex((u) => u.code === c);
      // Other test files may add root units of their own: the demo root is one of the roots, before its subtree.
      expect(all[at('PEMKOT')]).toMatchObject({ code: 'PEMKOT', depth: 0, parentId: null, parentCode: null });
      expect(all.filter((u) => u.depth === 0).every((u) => u.parentId === null)).toBe(true);
      expect(at('PEMKOT')).toBeLessThan(at('DPMPTSP-YAN-USAHA'));
      expect(at('PEMKOT')).toBeLessThan(at(code('DINAS')));
      expect(at(code('DINAS'))).toBeLessThan(at(code('BIDANG')));
      expect(at(code('BIDANG')) + 1).toBe(at(code('SEKSI')));
      expect(all.find((u) => u.code === 'DPMPTSP-YAN-USAHA')).toMatchObject({ parentCode: 'DPMPTSP-YAN', depth: 3 });

      const children = (await get(`/api/units?parentId=${dinas.id}`).expect(200)).body.items as Unit[];
      expect(children.map((u) => u.code)).toEqual([code('BIDANG')]);
      const found = (await get(`/api/units?q=${encodeURIComponent(`t${suffix}-sek`)}`).expect(200)).body.items as Unit[];
      expect(found.map((u) => u.code)).toEqual([code('SEKSI')]);
      details(await get('/api/units?parentId=bukan-uuid'), 422, 'VALIDATION_FAILED');
    });

    it('refuses a duplicate code (409), an unknown parent, two spellings of the parent and a bad kind (422), naming the field', async () => {
      const dup = details(await post('/api/units', { code: code('DINAS'), name: 'Lagi', kind: 'dinas' }), 409, 'ALREADY_EXISTS');
      expect(dup.get('code')).toEqual([`code ${code('DINAS')} is already taken`]);
      const unknown = details(await post('/api/units', { code: code('X1'), name: 'X', kind: 'dinas', parentCode: code('HILANG') }), 422, 'UNKNOWN_REFERENCE');
      expect(unknown.get('parentCode')).toEqual([`no unit has the code ${code('HILANG')}`]);
      const unknownId = details(await post('/api/units', { code: code('X1'), name: 'X', kind: 'dinas', parentId: randomUUID() }), 422, 'UNKNOWN_REFERENCE');
      expect(unknownId.has('parentId')).toBe(true);
      const both = details(await post('/api/units', { code: code('X1'), name: 'X', kind: 'dinas', parentId: dinas.id, parentCode: 'PEMKOT' }), 422, 'VALIDATION_FAILED');
      expect(both.get('parentCode')).toEqual(['give either parentId or parentCode, not both']);
      const bad = details(await post('/api/units', { code: 'ada spasi', name: ' ', kind: 'kabupaten' }), 422, 'VALIDATION_FAILED');
      expect([...bad.keys()].sort()).toEqual(['code', 'kind', 'name']);
      expect(bad.get('kind')![0]).toMatch(/^kind must be one of: pemda, sekretariat, dinas/);
    });

    it('renames and moves a unit, and refuses to move it under itself or its descendants (422 naming the cycle)', async () => {
      const renamed = await patch(`/api/units/${seksi.id}`, { name: 'Seksi Uji Coba', kind: 'seksi' }).expect(200);
      expect(renamed.body).toMatchObject({ name: 'Seksi Uji Coba', parentId: bidang.id });

      const cycle = details(await patch(`/api/units/${dinas.id}`, { parentCode: code('SEKSI') }), 422, 'ORGANIZATION_CYCLE');
      expect(cycle.get('parentCode')).toEqual([`would form a cycle: ${code('DINAS')} → ${code('SEKSI')} → ${code('BIDANG')} → ${code('DINAS')}`]);
      const self = details(await patch(`/api/units/${bidang.id}`, { parentId: bidang.id }), 422, 'ORGANIZATION_CYCLE');
      expect(self.get('parentId')).toEqual(['a unit cannot be its own parent']);
      details(await patch(`/api/units/${bidang.id}`, { code: 'BARU' }), 422, 'VALIDATION_FAILED');
      // A name or kind may be left out of a change, but not emptied.
      const emptied = details(await patch(`/api/units/${bidang.id}`, { name: null, kind: null }), 422, 'VALIDATION_FAILED');
      expect([...emptied.keys()].sort()).toEqual(['kind', 'name']);

      const moved = await patch(`/api/units/${seksi.id}`, { parentId: dinas.id }).expect(200);
      expect(moved.body).toMatchObject({ parentCode: code('DINAS'), depth: 2 });
      const root = await patch(`/api/units/${seksi.id}`, { parentId: null }).expect(200);
      expect(root.body).toMatchObject({ parentId: null, depth: 0 });
      await patch(`/api/units/${seksi.id}`, { parentCode: code('BIDANG') }).expect(200);

      expect((await get(`/api/units/${randomUUID()}`)).status).toBe(404);
      expect((await patch(`/api/units/${randomUUID()}`, { name: 'X' })).status).toBe(404);
      expect((await get('/api/units/bukan-uuid')).status).toBe(422);
      // Ids are ids whatever their case.
      expect((await get(`/api/units/${dinas.id.toUpperCase()}`).expect(200)).body.children).toHaveLength(1);
      expect((await get(`/api/units?parentId=${dinas.id.toUpperCase()}`).expect(200)).body.items).toHaveLength(1);
    });
  });

  describe('positions', () => {
    let unitId: string;
    let bidangId: string;
    let kadis: Position;
    let kabid: Position;
    let staf: Position;

    beforeAll(async () => {
      unitId = (await post('/api/units', { code: code('BADAN'), name: 'Badan Uji', kind: 'badan', parentCode: 'PEMKOT' }).expect(201)).body.id;
      bidangId = (await post('/api/units', { code: code('BADAN-BID'), name: 'Bidang Badan Uji', kind: 'bidang', parentId: unitId }).expect(201)).body.id;
      kadis = (await post('/api/positions', { code: code('KABADAN'), title: 'Kepala Badan Uji', unitCode: code('BADAN'), level: 'jpt-pratama', superiorCode: 'SEKDA', isUnitHead: true }).expect(201)).body;
      kabid = (await post('/api/positions', { code: code('KABID'), title: 'Kepala Bidang Uji', unitId: bidangId, level: 'administrator', superiorPositionId: kadis.id, isUnitHead: true }).expect(201)).body;
      staf = (await post('/api/positions', { code: code('STAF'), title: 'Analis Uji', unitCode: code('BADAN-BID'), level: 'pelaksana', superiorCode: code('KABID') }).expect(201)).body;
    });

    it('creates posts with unit and superior by code or id', () => {
      expect(kadis).toMatchObject({ unitId, unitCode: code('BADAN'), superiorPositionId: positionId('SEKDA'), superiorCode: 'SEKDA', isUnitHead: true, activeAppointments: [], acting: null, appointments: [], subordinates: [] });
      expect(kabid).toMatchObject({ unitId: bidangId, superiorCode: code('KABADAN'), level: 'administrator' });
      expect(staf).toMatchObject({ isUnitHead: false, superiorPositionId: kabid.id });
    });

    it('refuses a second head post for a unit with 409, naming the existing head', async () => {
      const body = { code: code('KABID-2'), title: 'Kepala Bidang Kedua', unitId: bidangId, level: 'administrator', isUnitHead: true };
      const res = await post('/api/positions', body);
      const d = details(res, 409, 'UNIT_HAS_HEAD');
      expect(res.body.message).toMatch(new RegExp(`already has a head post: ${code('KABID')}`));
      expect(d.get('isUnitHead')).toEqual([`unit ${code('BADAN-BID')} already has a head post: ${code('KABID')}`]);
      expect(res.body.details[0].existingHead).toEqual({ id: kabid.id, code: code('KABID'), title: 'Kepala Bidang Uji' });
      // Making the staff post the head, or moving the head of the Badan into the bidang, is the same second head.
      details(await patch(`/api/positions/${staf.id}`, { isUnitHead: true }), 409, 'UNIT_HAS_HEAD');
      details(await patch(`/api/positions/${kadis.id}`, { unitId: bidangId }), 409, 'UNIT_HAS_HEAD');
      // The seeded head of a seeded unit counts too.
      details(await post('/api/positions', { ...body, code: code('KADINKES-2'), unitId: undefined, unitCode: 'DINKES' }), 409, 'UNIT_HAS_HEAD');
    });

    it('refuses a superior chain that comes back to the post (422) and a post as its own superior', async () => {
      const cycle = details(await patch(`/api/positions/${kadis.id}`, { superiorCode: code('STAF') }), 422, 'ORGANIZATION_CYCLE');
      expect(cycle.get('superiorCode')).toEqual([`would form a cycle: ${code('KABADAN')} → ${code('STAF')} → ${code('KABID')} → ${code('KABADAN')}`]);
      const self = details(await patch(`/api/positions/${kabid.id}`, { superiorPositionId: kabid.id }), 422, 'ORGANIZATION_CYCLE');
      expect(self.get('superiorPositionId')).toEqual(['a post cannot be its own superior']);
      details(await patch(`/api/positions/${kabid.id.toUpperCase()}`, { superiorPositionId: kabid.id.toUpperCase() }), 422, 'ORGANIZATION_CYCLE');
      expect(details(await patch(`/api/positions/${kabid.id}`, { unitCode: null }), 422, 'VALIDATION_FAILED').has('unitCode')).toBe(true);
      expect((await get(`/api/positions/${kadis.id}`).expect(200)).body.superiorCode).toBe('SEKDA');
    });

    it('refuses duplicate codes, unknown references and bad fields, naming the field', async () => {
      expect(details(await post('/api/positions', { code: code('STAF'), title: 'X', unitId, level: 'pelaksana' }), 409, 'ALREADY_EXISTS').has('code')).toBe(true);
      expect(details(await post('/api/positions', { code: code('P1'), title: 'X', unitCode: code('NOPE'), level: 'pelaksana' }), 422, 'UNKNOWN_REFERENCE').has('unitCode')).toBe(true);
      expect(details(await post('/api/positions', { code: code('P1'), title: 'X', unitId, level: 'pelaksana', superiorCode: code('NOPE') }), 422, 'UNKNOWN_REFERENCE').has('superiorCode')).toBe(true);
      expect(details(await post('/api/positions', { code: code('P1'), title: 'X', level: 'pelaksana' }), 422, 'VALIDATION_FAILED').get('unitId')).toEqual(['unitId or unitCode is required']);
      const bad = details(await post('/api/positions', { code: code('P1'), title: 'X', unitId, level: 'eselon-5', isUnitHead: 'ya' }), 422, 'VALIDATION_FAILED');
      expect([...bad.keys()].sort()).toEqual(['isUnitHead', 'level']);
    });

    it('updates title, level, superior and the head flag; moving the head out frees the unit for another head', async () => {
      const res = await patch(`/api/positions/${staf.id}`, { title: 'Analis Kebijakan Uji', level: 'fungsional', superiorCode: null }).expect(200);
      expect(res.body).toMatchObject({ title: 'Analis Kebijakan Uji', level: 'fungsional', superiorPositionId: null, superiorCode: null });
      await patch(`/api/positions/${kabid.id}`, { isUnitHead: false }).expect(200);
      const head = await patch(`/api/positions/${staf.id}`, { isUnitHead: true, superiorPositionId: kadis.id }).expect(200);
      expect(head.body).toMatchObject({ isUnitHead: true, superiorCode: code('KABADAN') });
      const kadisNow = (await get(`/api/positions/${kadis.id}`).expect(200)).body;
      expect(kadisNow.subordinates.map((p: { code: string }) => p.code).sort()).toEqual([code('KABID'), code('STAF')]);
    });

    it('lists posts by unit and text, paginated, and shows who holds and acts for each now (from the appointments)', async () => {
      const holder = (await post('/api/people', { nip: nip(), name: `Pejabat Definitif ${suffix}`, email: `definitif.${suffix}@uji.go.id` }).expect(201)).body;
      const plh = (await post('/api/people', { nip: nip(), name: `Pelaksana Harian ${suffix}`, email: `plh.${suffix}@uji.go.id` }).expect(201)).body;
      const formerPlt = (await post('/api/people', { nip: nip(), name: `Mantan Plt ${suffix}`, email: `plt.${suffix}@uji.go.id` }).expect(201)).body;
      const day = 24 * 3600 * 1000;
      const now = Date.now();
      const appointment = (personId: string, capacity: 'definitif' | 'plt' | 'plh', startsAt: number, endsAt: number | null) => ({
        id: randomUUID(),
        positionId: kadis.id,
        personId,
        capacity,
        startsAt: new Date(startsAt),
        endsAt: endsAt === null ? null : new Date(endsAt),
        basis: `SK uji ${capacity}`,
      });
      await stack.dataSource.getRepository(AppointmentEntity).insert([
        appointment(formerPlt.id, 'plt', now - 90 * day, now - 30 * day),
        appointment(holder.id, 'definitif', now - 30 * day, null),
        appointment(plh.id, 'plh', now - day, now + 5 * day),
      ]);

      const page = await get(`/api/positions?unitId=${unitId}`).expect(200);
      expect(page.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
      const row = page.body.items[0] as Position;
      expect(row.code).toBe(code('KABADAN'));
      expect(row.activeAppointments.map((a) => [a.capacity, a.personName, a.personNip])).toEqual([
        ['plh', plh.name, plh.nip],
        ['definitif', holder.name, holder.nip],
      ]);
      expect(row.activeAppointments[1]).toMatchObject({ personId: holder.id, endsAt: null, startsAt: expect.any(String) });
      expect(row.acting).toEqual({ personId: plh.id, personName: plh.name, capacity: 'plh' });

      const detail = (await get(`/api/positions/${kadis.id}`).expect(200)).body;
      expect(detail.appointments.map((a: Appointment) => [a.capacity, a.personName, a.active])).toEqual([
        ['plh', plh.name, true],
        ['definitif', holder.name, true],
        ['plt', formerPlt.name, false],
      ]);

      const unit = (await get(`/api/units/${unitId}`).expect(200)).body;
      expect(unit.positions.map((p: Position) => [p.code, p.acting?.capacity ?? null])).toEqual([[code('KABADAN'), 'plh']]);
      const person = (await get(`/api/people/${holder.id}`).expect(200)).body;
      expect(person.activeAppointments).toEqual([expect.objectContaining({ positionCode: code('KABADAN'), capacity: 'definitif', active: true, unitName: 'Badan Uji' })]);

      const byText = await get(`/api/positions?q=${encodeURIComponent(`t${suffix}-ka`)}&pageSize=1`).expect(200);
      expect(byText.body).toMatchObject({ total: 2, pageSize: 1 });
      const second = await get(`/api/positions?q=${encodeURIComponent(`t${suffix}-ka`)}&pageSize=1&page=2`).expect(200);
      expect([byText.body.items[0].code, second.body.items[0].code].sort()).toEqual([code('KABADAN'), code('KABID')]);
      const seeded = (await get(`/api/positions?q=KADIS-DPMPTSP`).expect(200)).body.items[0] as Position;
      expect(seeded.acting).toMatchObject({ personId: personId('Hendra Gunawan'), capacity: 'definitif' });
      details(await get('/api/positions?pageSize=1000'), 422, 'VALIDATION_FAILED');
    });
  });

  describe('people', () => {
    it('registers a person with default roles, and refuses a duplicate NIP with 409 naming nip', async () => {
      const body = { nip: nip(), name: `Dewi Uji ${suffix}`, email: `dewi.${suffix}@uji.go.id` };
      const created = await post('/api/people', body).expect(201);
      expect(created.body).toMatchObject({ ...body, roles: ['proposer', 'approver'], activeAppointments: [], appointments: [] });
      const dup = details(await post('/api/people', { ...body, name: 'Orang Lain' }), 409, 'ALREADY_EXISTS');
      expect(dup.get('nip')).toEqual([`nip ${body.nip} is already taken`]);
    });

    it('refuses a bad NIP, email, name or role with field messages', async () => {
      const bad = details(await post('/api/people', { nip: '12345', name: '', email: 'bukan-email', roles: ['superadmin'] }), 422, 'VALIDATION_FAILED');
      expect(bad.get('nip')).toEqual(['nip must be exactly 18 digits (the NIP of the civil servant)']);
      expect(bad.get('email')![0]).toMatch(/email must be an email address/);
      expect(bad.has('name')).toBe(true);
      expect(bad.get('roles')).toEqual(['each of roles must be one of: proposer, approver, admin']);
      expect(details(await post('/api/people', { nip: '1234567890123456789', name: 'A', email: 'a@b.go.id' }), 422, 'VALIDATION_FAILED').has('nip')).toBe(true);
    });

    it('changes name, email and roles, but never the NIP', async () => {
      const person = (await post('/api/people', { nip: nip(), name: `Budi Uji ${suffix}`, email: `budi.${suffix}@uji.go.id`, roles: ['proposer'] }).expect(201)).body;
      const res = await patch(`/api/people/${person.id}`, { name: `Budi Uji Baru ${suffix}`, roles: ['admin', 'approver'] }).expect(200);
      expect(res.body).toMatchObject({ nip: person.nip, name: `Budi Uji Baru ${suffix}`, email: person.email, roles: ['approver', 'admin'] });
      const nipChange = details(await patch(`/api/people/${person.id}`, { nip: nip() }), 422, 'VALIDATION_FAILED');
      expect(nipChange.get('nip')).toEqual(['nip cannot be changed: it identifies the person']);
      expect((await patch(`/api/people/${randomUUID()}`, { name: 'X' })).status).toBe(404);
    });

    it('searches by name or NIP and paginates', async () => {
      const tag = `Pagina${suffix}`;
      const nips = [nip(), nip(), nip()];
      for (const [i, n] of nips.entries()) await post('/api/people', { nip: n, name: `${tag} ${i}`, email: `p${i}.${suffix}@uji.go.id` }).expect(201);
      const first = await get(`/api/people?q=${tag.toLowerCase()}&pageSize=2`).expect(200);
      expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(first.body.items.map((p: { name: string }) => p.name)).toEqual([`${tag} 0`, `${tag} 1`]);
      const second = await get(`/api/people?q=${tag}&pageSize=2&page=2`).expect(200);
      expect(second.body.items.map((p: { name: string }) => p.name)).toEqual([`${tag} 2`]);
      const byNip = await get(`/api/people?q=${nips[1]}`).expect(200);
      expect(byNip.body.items.map((p: { nip: string }) => p.nip)).toEqual([nips[1]]);
    });
  });

  describe('who may do what', () => {
    it('refuses every write to a non-administrator with 403', async () => {
      const unit = (await post('/api/units', { code: code('AKSES'), name: 'Unit Akses', kind: 'lainnya' }).expect(201)).body;
      const person = (await get(`/api/people/${personId('Rina Wulandari')}`, proposer).expect(200)).body;
      for (const res of [
        await post('/api/units', { code: code('AKSES-2'), name: 'X', kind: 'dinas' }, proposer),
        await patch(`/api/units/${unit.id}`, { name: 'X' }, proposer),
        await post('/api/positions', { code: code('AKSES-P'), title: 'X', unitId: unit.id, level: 'pelaksana' }, proposer),
        await patch(`/api/positions/${positionId('SEKDA')}`, { title: 'X' }, proposer),
        await post('/api/people', { nip: nip(), name: 'X', email: 'x@uji.go.id' }, proposer),
        await patch(`/api/people/${person.id}`, { roles: ['admin'] }, proposer),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('ROLE_REQUIRED');
      }
      expect((await get(`/api/units/${unit.id}`).expect(200)).body.name).toBe('Unit Akses');
    });

    it('takes a change of roles into account on the next request, with the token issued before it', async () => {
      const person = (await post('/api/people', { nip: nip(), name: `Admin Uji ${suffix}`, email: `admin.${suffix}@uji.go.id`, roles: ['proposer', 'admin'] }).expect(201)).body;
      const token = (await stack.http.post('/api/auth/dev-login').send({ nip: person.nip }).expect(200)).body.accessToken as string;
      await get('/api/admin/summary', token).expect(200);
      await post('/api/people', { nip: nip(), name: `Dibuat Admin ${suffix}`, email: `dibuat.${suffix}@uji.go.id` }, token).expect(201);

      await patch(`/api/people/${person.id}`, { roles: ['proposer'] }).expect(200);
      for (const res of [
        await get('/api/admin/summary', token),
        await post('/api/people', { nip: nip(), name: `Tidak Dibuat ${suffix}`, email: `tidak.${suffix}@uji.go.id` }, token),
        await patch(`/api/people/${person.id}`, { roles: ['proposer', 'admin'] }, token),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('ROLE_REQUIRED');
      }
      expect((await get('/api/auth/me', token).expect(200)).body).toEqual({ personId: person.id, name: `Admin Uji ${suffix}`, roles: ['proposer'] });

      // A promotion and a rename take effect the same way.
      await patch(`/api/people/${person.id}`, { name: `Admin Uji Lagi ${suffix}`, roles: ['proposer', 'admin'] }).expect(200);
      await get('/api/admin/summary', token).expect(200);
      expect((await get('/api/auth/me', token).expect(200)).body).toEqual({ personId: person.id, name: `Admin Uji Lagi ${suffix}`, roles: ['proposer', 'admin'] });

      // A person who no longer exists is nobody, whatever the token says.
      await stack.dataSource.query('DELETE FROM person WHERE id = $1', [person.id]);
      const gone = await get('/api/auth/me', token);
      expect(gone.status).toBe(401);
      expect(gone.body.code).toBe('UNAUTHORIZED');
    });

    it('shows emails to administrators and to the person themself only', async () => {
      const asAdmin = (await get('/api/people?q=a&pageSize=100').expect(200)).body.items as { id: string; email?: string }[];
      expect(asAdmin.length).toBeGreaterThan(1);
      expect(asAdmin.every((p) => typeof p.email === 'string')).toBe(true);

      const asProposer = await get('/api/people?q=a&pageSize=100', proposer).expect(200);
      const others = (asProposer.body.items as { id: string; email?: string }[]).filter((p) => p.id !== personId('Rina Wulandari'));
      expect(others.length).toBeGreaterThan(1);
      expect(others.every((p) => !('email' in p))).toBe(true);
      const agus = await get('/api/people?q=Setiawan', proposer).expect(200);
      expect(agus.body.items).toEqual([expect.objectContaining({ name: 'Agus Setiawan' })]);
      expect(agus.text).not.toMatch(/@/);
      const someoneElse = await get(`/api/people/${personId('Agus Setiawan')}`, proposer).expect(200);
      expect(someoneElse.body).not.toHaveProperty('email');
      expect(someoneElse.body).toMatchObject({ name: 'Agus Setiawan', nip: '197912052005011004' });
      const self = await get(`/api/people/${personId('Rina Wulandari')}`, proposer).expect(200);
      expect(self.body.email).toBe('rina.wulandari@sukamajukota.go.id');
    });

    it('lets anyone signed in read units and posts, and nobody without a token', async () => {
      await get('/api/units', proposer).expect(200);
      await get(`/api/positions/${positionId('KASI-USAHA')}`, proposer).expect(200);
      expect((await stack.http.get('/api/units')).status).toBe(401);
    });
  });

  it('documents the endpoints in the OpenAPI document, the import with both content types', async () => {
    const doc = (await stack.http.get('/api/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/units', '/api/units/{id}', '/api/positions', '/api/positions/{id}', '/api/people', '/api/people/{id}', '/api/org/import']),
    );
    const content = doc.paths['/api/org/import'].post.requestBody.content;
    expect(Object.keys(content).sort()).toEqual(['application/json', 'multipart/form-data']);
    expect(content['multipart/form-data'].schema.properties.units).toMatchObject({ type: 'string', format: 'binary' });
    expect(content['application/json'].schema.$ref).toMatch(/OrgImportJsonDto$/);
    expect(doc.paths['/api/org/import'].post.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'dryRun', in: 'query' })]));
    expect(doc.paths['/api/units'].post.requestBody.content['application/json'].examples.bidang.value).toMatchObject({ code: 'DINKES-YANKES' });
  });
});

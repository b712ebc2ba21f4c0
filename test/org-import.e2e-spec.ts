import { randomBytes, randomInt } from 'node:crypto';
import type { Response } from 'supertest';
import { ORG_IMPORT_EXAMPLE } from '@apps/api/organization/dto/org.examples';
import { idOf } from '@libs/persistence/seed/demo-organization';
import { AppStack, startAppStack } from './support/app-stack';

jest.setTimeout(120_000);

interface ImportError {
  entity: string;
  row: number | null;
  line?: number;
  key: string | null;
  field: string | null;
  value: unknown;
  message: string;
}

type Rows = Record<string, unknown>[];

/** A Dinas with three bidang of two seksi each: 10 units, 50 posts with heads and superiors, and 50 people. */
function organization(prefix: string, nipBase: string) {
  const units: Rows = [{ code: `${prefix}-DINAS`, name: `Dinas Uji Impor ${prefix}`, kind: 'dinas', parentCode: 'PEMKOT' }];
  const positions: Rows = [
    { code: `${prefix}-KADIS`, title: 'Kepala Dinas Uji Impor', unitCode: `${prefix}-DINAS`, level: 'jpt-pratama', superiorCode: 'SEKDA', isUnitHead: true },
  ];
  for (let f = 1; f <= 4; f++) {
    positions.push({ code: `${prefix}-FUNG${f}`, title: `Analis Kebijakan ${f}`, unitCode: `${prefix}-DINAS`, level: 'fungsional', superiorCode: `${prefix}-KADIS` });
  }
  for (let b = 1; b <= 3; b++) {
    const bidang = `${prefix}-BID${b}`;
    units.push({ code: bidang, name: `Bidang ${b}`, kind: 'bidang', parentCode: `${prefix}-DINAS` });
    positions.push({ code: `${prefix}-KABID${b}`, title: `Kepala Bidang ${b}`, unitCode: bidang, level: 'administrator', superiorCode: `${prefix}-KADIS`, isUnitHead: true });
    for (let s = 1; s <= 2; s++) {
      const seksi = `${bidang}-SEK${s}`;
      const kasi = `${prefix}-KASI${b}${s}`;
      units.push({ code: seksi, name: `Seksi ${b}.${s}`, kind: 'seksi', parentCode: bidang });
      positions.push({ code: kasi, title: `Kepala Seksi ${b}.${s}`, unitCode: seksi, level: 'pengawas', superiorCode: `${prefix}-KABID${b}`, isUnitHead: true });
      for (let k = 1; k <= 6; k++) {
        positions.push({ code: `${prefix}-STAF${b}${s}${k}`, title: `Pelaksana ${b}.${s}.${k}`, unitCode: seksi, level: 'pelaksana', superiorCode: kasi, isUnitHead: false });
      }
    }
  }
  const people: Rows = Array.from({ length: 50 }, (_, i) => ({
    nip: `${nipBase}${String(i).padStart(6, '0')}`,
    name: `ASN Uji ${prefix} ${i}`,
    email: `asn${i}.${prefix.toLowerCase()}@uji.go.id`,
    ...(i % 10 === 0 ? { roles: ['proposer'] } : {}),
  }));
  // Children before parents and subordinates before superiors: references may point forward.
  return { units: units.reverse(), positions: positions.reverse(), people };
}

/**
 * Bulk import of the organization, JSON and CSV, against the real database: upsert by natural key,
 * everything checked before anything is written, all rows or none. Every run uses its own codes.
 */
describe('organization import', () => {
  let stack: AppStack;
  let admin: string;
  let proposer: string;
  const run = randomBytes(3).toString('hex').toUpperCase();
  const nipBase = () => `19${Array.from({ length: 10 }, () => randomInt(10)).join('')}`;

  beforeAll(async () => {
    stack = await startAppStack();
    admin = await stack.tokenFor('Yoga Permana');
    proposer = await stack.tokenFor('Rina Wulandari');
  });

  afterAll(async () => {
    await stack?.close();
  });

  const importJson = (body: unknown, query = '', token = admin) =>
    stack.http.post(`/api/org/import${query}`).auth(token, { type: 'bearer' }).send(body as object);

  const importCsv = (files: Record<string, string>, query = '', token = admin) => {
    let req = stack.http.post(`/api/org/import${query}`).auth(token, { type: 'bearer' });
    for (const [field, text] of Object.entries(files)) req = req.attach(field, Buffer.from(text, 'utf8'), { filename: `${field}.csv`, contentType: 'text/csv' });
    return req;
  };

  /** How many rows of the database carry these codes / NIPs. */
  async function stored(codes: { units?: string[]; positions?: string[]; nips?: string[] }) {
    const count = async (sql: string, values: string[] = []) => (await stack.dataSource.query<{ n: number }[]>(sql, [values]))[0].n;
    return {
      units: await count('SELECT COUNT(*)::int AS n FROM org_unit WHERE code = ANY($1)', codes.units),
      positions: await count('SELECT COUNT(*)::int AS n FROM position WHERE code = ANY($1)', codes.positions),
      people: await count('SELECT COUNT(*)::int AS n FROM person WHERE nip = ANY($1)', codes.nips),
    };
  }

  const keysOf = (org: ReturnType<typeof organization>) => ({
    units: org.units.map((u) => u.code as string),
    positions: org.positions.map((p) => p.code as string),
    nips: org.people.map((p) => p.nip as string),
  });

  function invalidReport(res: Response): { errors: ImportError[]; valid: boolean; errorCount: number } {
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ statusCode: 422, code: 'IMPORT_INVALID', message: expect.stringMatching(/nothing was written/), correlationId: expect.any(String) });
    expect(res.body.details).toMatchObject({ valid: false, dryRun: expect.any(Boolean) });
    return res.body.details;
  }

  describe('a JSON import of a three-level tree', () => {
    const org = organization(`J${run}`, nipBase());

    it('creates every unit, post and person, with references in any order', async () => {
      expect(org.units).toHaveLength(10);
      expect(org.positions).toHaveLength(50);
      const res = await importJson(org).expect(200);
      expect(res.body).toEqual({
        dryRun: false,
        valid: true,
        counts: { units: { create: 10, update: 0, unchanged: 0 }, positions: { create: 50, update: 0, unchanged: 0 }, people: { create: 50, update: 0, unchanged: 0 } },
        errors: [],
        errorCount: 0,
      });
      expect(await stored(keysOf(org))).toEqual({ units: 10, positions: 50, people: 50 });

      const units = (await stack.http.get(`/api/units?q=J${run}`).auth(admin, { type: 'bearer' }).expect(200)).body.items;
      expect(units.map((u: { code: string; depth: number }) => `${u.depth}:${u.code}`).slice(0, 4)).toEqual([
        `1:J${run}-DINAS`,
        `2:J${run}-BID1`,
        `3:J${run}-BID1-SEK1`,
        `3:J${run}-BID1-SEK2`,
      ]);
      const [kasi] = (await stack.http.get(`/api/positions?q=J${run}-KASI21`).auth(admin, { type: 'bearer' }).expect(200)).body.items;
      expect(kasi).toMatchObject({ unitCode: `J${run}-BID2-SEK1`, superiorCode: `J${run}-KABID2`, isUnitHead: true, level: 'pengawas' });
      const [kadis] = (await stack.http.get(`/api/positions?q=J${run}-KADIS`).auth(admin, { type: 'bearer' }).expect(200)).body.items;
      expect(kadis.superiorPositionId).toBe(idOf('position', 'SEKDA'));
      const roles = await stack.dataSource.query(`SELECT nip, roles FROM person WHERE nip = ANY($1) ORDER BY nip`, [[org.people[0].nip, org.people[1].nip]]);
      expect(roles).toEqual([
        { nip: org.people[0].nip, roles: ['proposer'] },
        { nip: org.people[1].nip, roles: ['proposer', 'approver'] },
      ]);
    });

    it('reports the same data imported again as unchanged, and writes nothing', async () => {
      const before = await stack.dataSource.query(`SELECT id, code, name, parent_id FROM org_unit WHERE code = ANY($1) ORDER BY code`, [keysOf(org).units]);
      const res = await importJson(org).expect(200);
      expect(res.body.counts).toEqual({
        units: { create: 0, update: 0, unchanged: 10 },
        positions: { create: 0, update: 0, unchanged: 50 },
        people: { create: 0, update: 0, unchanged: 50 },
      });
      expect(await stack.dataSource.query(`SELECT id, code, name, parent_id FROM org_unit WHERE code = ANY($1) ORDER BY code`, [keysOf(org).units])).toEqual(before);
    });

    it('updates only the rows whose fields changed', async () => {
      const changed = {
        ...org,
        positions: org.positions.map((p) => (p.code === `J${run}-KABID3` ? { ...p, title: 'Kepala Bidang Tiga (baru)' } : p)),
        people: org.people.map((p, i) => (i === 7 ? { ...p, email: `baru.${run.toLowerCase()}@uji.go.id`, roles: ['proposer', 'approver', 'admin'] } : p)),
      };
      const res = await importJson(changed).expect(200);
      expect(res.body.counts).toEqual({
        units: { create: 0, update: 0, unchanged: 10 },
        positions: { create: 0, update: 1, unchanged: 49 },
        people: { create: 0, update: 1, unchanged: 49 },
      });
      const [post] = await stack.dataSource.query(`SELECT title FROM position WHERE code = $1`, [`J${run}-KABID3`]);
      expect(post.title).toBe('Kepala Bidang Tiga (baru)');
      const [person] = await stack.dataSource.query(`SELECT email, roles FROM person WHERE nip = $1`, [org.people[7].nip]);
      expect(person).toEqual({ email: `baru.${run.toLowerCase()}@uji.go.id`, roles: ['proposer', 'approver', 'admin'] });
    });

    it('with dryRun=true reports the counts of a valid import and writes nothing', async () => {
      const fresh = organization(`D${run}`, nipBase());
      const res = await importJson(fresh, '?dryRun=true').expect(200);
      expect(res.body).toMatchObject({
        dryRun: true,
        valid: true,
        counts: { units: { create: 10 }, positions: { create: 50 }, people: { create: 50 } },
        errors: [],
      });
      expect(await stored(keysOf(fresh))).toEqual({ units: 0, positions: 0, people: 0 });
      // A dry run of an invalid import is refused like a real one.
      const bad = invalidReport(await importJson({ units: [{ code: `D${run}-X`, name: 'X', kind: 'dinas', parentCode: `D${run}-HILANG` }] }, '?dryRun=true'));
      expect(bad.errors).toEqual([expect.objectContaining({ entity: 'units', row: 1, field: 'parentCode' })]);
      expect((await importJson(fresh, '?dryRun=barangkali')).status).toBe(422);
    });

    it('accepts the documented example', async () => {
      const example = JSON.parse(JSON.stringify(ORG_IMPORT_EXAMPLE).replace(/DISKOMINFO|KADIS-KOMINFO|KABID-APTIKA|KASI-LAYANAN-APL|PRAKOM-APTIKA-1/g, (c) => `${c}-${run}`)) as typeof ORG_IMPORT_EXAMPLE;
      const base = nipBase();
      example.people = example.people.map((p, i) => ({ ...p, nip: `${base}${String(i).padStart(6, '0')}` }));
      const res = await importJson(example, '?dryRun=true').expect(200);
      expect(res.body.counts).toMatchObject({ units: { create: 3 }, positions: { create: 4 }, people: { create: 2 } });
    });
  });

  describe('CSV files', () => {
    const p = `C${run}`;
    const nips = [nipBase() + '000001', nipBase() + '000002'];
    const files = {
      // A UTF-8 byte order mark, Windows line ends, commas inside quotes.
      units: `\uFEFFcode,name,kind,parentCode\r\n${p}-DINAS,"Dinas Pangan, Pertanian dan Perikanan",dinas,PEMKOT\r\n${p}-BID,Bidang Ketahanan Pangan,bidang,${p}-DINAS\r\n`,
      positions:
        'code,title,unitCode,level,superiorCode,isUnitHead\n' +
        `${p}-KABID,Kepala Bidang Ketahanan Pangan,${p}-BID,administrator,${p}-KADIS,ya\n` +
        `${p}-KADIS,"Kepala Dinas Pangan, Pertanian dan Perikanan",${p}-DINAS,jpt-pratama,SEKDA,true\n` +
        `${p}-STAF,Pengelola Data,${p}-BID,pelaksana,${p}-KABID,\n`,
      // Excel in an Indonesian locale separates with semicolons.
      people: `nip;name;email;roles\n${nips[0]};"Sutrisno; S.P.";sutrisno@uji.go.id;proposer|approver\n${nips[1]};Wulan Sari;wulan@uji.go.id;\n`,
    };

    it('imports a multipart form of three CSV files: header, BOM, quoted commas, semicolons', async () => {
      const res = await importCsv(files).expect(200);
      expect(res.body).toMatchObject({
        valid: true,
        counts: { units: { create: 2, update: 0, unchanged: 0 }, positions: { create: 3, update: 0, unchanged: 0 }, people: { create: 2, update: 0, unchanged: 0 } },
      });
      const [dinas] = await stack.dataSource.query(`SELECT name, kind FROM org_unit WHERE code = $1`, [`${p}-DINAS`]);
      expect(dinas).toEqual({ name: 'Dinas Pangan, Pertanian dan Perikanan', kind: 'dinas' });
      const posts = await stack.dataSource.query(`SELECT code, title, is_unit_head AS head FROM position WHERE code LIKE $1 ORDER BY code`, [`${p}-%`]);
      expect(posts).toEqual([
        { code: `${p}-KABID`, title: 'Kepala Bidang Ketahanan Pangan', head: true },
        { code: `${p}-KADIS`, title: 'Kepala Dinas Pangan, Pertanian dan Perikanan', head: true },
        { code: `${p}-STAF`, title: 'Pengelola Data', head: false },
      ]);
      const people = await stack.dataSource.query(`SELECT name, roles FROM person WHERE nip = ANY($1) ORDER BY name`, [nips]);
      expect(people).toEqual([
        { name: 'Sutrisno; S.P.', roles: ['proposer', 'approver'] },
        { name: 'Wulan Sari', roles: ['proposer', 'approver'] },
      ]);
    });

    it('reads the same files again as unchanged (CSV and JSON mean the same)', async () => {
      const res = await importCsv(files).expect(200);
      expect(res.body.counts).toEqual({
        units: { create: 0, update: 0, unchanged: 2 },
        positions: { create: 0, update: 0, unchanged: 3 },
        people: { create: 0, update: 0, unchanged: 2 },
      });
    });
  });

  describe('a bad import', () => {
    const p = `B${run}`;
    const goodNip = nipBase() + '000001';
    const csv = {
      units: [
        'code,name,kind,parentCode,warna', // line 1: an unknown column
        `${p}-A,Unit A,dinas,PEMKOT,merah`, // row 1: fine
        `${p}-B,Unit B,bidang,${p}-HILANG,`, // row 2: unknown parent
        `${p}-A,Unit A lagi,dinas,PEMKOT,`, // row 3: duplicate code
      ].join('\n'),
      positions: [
        'code,title,unitCode,level,superiorCode,isUnitHead',
        `${p}-X,Staf X,${p}-A,pelaksana,${p}-Y,`, // row 1: X → Y → X
        `${p}-Y,Staf Y,${p}-A,pelaksana,${p}-X,`, // row 2: the same cycle
        `${p}-H1,Kepala Unit A,${p}-A,jpt-pratama,SEKDA,true`, // row 3: the head
        `${p}-H2,Kepala Unit A Kedua,${p}-A,jpt-pratama,SEKDA,true`, // row 4: a second head
      ].join('\n'),
      people: ['nip,name,email,roles', `${goodNip},Orang Baik,baik@uji.go.id,proposer`, `12345,Orang Salah,salah@uji.go.id,`].join('\n'),
    };

    it('reports each bad row precisely (entity, row, line, field, message) and writes none of the import', async () => {
      const report = invalidReport(await importCsv(csv));
      const brief = report.errors.map(({ entity, row, line, key, field, message }) => ({ entity, row, line, key, field, message }));
      expect(brief).toEqual([
        { entity: 'units', row: null, line: 1, key: null, field: 'warna', message: 'unknown column "warna"; the columns of units are code, name, kind, parentCode' },
        { entity: 'units', row: 2, line: 3, key: `${p}-B`, field: 'parentCode', message: `no unit has the code ${p}-HILANG (neither in this import nor in the database)` },
        { entity: 'units', row: 3, line: 4, key: `${p}-A`, field: 'code', message: `duplicate code ${p}-A: it is also in row 1 (line 2)` },
        { entity: 'positions', row: 1, line: 2, key: `${p}-X`, field: 'superiorCode', message: `the superiors form a cycle: ${p}-X → ${p}-Y → ${p}-X` },
        { entity: 'positions', row: 2, line: 3, key: `${p}-Y`, field: 'superiorCode', message: `the superiors form a cycle: ${p}-Y → ${p}-X → ${p}-Y` },
        {
          entity: 'positions',
          row: 4,
          line: 5,
          key: `${p}-H2`,
          field: 'isUnitHead',
          message: `unit ${p}-A already has a head post: ${p}-H1 (row 3 (line 4) of this import); a unit has one head post`,
        },
        { entity: 'people', row: 2, line: 3, key: '12345', field: 'nip', message: 'nip must be exactly 18 digits (the NIP of the civil servant)' },
      ]);
      expect(report.errorCount).toBe(7);
      expect(report.errors[1].value).toBe(`${p}-HILANG`);
      expect(await stored({ units: [`${p}-A`, `${p}-B`], positions: [`${p}-X`, `${p}-Y`, `${p}-H1`, `${p}-H2`], nips: [goodNip] })).toEqual({ units: 0, positions: 0, people: 0 });
    });

    it('reports bad JSON rows by row and field, and refuses a body of the wrong shape', async () => {
      const report = invalidReport(
        await importJson({
          units: [{ code: `${p}-J`, name: 'Unit J', kind: 'kabupaten', parentId: idOf('unit', 'PEMKOT') }],
          people: [{ nip: goodNip, name: 'Orang', email: 'bukan email' }, 'bukan baris'],
        }),
      );
      expect(report.errors.map(({ entity, row, field }) => [entity, row, field])).toEqual([
        ['units', 1, 'kind'],
        ['units', 1, 'parentId'],
        ['people', 1, 'email'],
        ['people', 2, null],
      ]);
      expect(report.errors[1].message).toBe('parentId is not a field of units; the fields are code, name, kind, parentCode');
      expect(await stored({ units: [`${p}-J`], nips: [goodNip] })).toMatchObject({ units: 0, people: 0 });

      const shape = await importJson({ units: 'semua', jabatan: [] }).expect(422);
      expect(shape.body.code).toBe('VALIDATION_FAILED');
      expect(shape.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['jabatan', 'units']);
      expect((await importJson({})).body.code).toBe('IMPORT_EMPTY');
    });

    it('refuses a CSV of more than 5000 rows (413), a file over 5 MB (413), a second file and other content types', async () => {
      const many = ['code,name,kind', ...Array.from({ length: 5001 }, (_, i) => `${p}-M${i},Unit ${i},seksi`)].join('\n');
      const tooMany = await importCsv({ units: many }).expect(413);
      expect(tooMany.body).toMatchObject({ code: 'IMPORT_TOO_LARGE', message: expect.stringMatching(/at most 5000 rows.*units: 5001/) });

      const huge = `code,name,kind\n${'x'.repeat(5 * 1024 * 1024)}\n`;
      const tooBig = await importCsv({ positions: huge }).expect(413);
      expect(tooBig.body).toMatchObject({ code: 'FILE_TOO_LARGE', message: expect.stringMatching(/positions is larger than 5 MB/) });

      const twice = await stack.http
        .post('/api/org/import')
        .auth(admin, { type: 'bearer' })
        .attach('units', Buffer.from('code,name,kind\n'), 'a.csv')
        .attach('units', Buffer.from('code,name,kind\n'), 'b.csv');
      expect(twice.status).toBe(422);
      const stray = await stack.http.post('/api/org/import').auth(admin, { type: 'bearer' }).attach('jabatan', Buffer.from('x'), 'x.csv');
      expect(stray.status).toBe(422);
      expect(stray.body.details[0].field).toBe('jabatan');

      const text = await stack.http.post('/api/org/import').auth(admin, { type: 'bearer' }).set('Content-Type', 'text/csv').send('code,name,kind\n');
      expect(text.status).toBe(415);
      expect(await stored({ units: [`${p}-M0`, `${p}-M5000`] })).toMatchObject({ units: 0 });
    });
  });

  it('refuses a non-administrator with 403, in either form, and writes nothing', async () => {
    const org = organization(`N${run}`, nipBase());
    const json = await importJson(org, '', proposer);
    expect(json.status).toBe(403);
    expect(json.body.code).toBe('ROLE_REQUIRED');
    const csv = await importCsv({ units: `code,name,kind,parentCode\nN${run}-X,X,dinas,PEMKOT\n` }, '?dryRun=true', proposer);
    expect(csv.status).toBe(403);
    expect(await stored({ ...keysOf(org), units: [...keysOf(org).units, `N${run}-X`] })).toEqual({ units: 0, positions: 0, people: 0 });
  });
});

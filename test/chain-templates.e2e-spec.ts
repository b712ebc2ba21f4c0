import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { INOVASI_PELAYANAN_PUBLIK_EXAMPLE } from '@apps/api/templates/dto/template.examples';
import { AppStack, positionId, startAppStack, validProposal } from './support/app-stack';

/**
 * Chain templates as an administrator manages them: versioned, immutable once saved, posts named
 * by id or by code and stored by id, every mistake answered with the field that caused it.
 */
describe('chain templates', () => {
  let stack: AppStack;
  let admin: string;
  let proposer: string;

  beforeAll(async () => {
    stack = await startAppStack();
    admin = await stack.tokenFor('Yoga Permana');
    proposer = await stack.tokenFor('Rina Wulandari');
  });

  afterAll(async () => {
    await stack?.close();
  });

  const post = (path: string, body: unknown, token = admin) => stack.http.post(path).auth(token, { type: 'bearer' }).send(body as object);
  const get = (path: string, token = admin) => stack.http.get(path).auth(token, { type: 'bearer' });
  const postRaw = (path: string, raw: string) =>
    stack.http.post(path).auth(admin, { type: 'bearer' }).set('Content-Type', 'application/json').send(raw);

  /** The documented example under another code, claiming no category so it cannot capture other tests' proposals. */
  const example = (code: string) => ({ ...INOVASI_PELAYANAN_PUBLIK_EXAMPLE, code, categories: [] });
  const oneStage = (patch: Record<string, unknown> = {}) => [
    { key: 'kepala-unit', name: 'Kepala Unit Pengusul', approvers: [{ kind: 'head-of-proposer-unit' }], mode: 'any', sla: 'P2D', ...patch },
  ];

  /** The row exactly as Postgres holds it, to show that a version never changes. */
  const storedRow = async (code: string, version: number) =>
    (await stack.dataSource.query(
      `SELECT id, code, version, name, categories, definition::text AS definition, created_at FROM chain_template WHERE code = $1 AND version = $2`,
      [code, version],
    )) as unknown[];

  function detailsOf(res: Response): Map<string, string[]> {
    expect(res.body.details).toEqual(expect.any(Array));
    return new Map((res.body.details as { field: string; messages: string[] }[]).map((d) => [d.field, d.messages]));
  }

  describe('creating and versioning', () => {
    const CODE = 'uji-pelayanan-publik';
    let v1: { id: string; text: string; row: unknown[] };

    it('creates version 1 from the documented example, storing posts by id only', async () => {
      const res = await post('/api/templates', example(CODE)).expect(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        code: CODE,
        version: 1,
        name: 'Inovasi Pelayanan Publik',
        categories: [],
        versions: [1],
        inUse: 0,
        inUseAllVersions: 0,
      });
      expect(res.body.stages.map((s: { key: string }) => s.key)).toEqual([
        'kepala-unit',
        'kepala-unit-induk',
        'kepala-dinas',
        'evaluasi-brida',
        'penetapan-walikota',
      ]);
      expect(res.body.stages[2].approvers).toEqual([{ kind: 'position', positionId: positionId('KADIS-DPMPTSP') }]);
      expect(res.body.stages[3]).toMatchObject({
        mode: 'quorum:2',
        approvers: [{ kind: 'positions', positionIds: ['EVAL-BRIDA-1', 'EVAL-BRIDA-2', 'EVAL-BRIDA-3'].map(positionId) }],
        onTimeout: { action: 'escalate-to', positionId: positionId('KA-BRIDA') },
      });
      expect(res.body.stages[4]).toMatchObject({ requiresDefinitive: true, sla: 'P14D' });
      expect(res.text).not.toMatch(/positionCode/);

      const read = await get(`/api/templates/${CODE}/versions/1`).expect(200);
      v1 = { id: res.body.id, text: read.text, row: await storedRow(CODE, 1) };
      expect(v1.row).toHaveLength(1);
    });

    it('saves a change as version 2 and leaves version 1 byte-identical', async () => {
      const stages = [...example(CODE).stages.slice(0, 4), { ...example(CODE).stages[4], condition: { field: 'budgetEstimate', op: 'gte', value: 500_000_000 } }];
      const res = await post(`/api/templates/${CODE}/versions`, { name: 'Inovasi Pelayanan Publik (revisi)', stages }).expect(201);
      expect(res.body).toMatchObject({ code: CODE, version: 2, name: 'Inovasi Pelayanan Publik (revisi)', categories: [], versions: [1, 2] });
      expect(res.body.id).not.toBe(v1.id);
      expect(res.body.stages[4].condition).toEqual({ field: 'budgetEstimate', op: 'gte', value: 500_000_000 });

      // Name and categories carry over when not given; the stages are always the ones sent.
      const v3 = await post(`/api/templates/${CODE}/versions`, { stages: oneStage() }).expect(201);
      expect(v3.body).toMatchObject({ version: 3, name: 'Inovasi Pelayanan Publik (revisi)', versions: [1, 2, 3] });
      expect(v3.body.stages).toEqual(oneStage());

      const after = await get(`/api/templates/${CODE}/versions/1`).expect(200);
      expect(after.text).toBe(v1.text.replace('"versions":[1]', '"versions":[1,2,3]'));
      expect(await storedRow(CODE, 1)).toEqual(v1.row);
    });

    it('lists the latest version of each code and reads the latest or a given version, for any signed-in user', async () => {
      const list = await get('/api/templates', proposer).expect(200);
      const mine = list.body.items.find((t: { code: string }) => t.code === CODE);
      expect(mine).toMatchObject({ version: 3, versions: [1, 2, 3], inUse: 0, inUseAllVersions: 0 });
      expect(list.body.items.filter((t: { code: string }) => t.code === CODE)).toHaveLength(1);
      expect(list.body.items.find((t: { code: string }) => t.code === 'umum')).toMatchObject({ version: 1, versions: [1] });

      expect((await get(`/api/templates/${CODE}`, proposer).expect(200)).body).toMatchObject({ code: CODE, version: 3 });
      expect((await get(`/api/templates/${CODE}/versions/2`, proposer).expect(200)).body).toMatchObject({ version: 2, stages: expect.any(Array) });
    });

    it('answers 404 for an unknown code or version, and 422 naming version for a version that is not a number', async () => {
      for (const path of [
        '/api/templates/tidak-ada',
        '/api/templates/Bukan%20Kode',
        `/api/templates/${'x'.repeat(500)}`,
        `/api/templates/${CODE}/versions/9`,
        `/api/templates/${CODE}/versions/0`,
        `/api/templates/${CODE}/versions/-1`,
        `/api/templates/${CODE}/versions/99999999999999999999`,
        '/api/templates/tidak-ada/versions/1',
      ]) {
        const res = await get(path);
        expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 404, code: 'NOT_FOUND' });
      }
      const notANumber = await get(`/api/templates/${CODE}/versions/dua`).expect(422);
      expect(notANumber.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'version', messages: ['version must be a whole number'] }] });
      const res = await post('/api/templates/tidak-ada/versions', { stages: oneStage() });
      expect(res.status).toBe(404);
    });

    it('answers 409 for a code that exists', async () => {
      const res = await post('/api/templates', example(CODE)).expect(409);
      expect(res.body.code).toBe('TEMPLATE_EXISTS');
      await post('/api/templates', { ...example('umum') }).expect(409);
      expect((await get(`/api/templates/${CODE}`).expect(200)).body.version).toBe(3);
    });
  });

  it('refuses writes by non-administrators with 403 and changes nothing', async () => {
    const created = await post('/api/templates', example('uji-hanya-admin'), proposer).expect(403);
    expect(created.body.code).toBe('ROLE_REQUIRED');
    await get('/api/templates/uji-hanya-admin').expect(404);
    const approver = await stack.tokenFor('Siti Rahmawati');
    await post('/api/templates/umum/versions', { stages: oneStage() }, approver).expect(403);
    expect((await get('/api/templates/umum').expect(200)).body.versions).toEqual([1]);
    await stack.http.post('/api/templates').send(example('uji-tanpa-token')).expect(401);
  });

  describe('422 with the exact field', () => {
    const UNKNOWN_ID = randomUUID();
    const cases: [what: string, body: Record<string, unknown>, field: string, message: RegExp, code?: string][] = [
      ['no stages at all', {}, 'stages', /array of 1 to 20 stages/],
      ['an empty stages array', { stages: [] }, 'stages', /at least one stage/],
      ['an unknown post by id', { stages: oneStage({ approvers: [{ kind: 'position', positionId: UNKNOWN_ID }] }) }, 'stages[0].approvers[0].positionId', /unknown post/],
      ['a post id that is not an id', { stages: oneStage({ approvers: [{ kind: 'position', positionId: 'KADIS' }] }) }, 'stages[0].approvers[0].positionId', /unknown post/],
      ['an unknown post by code', { stages: oneStage({ approvers: [{ kind: 'position', positionCode: 'KADIS-HILANG' }] }) }, 'stages[0].approvers[0].positionCode', /unknown post "KADIS-HILANG"/],
      [
        'an unknown post in a list of codes',
        { stages: oneStage({ approvers: [{ kind: 'positions', positionCodes: ['EVAL-BRIDA-1', 'EVAL-BRIDA-9'] }] }) },
        'stages[0].approvers[0].positionCodes[1]',
        /unknown post/,
      ],
      [
        'a post given both by id and by code',
        { stages: oneStage({ approvers: [{ kind: 'position', positionId: positionId('WALIKOTA'), positionCode: 'WALIKOTA' }] }) },
        'stages[0].approvers[0].positionCode',
        /not both/,
      ],
      [
        'a quorum larger than the approvers',
        { stages: oneStage({ approvers: [{ kind: 'positions', positionCodes: ['EVAL-BRIDA-1', 'EVAL-BRIDA-2'] }], mode: 'quorum:3' }) },
        'stages[0].mode',
        /quorum:3 needs 3 approvals, but the approvers resolve to at most 2 posts/,
      ],
      ['a bad ISO-8601 duration', { stages: oneStage({ sla: '3 hari' }) }, 'stages[0].sla', /must be an ISO-8601 duration such as P3D or PT12H/],
      ['a reminder not shorter than the SLA', { stages: oneStage({ sla: 'P2D', reminders: ['P2D'] }) }, 'stages[0].reminders[0]', /shorter than the sla \(P2D\)/],
      ['reminders without an SLA', { stages: oneStage({ sla: undefined, reminders: ['P1D'] }) }, 'stages[0].reminders', /need an sla/],
      [
        'a condition on an unknown field',
        { stages: oneStage({ condition: { field: 'unitKerja', op: 'eq', value: 'DINKES' } }) },
        'stages[0].condition.field',
        /budgetEstimate, category, crossAgency/,
      ],
      ['escalate-to without a post', { stages: oneStage({ onTimeout: { action: 'escalate-to' } }) }, 'stages[0].onTimeout.positionId', /required/],
      [
        'escalate-to an unknown post code',
        { stages: oneStage({ onTimeout: { action: 'escalate-to', positionCode: 'ATASAN' } }) },
        'stages[0].onTimeout.positionCode',
        /unknown post "ATASAN"/,
      ],
      ['an unknown property in a stage', { stages: oneStage({ warna: 'merah' }) }, 'stages[0].warna', /should not exist/],
      ['an unknown property in a selector', { stages: oneStage({ approvers: [{ kind: 'head-of-parent-unit', level: 2 }] }) }, 'stages[0].approvers[0].level', /should not exist/],
      ['an unknown property in the body', { stages: oneStage(), warna: 'merah' }, 'warna', /should not exist/, 'VALIDATION_FAILED'],
      ['a category that is not a slug', { stages: oneStage(), categories: ['Pelayanan Publik'] }, 'categories', /slug/, 'VALIDATION_FAILED'],
    ];

    it.each(cases)('refuses %s', async (_what, body, field, message, code = 'INVALID_CHAIN') => {
      for (const [path, full] of [
        ['/api/templates', { code: 'uji-tidak-sah', name: 'Tidak sah', ...body }],
        ['/api/templates/umum/versions', body],
      ] as const) {
        const res = await post(path, JSON.parse(JSON.stringify(full)));
        expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 422, code });
        expect(detailsOf(res).get(field)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
        if (code === 'INVALID_CHAIN') expect(res.body.message).toContain(field);
      }
      await get('/api/templates/uji-tidak-sah').expect(404);
      expect((await get('/api/templates/umum').expect(200)).body.versions).toEqual([1]);
    });

    it('reports every problem of a chain at once', async () => {
      const stages = [
        ...oneStage({ mode: 'quorum:2' }),
        { key: 'kepala-unit', name: '', approvers: [{ kind: 'position', positionCode: 'X' }], mode: 'all', sla: 'P1M' },
      ];
      const res = await post('/api/templates', { code: 'uji-banyak-salah', name: 'Banyak salah', stages }).expect(422);
      expect([...detailsOf(res).keys()].sort()).toEqual(
        ['stages[0].mode', 'stages[1].key', 'stages[1].name', 'stages[1].approvers[0].positionCode', 'stages[1].sla'].sort(),
      );
      expect(res.body.message).toMatch(/^The chain of stages has 5 problems, the first: stages\[\d\]/);
    });
  });

  it.each([
    ['stages as a string', '{"code":"uji-sampah","name":"Sampah","stages":"semua"}'],
    ['stages as an object', '{"code":"uji-sampah","name":"Sampah","stages":{"0":{"key":"a"}}}'],
    ['stages of nulls and arrays', '{"code":"uji-sampah","name":"Sampah","stages":[null,[],[[1]],7]}'],
    ['21 stages', JSON.stringify({ code: 'uji-sampah', name: 'Sampah', stages: Array.from({ length: 21 }, (_, i) => ({ ...oneStage()[0], key: `t-${i}` })) })],
    ['a huge quorum', JSON.stringify({ code: 'uji-sampah', name: 'Sampah', stages: oneStage({ mode: `quorum:${'9'.repeat(500)}` }) })],
    ['numbers beyond double range', '{"code":"uji-sampah","name":"Sampah","stages":[{"key":"a","name":"A","approvers":[{"kind":"head-of-parent-unit"}],"mode":"any","onTimeout":{"action":"return","maxEscalations":1e400},"condition":{"field":"budgetEstimate","op":"gte","value":-1e400}}]}'],
    ['a huge duration', JSON.stringify({ code: 'uji-sampah', name: 'Sampah', stages: oneStage({ sla: `P${'9'.repeat(300)}D` }) })],
    ['post codes of the wrong type', JSON.stringify({ code: 'uji-sampah', name: 'Sampah', stages: oneStage({ approvers: [{ kind: 'position', positionCode: { $ne: null } }, { kind: 'positions', positionCodes: 'EVAL-BRIDA-1' }] }) })],
    ['an over-long post code', JSON.stringify({ code: 'uji-sampah', name: 'Sampah', stages: oneStage({ approvers: [{ kind: 'position', positionCode: 'X'.repeat(5000) }] }) })],
    ['a prototype key', '{"code":"uji-sampah","name":"Sampah","stages":[{"__proto__":{"key":"a","name":"A","approvers":[{"kind":"head-of-parent-unit"}],"mode":"any"}}]}'],
    ['a body nested too deep', `{"code":"uji-sampah","name":"Sampah","stages":${'['.repeat(5000)}${']'.repeat(5000)}}`],
    ['a code of the wrong type', '{"code":["uji"],"name":{"id":"x"},"stages":[]}'],
  ])('answers %s with 422, never a 500', async (_what, raw) => {
    const res = await postRaw('/api/templates', raw);
    expect({ status: res.status, body: res.body }).toEqual({ status: 422, body: expect.objectContaining({ code: expect.stringMatching(/^(INVALID_CHAIN|VALIDATION_FAILED)$/) }) });
    const version = await postRaw('/api/templates/umum/versions', raw.replace('"code":"uji-sampah",', ''));
    expect(version.status).toBeLessThan(500);
    expect(version.status).toBeGreaterThanOrEqual(400);
    await get('/api/templates/uji-sampah').expect(404);
  });

  it('gives concurrent new versions of one code distinct numbers or a 409, never a 500', async () => {
    const CODE = 'uji-serentak';
    await post('/api/templates', { code: CODE, name: 'Serentak', stages: oneStage() }).expect(201);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => post(`/api/templates/${CODE}/versions`, { name: `Serentak ${i}`, stages: oneStage({ sla: `P${i + 1}D` }) })),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const created = answers.filter((r) => r.status === 201).map((r) => r.body.version as number);
    expect(new Set(created).size).toBe(created.length);
    expect(created.length).toBeGreaterThan(0);
    const latest = await get(`/api/templates/${CODE}`).expect(200);
    expect(latest.body.versions).toEqual(Array.from({ length: created.length + 1 }, (_, i) => i + 1));
    // Each stored version holds the stages of the request that got that number.
    for (const r of answers.filter((a) => a.status === 201)) {
      const stored = await get(`/api/templates/${CODE}/versions/${r.body.version}`).expect(200);
      expect({ name: stored.body.name, stages: stored.body.stages }).toEqual({ name: r.body.name, stages: r.body.stages });
    }
  });

  it('documents the endpoints in OpenAPI, with the example chain and the stage schema', async () => {
    const doc = (await stack.http.get('/api/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/templates', '/api/templates/{code}', '/api/templates/{code}/versions', '/api/templates/{code}/versions/{version}']),
    );
    const create = doc.paths['/api/templates'].post;
    expect(create.tags).toEqual(['templates']);
    expect(create.requestBody.content['application/json'].examples['inovasi-pelayanan-publik'].value).toEqual(INOVASI_PELAYANAN_PUBLIK_EXAMPLE);
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '403', '409', '422']));
    expect(doc.components.schemas.StageDefinitionDto.properties).toHaveProperty('onTimeout');
    expect(doc.components.schemas.TemplateView.properties).toHaveProperty('inUse');
  });

  it('gives a proposal naming the template its latest version, and counts it as in use', async () => {
    const CODE = 'uji-dipakai';
    const v1 = await post('/api/templates', { code: CODE, name: 'Dipakai', stages: oneStage() }).expect(201);
    const v2 = await post(`/api/templates/${CODE}/versions`, { stages: oneStage({ sla: 'P4D' }) }).expect(201);

    const proposal = await post('/api/proposals', validProposal({ templateCode: CODE, submit: false }), proposer).expect(201);
    expect(proposal.body).toMatchObject({ status: 'draft', templateId: v2.body.id });

    const used = await get(`/api/templates/${CODE}/versions/2`, proposer).expect(200);
    expect(used.body.inUse).toBeGreaterThanOrEqual(1);
    expect(used.body.inUseAllVersions).toBe(used.body.inUse);
    const unused = await get(`/api/templates/${CODE}/versions/1`).expect(200);
    expect(unused.body).toMatchObject({ id: v1.body.id, inUse: 0 });
    const listed = await get('/api/templates').expect(200);
    expect(listed.body.items.find((t: { code: string }) => t.code === CODE)).toMatchObject({ version: 2, inUse: used.body.inUse });
  });
  describe('one template per category', () => {
    const category = 'uji-rute-kategori';
    const routed = async (c = category) => (await post('/api/proposals', validProposal({ category: c, submit: false }), proposer).expect(201)).body.templateId;
    const auditOf = async (code: string) =>
      (await get(`/api/admin/audit?targetType=template&targetId=${code}&pageSize=100`).expect(200)).body.items as {
        action: string;
        outcome: string;
        errorCode: string | null;
        summary: { body?: Record<string, unknown>; result?: Record<string, unknown> };
      }[];

    it('refuses a second claim on a category with 409 naming the template that holds it, and stores nothing', async () => {
      const first = await post('/api/templates', { code: 'uji-rute-a', name: 'Rute A', categories: [category], stages: oneStage() }).expect(201);
      expect(first.body.categoryChanges).toEqual([]);
      expect(await routed()).toBe(first.body.id);

      const refused = await post('/api/templates', { code: 'uji-rute-b', name: 'Rute B', categories: ['uji-rute-lain', category], stages: oneStage() });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 'CATEGORY_CLAIMED',
        message: expect.stringContaining('The category "uji-rute-kategori" is claimed by the template "uji-rute-a" (Rute A, version 1)'),
        details: [{ field: 'categories', messages: ['category "uji-rute-kategori" is claimed by the template "uji-rute-a" (Rute A, version 1)'] }],
      });
      expect(refused.body.message).toContain('takeOverCategories');
      await get('/api/templates/uji-rute-b').expect(404);
      expect(await routed()).toBe(first.body.id);
      // The refusal is in the admin audit log too.
      expect((await auditOf('uji-rute-b'))[0]).toMatchObject({ action: 'template.create', outcome: 'failed', errorCode: 'CATEGORY_CLAIMED' });
    });

    it('takes a category over when asked: the other template gets a new version without it, both record the move, and so does the audit log', async () => {
      const a1 = await get('/api/templates/uji-rute-a/versions/1').expect(200);
      const b = await post('/api/templates', { code: 'uji-rute-b', name: 'Rute B', categories: ['uji-rute-lain', category], stages: oneStage(), takeOverCategories: true }).expect(201);
      expect(b.body).toMatchObject({
        version: 1,
        categories: ['uji-rute-lain', category],
        categoryChanges: [{ kind: 'taken-over', category, templateCode: 'uji-rute-a', templateVersion: 1 }],
      });
      const a2 = await get('/api/templates/uji-rute-a').expect(200);
      expect(a2.body).toMatchObject({
        version: 2,
        name: 'Rute A',
        categories: [],
        stages: a1.body.stages,
        categoryChanges: [{ kind: 'given-up', category, templateCode: 'uji-rute-b', templateVersion: 1 }],
      });
      // Version 1 of A is as it was; new proposals of the category go to B, the one claimant.
      expect((await get('/api/templates/uji-rute-a/versions/1').expect(200)).body).toMatchObject({ categories: [category], categoryChanges: [] });
      expect(await routed()).toBe(b.body.id);
      expect(await stack.dataSource.query(
        `SELECT code FROM chain_template t WHERE $1 = ANY(t.categories) AND t.version = (SELECT max(l.version) FROM chain_template l WHERE l.code = t.code)`,
        [category],
      )).toEqual([{ code: 'uji-rute-b' }]);

      const [entry] = await auditOf('uji-rute-b');
      expect(entry).toMatchObject({ action: 'template.create', outcome: 'succeeded', errorCode: null });
      expect(entry.summary.body).toMatchObject({ takeOverCategories: true });
      expect(entry.summary.result).toEqual({ templateId: b.body.id, version: 1, categoriesTakenOver: [{ category, from: 'uji-rute-a', fromVersion: 1 }] });
    });

    it('treats a new version like a new template: its categories, given or kept, may not be another template\'s', async () => {
      // A's new version wants the category back.
      const back = await post('/api/templates/uji-rute-a/versions', { categories: [category], stages: oneStage() });
      expect(back.status).toBe(409);
      expect(back.body).toMatchObject({ code: 'CATEGORY_CLAIMED', details: [{ field: 'categories', messages: [expect.stringContaining('"uji-rute-b" (Rute B, version 1)')] }] });
      expect((await get('/api/templates/uji-rute-a').expect(200)).body.version).toBe(2);

      // B's own new version keeps its categories without asking: they are its own.
      const b2 = await post('/api/templates/uji-rute-b/versions', { stages: oneStage({ sla: 'P3D' }) }).expect(201);
      expect(b2.body).toMatchObject({ version: 2, categories: ['uji-rute-lain', category], categoryChanges: [] });

      // A takes one of them back with a version of its own; B gives it up in version 3 and keeps the other.
      const a3 = await post('/api/templates/uji-rute-a/versions', { categories: [category], stages: oneStage(), takeOverCategories: true }).expect(201);
      expect(a3.body).toMatchObject({ version: 3, categoryChanges: [{ kind: 'taken-over', category, templateCode: 'uji-rute-b', templateVersion: 2 }] });
      const b3 = await get('/api/templates/uji-rute-b').expect(200);
      expect(b3.body).toMatchObject({
        version: 3,
        categories: ['uji-rute-lain'],
        stages: b2.body.stages,
        categoryChanges: [{ kind: 'given-up', category, templateCode: 'uji-rute-a', templateVersion: 3 }],
      });
      expect(await routed()).toBe(a3.body.id);
      expect(await routed('uji-rute-lain')).toBe(b3.body.id);
      const [entry] = await auditOf('uji-rute-a');
      expect(entry).toMatchObject({ action: 'template.version.create', outcome: 'succeeded' });
      expect(entry.summary.result).toMatchObject({ version: 3, categoriesTakenOver: [{ category, from: 'uji-rute-b', fromVersion: 2 }] });

      // Giving a category up needs nobody's leave; without a claimant it falls back to the default template.
      await post('/api/templates/uji-rute-a/versions', { categories: [], stages: oneStage() }).expect(201);
      expect(await routed()).toBe((await get('/api/templates/umum').expect(200)).body.id);
    });

    it('refuses a takeOverCategories that is not a boolean with 422 naming it', async () => {
      const res = await post('/api/templates', { code: 'uji-rute-c', name: 'Rute C', categories: ['uji-rute-c'], stages: oneStage(), takeOverCategories: 'ya' });
      expect(res.status).toBe(422);
      expect(detailsOf(res).get('takeOverCategories')).toEqual(['takeOverCategories must be true or false']);
    });

    it('keeps routing data from before the rule, where two current versions claim a category, to the newer claim; a new claim names both', async () => {
      const legacy = 'uji-rute-lama';
      const insert = (code: string, createdAt: string) =>
        stack.dataSource.query(
          `INSERT INTO chain_template (id, code, version, name, categories, definition, created_at) VALUES ($1, $2, 1, $3, $4, $5, $6)`,
          [randomUUID(), code, `Lama ${code}`, [legacy], { stages: oneStage() }, createdAt],
        );
      await insert('uji-lama-a', '2025-01-01T00:00:00Z');
      await insert('uji-lama-b', '2025-02-01T00:00:00Z');
      const newer = await get('/api/templates/uji-lama-b').expect(200);
      expect(await routed(legacy)).toBe(newer.body.id);

      const res = await post('/api/templates', { code: 'uji-lama-c', name: 'Lama C', categories: [legacy], stages: oneStage() });
      expect(res.status).toBe(409);
      expect(res.body.message).toContain('(and 1 other template)');
      expect(res.body.details).toEqual([
        {
          field: 'categories',
          messages: [
            'category "uji-rute-lama" is claimed by the template "uji-lama-a" (Lama uji-lama-a, version 1)',
            'category "uji-rute-lama" is claimed by the template "uji-lama-b" (Lama uji-lama-b, version 1)',
          ],
        },
      ]);
      // Taking it over settles it: both give it up.
      await post('/api/templates', { code: 'uji-lama-c', name: 'Lama C', categories: [legacy], stages: oneStage(), takeOverCategories: true }).expect(201);
      for (const code of ['uji-lama-a', 'uji-lama-b']) {
        expect((await get(`/api/templates/${code}`).expect(200)).body).toMatchObject({ version: 2, categories: [], categoryChanges: [{ kind: 'given-up', templateCode: 'uji-lama-c' }] });
      }
      expect(await routed(legacy)).toBe((await get('/api/templates/uji-lama-c').expect(200)).body.id);
    });
  });
});

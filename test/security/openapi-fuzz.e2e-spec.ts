import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Response } from 'supertest';
import type { StageDefinition } from '@libs/domain/chain';
import { PersonEntity } from '@libs/persistence/entities';
import { AppStack, startAppStack, validProposal } from '../support/app-stack';
import { buildOrg, Org } from '../support/org-fixture';
import { insertTemplate } from '../support/templates';
import {
  Actor,
  describeRequest,
  FuzzRequest,
  HOSTILE_TEXT,
  Hints,
  OpenApiDoc,
  Operation,
  operationsOf,
  QueryPart,
  RawJson,
  requestArb,
  RequestContext,
  Schemas,
  setOwn,
  SIGNED_IN,
  toJsonText,
  urlOf,
  ValueGenerator,
} from './openapi-fuzz-support';
import { expectErrorShape, openTasks, proposalStatus } from './security-support';

/**
 * Requests generated from the live OpenAPI document, for every operation in it: path parameters
 * (ids of real objects, random uuids, garbage), query parameters per their schema and mutated, bodies
 * from the requestBody schema (near-valid and mutated: fields missing, retyped, nulled or unknown,
 * deep nesting, long, unicode, SQL and script text, odd numbers), odd Idempotency-Key / If-Match and
 * other headers, odd content types, sent signed in as a proposer, an approver and an administrator,
 * with a forged token and with none. Whatever is sent, the answer is below 500, and every refusal
 * comes in the one error shape. A new endpoint is fuzzed as soon as it is in the document.
 *
 * Writes go to this file's own organization only (see `guardBody` and the value pools): the demo
 * organization and the objects of other test files never change. What the fuzz found is kept below
 * as explicit regressions.
 *
 * Fixed seed by default; explore with FUZZ_SEED=123 FUZZ_RUNS=300 npx jest --selectProjects e2e --testPathPatterns openapi-fuzz
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20260611);
const RUNS = Number(process.env.FUZZ_RUNS ?? 80);

/** One stage, the head of the proposer's unit (who may return): every approval of this file stays inside its organization. */
const STAGES: StageDefinition[] = [{ key: 'kasi', name: 'Kepala Seksi Uji Masukan', approvers: [{ kind: 'head-of-proposer-unit' }], mode: 'any', sla: 'P5D', mayReturn: true }];

/** The posts the signed-in people act in: never moved, appointed to or ended by the fuzz, so that it keeps reaching the services. */
const CORE_POSTS = ['kadis', 'kasi', 'staf'];

interface Pools {
  proposals: string[];
  tasks: string[];
  units: string[];
  unitCodes: string[];
  posts: string[];
  postCodes: string[];
  /** Posts the fuzz may change: all but CORE_POSTS. */
  sparePosts: string[];
  people: string[];
  /** People the fuzz may appoint, delegate to and hand tasks to: not the signed-in ones. */
  bystanders: string[];
  appointments: string[];
  delegations: string[];
  templates: string[];
}

interface Stats {
  runs: number;
  statuses: Map<number, number>;
}

type SignedIn = 'proposer' | 'approver' | 'admin';

describe('Schema-driven hostile input (OpenAPI fuzz)', () => {
  let stack: AppStack;
  let org: Org;
  let doc: OpenApiDoc;
  let operations: Operation[];
  let templateCode: string;
  let categories: string[];
  let pools: Pools;
  let foreign: Set<string>;
  const tokens = {} as Record<SignedIn, string>;
  const stats = new Map<string, Stats>();
  let fuzzSeconds = 0;
  let counter = 0;

  beforeAll(async () => {
    // The fuzz sends what no client of the document would (bodies to operations that take none, odd
    // encodings, hostile headers) on purpose: its answers are held to "below 500, in the error shape"
    // here, not to the document, which the other API tests check on every request.
    stack = await startAppStack({ checkResponses: false });
    // Everything that exists before this file's organization belongs to someone else: never written to.
    foreign = await identifiersInDatabase(stack);
    // Names late in the alphabet: the sign-in page lists the first people by name, and other tests look for theirs there.
    org = await buildOrg(stack, {
      units: [
        { key: 'dinas', name: 'Dinas Uji Masukan', kind: 'dinas' },
        { key: 'seksi', name: 'Seksi Uji Masukan', kind: 'seksi', parent: 'dinas' },
        { key: 'cadangan', name: 'Bidang Cadangan Uji Masukan', kind: 'bidang', parent: 'dinas' },
      ],
      posts: [
        { key: 'kadis', title: 'Kepala Dinas Uji Masukan', unit: 'dinas', level: 'jpt-pratama', head: true, holder: 'kadis' },
        { key: 'kasi', title: 'Kepala Seksi Uji Masukan', unit: 'seksi', level: 'pengawas', superior: 'kadis', head: true, holder: 'approver' },
        { key: 'staf', title: 'Pengadministrasi Uji Masukan', unit: 'seksi', level: 'pelaksana', superior: 'kasi', holder: 'proposer' },
        { key: 'cadangan1', title: 'Analis Cadangan Satu', unit: 'cadangan', level: 'pelaksana', superior: 'kadis', holder: 'cadangan1' },
        { key: 'cadangan2', title: 'Analis Cadangan Dua', unit: 'cadangan', level: 'pelaksana', superior: 'kadis' },
      ],
      people: {
        proposer: 'Zz Pengusul Uji Masukan',
        approver: 'Zz Kasi Uji Masukan',
        kadis: 'Zz Kadis Uji Masukan',
        admin: 'Zz Admin Uji Masukan',
        cadangan1: 'Zz Cadangan Satu',
        cadangan2: 'Zz Cadangan Dua',
        delegate: 'Zz Pengganti Uji Masukan',
      },
      admins: ['admin'],
    });
    const people = stack.dataSource.getRepository(PersonEntity);
    await people.update({ id: org.person('proposer') }, { roles: ['proposer'] });
    for (const key of ['approver', 'kadis']) await people.update({ id: org.person(key) }, { roles: ['approver'] });
    for (const actor of ['proposer', 'approver', 'admin'] as const) {
      tokens[actor] = (await stack.http.post('/api/auth/dev-login').send({ nip: org.nip(actor) }).expect(200)).body.accessToken;
    }
    templateCode = await insertTemplate(stack.dataSource, STAGES, `fuzz-${org.suffix}`);
    categories = [`fz${org.suffix}-satu`, `fz${org.suffix}-dua`];

    // Objects for the path parameters to name: drafts, proposals under review with an open task, a returned one, a delegation.
    const proposer = await org.as('proposer');
    const approver = await org.as('approver');
    const create = async (submit: boolean, i: number) =>
      (await proposer.post('/api/proposals', validProposal({ title: `Uji masukan ${org.suffix} ${i}`, category: categories[0], templateCode, submit })).expect(201)).body.id as string;
    for (let i = 0; i < 3; i++) await create(false, i);
    const inReview: string[] = [];
    for (let i = 0; i < 5; i++) inReview.push(await create(true, 10 + i));
    for (const id of inReview.slice(0, 2)) {
      const [toReturn] = await openTasks(stack.dataSource, id);
      await approver.post(`/api/tasks/${toReturn.id}/decision`, { decision: 'return', comment: 'Lengkapi rencana uji coba.' }).expect(200);
      await proposalStatus(stack.dataSource, id, 'returned');
    }
    for (const id of inReview.slice(2)) await openTasks(stack.dataSource, id);
    const start = Date.now() + 20 * 86_400_000;
    await approver
      .post('/api/delegations', { positionId: org.post('kasi'), delegatePersonId: org.person('delegate'), startsAt: new Date(start).toISOString(), endsAt: new Date(start + 86_400_000).toISOString(), reason: 'Cuti tahunan' })
      .expect(201);

    doc = (await stack.http.get('/api/docs-json').expect(200)).body as OpenApiDoc;
    operations = operationsOf(doc);
    pools = await poolsNow();
  }, 120_000);

  afterAll(async () => {
    if (stats.size > 0) console.log(summary());
    await stack?.close();
  });

  /** Ids and codes of this file's objects, as they are now (the fuzz creates and closes some as it goes). */
  async function poolsNow(): Promise<Pools> {
    const ds = stack.dataSource;
    const like = `%${org.suffix}%`;
    const column = async (sql: string, params: unknown[]) => (await ds.query<{ v: string }[]>(sql, params)).map((r) => r.v);
    const posts = await ds.query<{ id: string; code: string }[]>('SELECT id, code FROM position WHERE code ILIKE $1 ORDER BY created_at', [like]);
    const units = await ds.query<{ id: string; code: string }[]>('SELECT id, code FROM org_unit WHERE code ILIKE $1 ORDER BY created_at', [like]);
    const core = new Set(CORE_POSTS.map((key) => org.post(key)));
    const spare = posts.filter((p) => !core.has(p.id)).map((p) => p.id);
    const signedIn = new Set(['proposer', 'approver', 'admin', 'kadis'].map((key) => org.person(key)));
    const people = await column('SELECT id AS v FROM person WHERE email ILIKE $1 ORDER BY created_at', [like]);
    return {
      // The newest few of each status, so that drafts, returned and closed proposals all stay in reach however many the fuzz creates.
      proposals: await column(
        `SELECT id AS v FROM (SELECT id, created_at, row_number() OVER (PARTITION BY status ORDER BY created_at DESC) AS n FROM proposal WHERE proposer_id = $1) p
          WHERE n <= 4 ORDER BY created_at`,
        [org.person('proposer')],
      ),
      // Open tasks first: they are the ones a decision can still reach.
      tasks: await column(
        `SELECT t.id AS v FROM approval_task t JOIN proposal p ON p.id = t.proposal_id WHERE p.proposer_id = $1
          ORDER BY (t.status = 'open') DESC, t.created_at DESC LIMIT 20`,
        [org.person('proposer')],
      ),
      units: units.map((u) => u.id),
      unitCodes: units.map((u) => u.code),
      posts: posts.map((p) => p.id),
      postCodes: posts.map((p) => p.code),
      sparePosts: spare,
      people,
      bystanders: people.filter((id) => !signedIn.has(id)),
      appointments: spare.length ? await column('SELECT id AS v FROM appointment WHERE position_id = ANY($1) ORDER BY created_at', [spare]) : [],
      delegations: await column('SELECT d.id AS v FROM delegation d WHERE d.position_id = ANY($1) ORDER BY created_at', [posts.map((p) => p.id)]),
      templates: await column('SELECT DISTINCT code AS v FROM chain_template WHERE code ILIKE $1 ORDER BY code', [like]),
    };
  }

  const pick = (values: string[]) => (values.length ? fc.constantFrom(...values) : fc.uuid({ version: 4 }));
  const some = (values: string[], minLength = 0) =>
    values.length ? fc.subarray(values, { minLength: Math.min(minLength, values.length), maxLength: Math.min(3, values.length) }) : fc.array(fc.uuid({ version: 4 }), { minLength, maxLength: 2 });
  const fresh = (make: (n: number) => string) => fc.nat({ max: 999 }).map(() => make(++counter));

  /** Real values (this file's objects) for the properties that name one, and fresh unique ones for the keys of new objects. */
  const hints: Hints = (owner, prop) => {
    const writesPeople = owner === 'CreatePersonDto' || owner === 'ImportPersonRow';
    switch (prop) {
      case 'nip':
        return owner === 'DevLoginDto' ? fc.constantFrom(...['proposer', 'approver', 'admin', 'delegate'].map((key) => org.nip(key))) : writesPeople ? fresh(() => `19${String(Date.now()).slice(-9)}${String(counter).padStart(7, '0')}`) : undefined;
      case 'email':
        return fresh((n) => `fz${n}.${org.suffix}@contoh.go.id`);
      case 'code':
        return owner === 'CreateTemplateDto' ? fresh((n) => `fz-${org.suffix}-${n}`) : fresh((n) => `FZ-${org.suffix}-${n}`.toUpperCase());
      case 'category':
        return fc.constantFrom(...categories);
      case 'categories':
        return fc.subarray(categories);
      case 'templateCode':
        return pick(pools.templates);
      case 'unitId':
      case 'parentId':
        return pick(pools.units);
      case 'collaboratingUnitIds':
        return some(pools.units);
      case 'parentCode':
      case 'unitCode':
        return pick(pools.unitCodes);
      case 'positionId':
      case 'superiorPositionId':
        return pick(pools.posts);
      case 'positionIds':
        return some(pools.posts, 1);
      case 'positionCode':
      case 'superiorCode':
        return pick(pools.postCodes);
      case 'positionCodes':
        return some(pools.postCodes, 1);
      case 'personId':
      case 'delegatePersonId':
      case 'toPersonId':
        return pick(pools.bystanders);
      case 'recipientPersonId':
      case 'actor':
        return pick(pools.people);
      case 'taskId':
        return pick(pools.tasks);
      case 'taskIds':
        return some(pools.tasks, 1);
      case 'proposalId':
        return pick(pools.proposals);
      default:
        return undefined;
    }
  };

  /** Replaces every identifier of someone else's object (a demo code, a seeded id, …) that a generated value happens to hold. */
  const scrub = (value: unknown): unknown => {
    if (typeof value === 'string') return foreign.has(value.toLowerCase()) ? `scrubbed-${org.suffix}` : value;
    if (Array.isArray(value)) return value.map(scrub);
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) setOwn(out, k, scrub(v));
      return out;
    }
    return value;
  };

  const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

  const context = (): RequestContext => {
    const schemas = new Schemas(doc.components.schemas);
    return {
      schemas,
      values: new ValueGenerator(schemas, hints),
      pathValues(op, param) {
        const segments = op.path.split('/');
        const resource = segments[segments.indexOf(`{${param.name}}`) - 1];
        const write = op.method !== 'get';
        switch (resource) {
          case 'proposals':
            return pools.proposals;
          case 'tasks':
            return pools.tasks;
          case 'units':
            return pools.units;
          case 'positions':
            return write ? pools.sparePosts : pools.posts;
          case 'people':
            return pools.people;
          case 'appointments':
            return pools.appointments;
          case 'delegations':
            return pools.delegations;
          case 'templates':
            return write ? pools.templates : [...pools.templates, 'umum'];
          default:
            return [];
        }
      },
      guardBody(op, value) {
        if (op.method === 'get' || op.id.startsWith('POST /api/auth/')) return value;
        const body = scrub(value);
        if (!isRecord(body)) return body;
        // Keep new proposals on this file's chain and categories (a demo category would route them to demo posts).
        if (op.path.startsWith('/api/proposals')) {
          if (typeof body.category === 'string' && !body.category.startsWith(`fz${org.suffix}`)) body.category = `fz${org.suffix}-${body.category}`;
          if (op.id === 'POST /api/proposals' && !('templateCode' in body)) body.templateCode = templateCode;
        }
        if (op.path.startsWith('/api/templates') && Array.isArray(body.categories)) {
          body.categories = body.categories.map((c: unknown) => (typeof c === 'string' && !c.startsWith(`fz${org.suffix}`) ? `fz${org.suffix}-${c}` : c));
        }
        if (op.path.startsWith('/api/people') && typeof body.name === 'string') body.name = `Zz ${body.name}`;
        return body;
      },
      guardQuery(op, query) {
        // An import is only ever checked, never written: dryRun=true, or a value the validator refuses.
        if (op.id !== 'POST /api/org/import') return query;
        const kept: QueryPart[] = query.map((q) => (q.key === 'dryRun' && q.value.value.trim() === 'false' ? { key: q.key, value: { value: 'true' } } : q));
        return kept.some((q) => q.key === 'dryRun') ? kept : [...kept, { key: 'dryRun', value: { value: 'true' } }];
      },
    };
  };

  async function send(op: Operation, req: FuzzRequest): Promise<Response> {
    let test = stack.http[op.method](urlOf(op, req)).timeout({ response: 20_000, deadline: 40_000 });
    if (req.actor === 'forged') test = test.set('Authorization', req.forgery);
    else if (req.actor !== 'anonymous') test = test.set('Authorization', `Bearer ${tokens[req.actor]}`);
    for (const [name, value] of Object.entries(req.headers)) test = test.set(name, value);
    const body = req.body;
    if (body?.kind === 'json') test = test.set('Content-Type', 'application/json').send(toJsonText(body.value));
    if (body?.kind === 'raw') {
      if (body.contentType !== undefined) test = test.set('Content-Type', body.contentType);
      for (const [name, value] of Object.entries(body.headers ?? {})) test = test.set(name, value);
      test = test.send(body.text);
    }
    if (body?.kind === 'multipart') {
      for (const part of body.parts) {
        test = part.filename === undefined ? test.field(part.name, part.content.toString()) : test.attach(part.name, Buffer.from(part.content), { filename: part.filename, contentType: 'text/csv' });
      }
    }
    try {
      return await test;
    } catch (err) {
      throw new Error(`no answer (${(err as Error).message}) to ${describeRequest(op, req)}`);
    }
  }

  /** Below 500 always; a refusal in the one error shape, with the correlation id of its header and no internals. */
  function checkAnswer(op: Operation, req: FuzzRequest, res: Response): void {
    const what = () => `${res.status} ${JSON.stringify(res.body).slice(0, 500)} for ${describeRequest(op, req)}`;
    if (res.status >= 500) throw new Error(`a server error: ${what()}`);
    if (res.status < 400) return;
    const body = res.body as Record<string, unknown>;
    const shaped =
      /application\/json/.test(String(res.headers['content-type'])) &&
      body.statusCode === res.status &&
      typeof body.error === 'string' &&
      typeof body.code === 'string' &&
      typeof body.message === 'string' &&
      typeof body.correlationId === 'string' &&
      body.correlationId !== '' &&
      body.correlationId === res.headers['x-correlation-id'];
    if (!shaped) throw new Error(`a refusal not in the error shape: ${what()}`);
    if (/\bat .+\.(ts|js):\d+|"stack"|QueryFailedError|TypeORMError/.test(JSON.stringify(body))) throw new Error(`internals in a refusal: ${what()}`);
  }

  function record(op: Operation, res: Response): void {
    const s = stats.get(op.id) ?? { runs: 0, statuses: new Map() };
    stats.set(op.id, s);
    s.runs++;
    s.statuses.set(res.status, (s.statuses.get(res.status) ?? 0) + 1);
  }

  function summary(): string {
    const cls = (s: Stats, c: number) => [...s.statuses].filter(([status]) => Math.floor(status / 100) === c).reduce((n, [, k]) => n + k, 0);
    const width = Math.max(...[...stats.keys()].map((k) => k.length));
    const total = [...stats.values()].reduce((n, s) => n + s.runs, 0);
    const lines = [...stats].map(([id, s]) => {
      const statuses = [...s.statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ');
      return `  ${id.padEnd(width)} ${String(s.runs).padStart(5)} ${[2, 3, 4, 5].map((c) => String(cls(s, c)).padStart(5)).join('')}   ${statuses}`;
    });
    return [
      `OpenAPI fuzz: ${stats.size} operations × ${RUNS} generated runs (FUZZ_SEED=${SEED}), plus a probe per role and any shrinking: ${total} requests in ${fuzzSeconds.toFixed(1)} s`,
      `  ${'operation'.padEnd(width)}  runs  2xx  3xx  4xx  5xx   statuses`,
      ...lines,
    ].join('\n');
  }

  /**
   * The signed-in actors the operation lets through to validation and the service: those a plain
   * request (real path ids, no query, no body) is not answered 401 or 403.
   */
  async function admittedActors(op: Operation, ctx: RequestContext): Promise<Actor[]> {
    const admitted: Actor[] = [];
    for (const actor of SIGNED_IN) {
      const pathParams = Object.fromEntries(op.pathParams.map((p) => [p.name, { value: ctx.pathValues(op, p)[0] ?? (p.schema?.type === 'number' ? '1' : randomUUID()) }]));
      const req: FuzzRequest = { actor, forgery: '', pathParams, query: ctx.guardQuery(op, []), headers: {} };
      const res = await send(op, req);
      record(op, res);
      checkAnswer(op, req, res);
      if (res.status !== 401 && res.status !== 403) admitted.push(actor);
    }
    return admitted;
  }

  /** A stable seed per operation: adding an endpoint does not change the requests sent to the others. */
  const seedFor = (id: string) => [...id].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) | 0, SEED);

  it('stores SQL, script, unicode, right-to-left and emoji text verbatim and gives it back as JSON', async () => {
    const proposer = await org.as('proposer');
    const admin = await org.as('admin');
    // Hostile text a client may legitimately send (no NUL, well-formed unicode), mixed with generated graphemes.
    const pieces = HOSTILE_TEXT.filter((t) => t.trim() !== '' && !t.includes('\u0000') && !/\p{Cs}/u.test(t));
    const text = (min: number, max: number) =>
      fc
        .array(fc.oneof({ arbitrary: fc.constantFrom(...pieces), weight: 3 }, { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), weight: 1 }), { minLength: 1, maxLength: 5 })
        // Lengths are checked in code points (an emoji is one), not UTF-16 units.
        .map((parts) => `Uji ${parts.join(' ')}`)
        .map((t) => `${t}${'.'.repeat(Math.max(0, min - [...t].length))}`)
        .filter((t) => t.length <= max && !t.includes('\u0000') && !/\p{Cs}/u.test(t));
    await fc.assert(
      fc.asyncProperty(fc.record({ title: text(5, 200), problem: text(10, 2_000), goals: text(0, 500), indicator: text(1, 200), unitName: text(1, 200) }), async (t) => {
        const content = { title: t.title, problem: t.problem, goals: t.goals, indicators: [{ name: t.indicator, baseline: t.goals.slice(0, 200), target: t.indicator }] };
        const created = await proposer.post('/api/proposals', validProposal({ ...content, templateCode, category: categories[0], submit: false }));
        expect({ status: created.status, body: created.status === 201 ? undefined : created.body }).toEqual({ status: 201, body: undefined });
        expect(created.body).toMatchObject(content);
        const read = await proposer.get(`/api/proposals/${created.body.id}`).expect(200);
        expect(read.headers['content-type']).toMatch(/^application\/json/);
        expect(read.headers['x-content-type-options']).toBe('nosniff');
        expect(read.body).toMatchObject(content);
        const listed = await proposer.get(`/api/proposals?status=draft&pageSize=100`).expect(200);
        expect(listed.body.items.find((p: { id: string }) => p.id === created.body.id)?.title).toBe(t.title);

        const unit = org.unit('cadangan');
        await admin.patch(`/api/units/${unit}`, { name: t.unitName }).expect(200);
        expect((await admin.get(`/api/units/${unit}`).expect(200)).body.name).toBe(t.unitName);
      }),
      { numRuns: 12, seed: SEED },
    );
  }, 120_000);

  describe('cases the fuzz found, kept as regressions', () => {
    const inReview = async () => {
      const proposer = await org.as('proposer');
      const id = (await proposer.post('/api/proposals', validProposal({ title: `Uji regresi ${org.suffix}`, category: categories[0], templateCode })).expect(201)).body.id as string;
      const [task] = await openTasks(stack.dataSource, id);
      return { id, taskId: task.id };
    };

    // class-validator's maxDecimalPlaces read the decimals off the number's text and threw on `1e-7` (500).
    it.each([['1e-7'], ['5e-324'], ['1.5e-10']])('refuses the budget %s with 422 naming budgetEstimate, on create and on edit', async (budget) => {
      const proposer = await org.as('proposer');
      const body = toJsonText({ ...validProposal({ templateCode, category: categories[0], submit: false }), budgetEstimate: new RawJson(budget) });
      const created = await stack.http.post('/api/proposals').auth(tokens.proposer, { type: 'bearer' }).set('Content-Type', 'application/json').send(body);
      expectErrorShape(created, 422, 'VALIDATION_FAILED');
      expect(created.body.details).toEqual([{ field: 'budgetEstimate', messages: ['budgetEstimate must have at most 2 decimal places'] }]);
      const draft = (await proposer.post('/api/proposals', validProposal({ templateCode, category: categories[0], submit: false })).expect(201)).body.id as string;
      const edited = await stack.http.patch(`/api/proposals/${draft}`).auth(tokens.proposer, { type: 'bearer' }).set('Content-Type', 'application/json').send(`{"budgetEstimate":${budget}}`);
      expectErrorShape(edited, 422, 'VALIDATION_FAILED');
      expect(edited.body.details).toEqual([{ field: 'budgetEstimate', messages: ['budgetEstimate must have at most 2 decimal places'] }]);
      // Two decimal places, however written, still pass.
      await stack.http.patch(`/api/proposals/${draft}`).auth(tokens.proposer, { type: 'bearer' }).set('Content-Type', 'application/json').send('{"budgetEstimate":1.25e2}').expect(200);
    });

    // IsOptional let a null budget through to the service, which called toFixed on it (500).
    it('refuses a null budget on create with 422 naming budgetEstimate; on edit null clears it', async () => {
      const proposer = await org.as('proposer');
      const created = await proposer.post('/api/proposals', validProposal({ budgetEstimate: null, templateCode, category: categories[0], submit: false }));
      expectErrorShape(created, 422, 'VALIDATION_FAILED');
      expect(created.body.details.map((d: { field: string }) => d.field)).toEqual(['budgetEstimate']);
      const draft = (await proposer.post('/api/proposals', validProposal({ templateCode, category: categories[0], submit: false })).expect(201)).body.id as string;
      expect((await proposer.patch(`/api/proposals/${draft}`, { budgetEstimate: null }).expect(200)).body.budgetEstimate).toBeNull();
    });

    // validator.js measures an email by encoding it (encodeURI), which threw URIError on half of a surrogate pair (500).
    it('refuses text holding half of a surrogate pair with 422 naming the field', async () => {
      const surrogate = 'must be Unicode text: it holds half of a surrogate pair';
      const person = await (await org.as('admin')).post('/api/people', { nip: `19${String(Date.now()).slice(-9)}0000001`, name: 'Zz Uji Surogat', email: '\ud800' });
      expectErrorShape(person, 422, 'VALIDATION_FAILED');
      expect(person.body.details).toEqual([{ field: 'email', messages: [surrogate] }]);
      // Postgres would have kept U+FFFD in place of the half (or refused it in jsonb): not the text that was sent.
      const proposal = await (await org.as('proposer')).post('/api/proposals', validProposal({ title: 'Judul \ud83d terpotong', indicators: [{ name: 'x\udc00', baseline: '', target: '' }], templateCode, submit: false }));
      expectErrorShape(proposal, 422, 'VALIDATION_FAILED');
      expect(proposal.body.details).toEqual(expect.arrayContaining([{ field: 'title', messages: [surrogate] }, { field: 'indicators.0.name', messages: [surrogate] }]));
    });

    // A task id in capitals found the task in Postgres but not in the workflow, which answered 503 "resuming after an interruption".
    it('decides a task named by its id in capitals', async () => {
      const { id, taskId } = await inReview();
      const res = await (await org.as('approver')).post(`/api/tasks/${taskId.toUpperCase()}/decision`, { decision: 'approve', comment: 'Setuju.' });
      expect({ status: res.status, body: res.status === 200 ? undefined : res.body }).toEqual({ status: 200, body: undefined });
      expect(res.body).toMatchObject({ taskId, decision: 'approve' });
      await proposalStatus(stack.dataSource, id, 'approved');
    });

    it('withdraws a proposal named by its id in capitals, and moves a task named in capitals', async () => {
      const first = await inReview();
      const withdrawn = await (await org.as('proposer')).post(`/api/proposals/${first.id.toUpperCase()}/withdraw`, { reason: 'Tidak diperlukan lagi.' });
      expect({ status: withdrawn.status, body: withdrawn.status === 200 ? undefined : withdrawn.body }).toEqual({ status: 200, body: undefined });
      expect(withdrawn.body.proposalStatus).toBe('withdrawn');

      const second = await inReview();
      const moved = await (await org.as('admin')).post('/api/admin/tasks/reassign', { taskIds: [second.taskId.toUpperCase()], toPersonId: org.person('kadis'), reason: 'Kepala Seksi cuti.' }).expect(200);
      expect(moved.body.results).toEqual([{ taskId: second.taskId, outcome: 'moved', newTaskId: expect.any(String) }]);
    });

    // The audit row of a request holding NUL, or a long text cut inside a surrogate pair, could not be written (Postgres refused it): the request left no trace.
    it('keeps the audit row of an administrator request whatever text it held', async () => {
      const admin = await org.as('admin');
      const nul = await admin.patch('/api/units/%00', { name: 'Bidang Uji' });
      expectErrorShape(nul, 422, 'VALIDATION_FAILED');
      const cut = await admin.patch(`/api/units/${org.unit('cadangan')}`, { name: `x${'🚀'.repeat(400)}` });
      expectErrorShape(cut, 422, 'VALIDATION_FAILED');
      const rows = (await admin.get(`/api/admin/audit?actor=${org.person('admin')}&action=unit.update&pageSize=100`).expect(200)).body.items as { correlationId: string; statusCode: number; targetId: string | null }[];
      expect(rows.find((r) => r.correlationId === nul.body.correlationId)).toMatchObject({ statusCode: 422, targetId: '\uFFFD' });
      expect(rows.find((r) => r.correlationId === cut.body.correlationId)).toMatchObject({ statusCode: 422, targetId: org.unit('cadangan') });
    });
  });

  it(`answers every generated request of every operation below 500, refusals in the one error shape (${RUNS} runs each)`, async () => {
    const started = Date.now();
    const failures: string[] = [];
    for (const op of operations) {
      pools = await poolsNow();
      const ctx = context();
      try {
        const arb = requestArb(ctx, op, await admittedActors(op, ctx));
        await fc.assert(
          fc.asyncProperty(arb, async (req) => {
            const res = await send(op, req);
            record(op, res);
            checkAnswer(op, req, res);
          }),
          { numRuns: RUNS, seed: seedFor(op.id) },
        );
      } catch (err) {
        // fast-check keeps the error the property threw as the cause of its own.
        const cause = (err as Error).cause;
        failures.push(`${op.id}: ${(err as Error).message}${cause instanceof Error ? `\nCause: ${cause.message}` : ''}`);
      }
    }
    fuzzSeconds = (Date.now() - started) / 1000;
    expect(failures).toEqual([]);
  }, Math.max(600_000, RUNS * 12_000));

  it('sent generated requests to every operation of the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(40);
    const missing = operations.filter((op) => (stats.get(op.id)?.runs ?? 0) < RUNS + SIGNED_IN.length).map((op) => op.id);
    expect(missing).toEqual([]);
  });
});

/** Ids, codes, NIPs and emails of every unit, post, person, appointment and chain template in the database now (lower case). */
async function identifiersInDatabase(stack: AppStack): Promise<Set<string>> {
  const rows = await stack.dataSource.query<{ v: string }[]>(
    `SELECT id::text AS v FROM org_unit UNION SELECT code FROM org_unit
     UNION SELECT id::text FROM position UNION SELECT code FROM position
     UNION SELECT id::text FROM person UNION SELECT nip FROM person UNION SELECT email FROM person
     UNION SELECT id::text FROM appointment UNION SELECT id::text FROM chain_template UNION SELECT code FROM chain_template`,
  );
  return new Set(rows.map((r) => r.v.toLowerCase()));
}

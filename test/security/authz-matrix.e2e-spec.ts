import { createHmac, randomInt, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { AppConfig } from '@libs/config/app-config.service';
import type { StageDefinition } from '@libs/domain/chain';
import { AppointmentEntity, PersonEntity, PositionEntity } from '@libs/persistence/entities';
import { AppStack, startAppStack, validProposal } from '../support/app-stack';
import { buildOrg, Org } from '../support/org-fixture';
import { insertTemplate } from '../support/templates';
import { expectErrorShape, historyCounts, openTasks, proposalStatus } from './security-support';

/**
 * Who may call what. Every operation of the OpenAPI document has one row per actor, each with the exact
 * answer: allowed (2xx) or denied (401 without a valid token, 403 with the code naming the rule). A
 * new endpoint fails the coverage test until it is given a row for every actor, so none ships without
 * an authorization decision. Rows that change something use fresh data of their own (a proposal, a
 * task, a delegation, …); denied rows are sent valid bodies, so the refusal comes from the
 * authorization rule and not from validation.
 */

type Actor = 'anonymous' | 'owner' | 'otherProposer' | 'holder' | 'nonHolder' | 'admin';
type SignedIn = Exclude<Actor, 'anonymous'>;
const ACTORS: Actor[] = ['anonymous', 'owner', 'otherProposer', 'holder', 'nonHolder', 'admin'];

/** The person of the test organization each actor signs in as. */
const PERSON: Record<SignedIn, string> = { owner: 'owner', otherProposer: 'other', holder: 'holder', nonHolder: 'nonholder', admin: 'admin' };

interface Outcome {
  status: number;
  /** The error code of a refusal. */
  code?: string;
  /** For reads whose content depends on who asks: whether the answer shows the protected item. */
  sees?: boolean;
}

/** The parts of the answers that the visibility checks read. */
interface Answer {
  personId?: string;
  email?: string;
  items: { id: string; email?: string }[];
}

interface Req {
  path: string;
  body?: object;
}

interface Ctx {
  stack: AppStack;
  org: Org;
  templateCode: string;
  versionedCode: string;
  shared: {
    /** Under review, its one open task held by `holder`. */
    inReview: { proposalId: string; taskId: string };
    draft: string;
    delegationId: string;
    appointmentId: string;
  };
  fresh: {
    inReview(): Promise<{ proposalId: string; taskId: string }>;
    returned(): Promise<string>;
    draft(): Promise<string>;
    delegation(by: 'holder' | 'admin'): Promise<string>;
    delegationBody(): object;
    post(): Promise<string>;
    person(): Promise<string>;
    appointment(): Promise<string>;
    code(prefix: string): string;
  };
  token(actor: SignedIn): Promise<string>;
}

interface Operation {
  /** `METHOD path` exactly as the OpenAPI document names it. */
  op: string;
  /** A second table entry for the same operation, e.g. another query or another kind of object. */
  variant?: string;
  request(ctx: Ctx, actor: Actor): Promise<Req> | Req;
  /** What `sees` means for this read. */
  sees?(body: Answer, ctx: Ctx, actor: Actor): boolean;
  rows: Record<Actor, Outcome>;
}

const ok = (status = 200, sees?: boolean): Outcome => (sees === undefined ? { status } : { status, sees });
const no = (status: 401 | 403, code: string): Outcome => ({ status, code });
const ANON = no(401, 'UNAUTHORIZED');
const NOT_ADMIN = no(403, 'ROLE_REQUIRED');

/** Anyone, signed in or not. */
const PUBLIC = (status = 200): Record<Actor, Outcome> => ({ anonymous: ok(status), owner: ok(status), otherProposer: ok(status), holder: ok(status), nonHolder: ok(status), admin: ok(status) });
/** Anyone signed in. */
const SIGNED_IN = (status = 200): Record<Actor, Outcome> => ({ ...PUBLIC(status), anonymous: ANON });
/** Administrators only (the route's @Roles('admin')). */
const ADMINS = (status = 200): Record<Actor, Outcome> => ({ anonymous: ANON, owner: NOT_ADMIN, otherProposer: NOT_ADMIN, holder: NOT_ADMIN, nonHolder: NOT_ADMIN, admin: ok(status) });
/** Only the proposer of the proposal (checked on the object, whatever the caller's roles). */
const PROPOSER_ONLY = (status = 200): Record<Actor, Outcome> => {
  const refused = no(403, 'NOT_PROPOSER');
  return { anonymous: ANON, owner: ok(status), otherProposer: refused, holder: refused, nonHolder: refused, admin: refused };
};
/** The proposer, anyone who holds or held a task on it, and administrators. */
const INVOLVED = (): Record<Actor, Outcome> => {
  const refused = no(403, 'NOT_INVOLVED');
  return { anonymous: ANON, owner: ok(), otherProposer: refused, holder: ok(), nonHolder: refused, admin: ok() };
};

/** Rows for the operations that only an administrator may call: body and path of the one allowed call (fresh data), and of the refused ones. */
const adminWrite = (op: string, status: number, build: (ctx: Ctx, allowed: boolean) => Promise<Req> | Req): Operation => ({
  op,
  request: (ctx, actor) => build(ctx, actor === 'admin'),
  rows: ADMINS(status),
});

const OPERATIONS: Operation[] = [
  // Sign-in and health
  { op: 'POST /api/auth/dev-login', request: (ctx) => ({ path: '/api/auth/dev-login', body: { nip: ctx.org.nip('owner') } }), rows: PUBLIC() },
  { op: 'GET /api/auth/dev-people', request: (ctx) => ({ path: `/api/auth/dev-people?q=${ctx.org.nip('owner')}` }), rows: PUBLIC() },
  // The sign-in page asks it before anyone is signed in; it tells nothing about people.
  { op: 'GET /api/auth/methods', request: () => ({ path: '/api/auth/methods' }), rows: PUBLIC() },
  {
    op: 'GET /api/auth/me',
    request: () => ({ path: '/api/auth/me' }),
    sees: (body, ctx, actor) => body.personId === ctx.org.person(PERSON[actor as SignedIn]),
    rows: { ...SIGNED_IN(), owner: ok(200, true), otherProposer: ok(200, true), holder: ok(200, true), nonHolder: ok(200, true), admin: ok(200, true) },
  },
  { op: 'GET /health', request: () => ({ path: '/health' }), rows: PUBLIC() },

  // Proposals
  {
    op: 'POST /api/proposals',
    request: (ctx) => ({ path: '/api/proposals', body: validProposal({ templateCode: ctx.templateCode, submit: false }) }),
    // Creating needs the proposer role; approvers and administrators do not propose.
    rows: { anonymous: ANON, owner: ok(201), otherProposer: ok(201), holder: no(403, 'ROLE_REQUIRED'), nonHolder: no(403, 'ROLE_REQUIRED'), admin: no(403, 'ROLE_REQUIRED') },
  },
  {
    op: 'GET /api/proposals',
    request: () => ({ path: '/api/proposals?pageSize=100' }),
    sees: (body, ctx) => body.items.some((p: { id: string }) => p.id === ctx.shared.inReview.proposalId),
    // Everyone lists their own: only the proposer finds the proposal there.
    rows: { anonymous: ANON, owner: ok(200, true), otherProposer: ok(200, false), holder: ok(200, false), nonHolder: ok(200, false), admin: ok(200, false) },
  },
  {
    op: 'GET /api/proposals',
    variant: 'scope=all',
    request: (ctx) => ({ path: `/api/proposals?scope=all&q=${encodeURIComponent(ctx.org.suffix)}&pageSize=100` }),
    sees: (body, ctx) => body.items.some((p: { id: string }) => p.id === ctx.shared.inReview.proposalId),
    rows: { ...ADMINS(), owner: no(403, 'ADMIN_ONLY'), otherProposer: no(403, 'ADMIN_ONLY'), holder: no(403, 'ADMIN_ONLY'), nonHolder: no(403, 'ADMIN_ONLY'), admin: ok(200, true) },
  },
  { op: 'GET /api/proposals/{id}', request: (ctx) => ({ path: `/api/proposals/${ctx.shared.inReview.proposalId}` }), rows: INVOLVED() },
  {
    op: 'GET /api/proposals/{id}',
    variant: 'a draft: no approver is involved yet',
    request: (ctx) => ({ path: `/api/proposals/${ctx.shared.draft}` }),
    rows: { ...INVOLVED(), holder: no(403, 'NOT_INVOLVED') },
  },
  {
    op: 'PATCH /api/proposals/{id}',
    request: (ctx) => ({ path: `/api/proposals/${ctx.shared.draft}`, body: { goals: `Tujuan diperbarui ${randomUUID().slice(0, 6)}` } }),
    rows: PROPOSER_ONLY(),
  },
  {
    op: 'POST /api/proposals/{id}/submit',
    request: async (ctx, actor) => ({ path: `/api/proposals/${actor === 'owner' ? await ctx.fresh.draft() : ctx.shared.draft}/submit` }),
    rows: PROPOSER_ONLY(),
  },
  {
    op: 'POST /api/proposals/{id}/resubmit',
    request: async (ctx, actor) => ({
      path: `/api/proposals/${actor === 'owner' ? await ctx.fresh.returned() : ctx.shared.inReview.proposalId}/resubmit`,
      body: { note: 'Sudah dilengkapi.' },
    }),
    rows: PROPOSER_ONLY(),
  },
  {
    op: 'POST /api/proposals/{id}/withdraw',
    request: async (ctx, actor) => ({
      path: `/api/proposals/${actor === 'owner' ? (await ctx.fresh.inReview()).proposalId : ctx.shared.inReview.proposalId}/withdraw`,
      body: { reason: 'Tidak diperlukan lagi.' },
    }),
    rows: PROPOSER_ONLY(),
  },
  { op: 'GET /api/proposals/{id}/history', request: (ctx) => ({ path: `/api/proposals/${ctx.shared.inReview.proposalId}/history` }), rows: INVOLVED() },
  { op: 'GET /api/proposals/{id}/history/verify', request: (ctx) => ({ path: `/api/proposals/${ctx.shared.inReview.proposalId}/history/verify` }), rows: INVOLVED() },
  { op: 'GET /api/proposals/{id}/record.pdf', request: (ctx) => ({ path: `/api/proposals/${ctx.shared.inReview.proposalId}/record.pdf` }), rows: INVOLVED() },
  { op: 'GET /api/proposals/{id}/versions/{version}', request: (ctx) => ({ path: `/api/proposals/${ctx.shared.inReview.proposalId}/versions/1` }), rows: INVOLVED() },

  // Tasks
  {
    op: 'GET /api/tasks',
    request: () => ({ path: '/api/tasks?pageSize=100' }),
    sees: (body, ctx) => body.items.some((t: { id: string }) => t.id === ctx.shared.inReview.taskId),
    // Everyone reads their own inbox: only the holder finds the task there.
    rows: { anonymous: ANON, owner: ok(200, false), otherProposer: ok(200, false), holder: ok(200, true), nonHolder: ok(200, false), admin: ok(200, false) },
  },
  {
    op: 'POST /api/tasks/{id}/decision',
    request: async (ctx, actor) => ({
      path: `/api/tasks/${actor === 'holder' ? (await ctx.fresh.inReview()).taskId : ctx.shared.inReview.taskId}/decision`,
      body: { decision: 'approve', comment: 'Setuju.' },
    }),
    // Only the person acting for the task's post; never the proposer; not even an administrator (they use Disposisi).
    rows: {
      anonymous: ANON,
      owner: no(403, 'SEGREGATION_OF_DUTIES'),
      otherProposer: no(403, 'NOT_ASSIGNEE'),
      holder: ok(),
      nonHolder: no(403, 'NOT_ASSIGNEE'),
      admin: no(403, 'NOT_ASSIGNEE'),
    },
  },

  // Administration
  { op: 'GET /api/admin/tasks', request: () => ({ path: '/api/admin/tasks?view=open' }), rows: ADMINS() },
  { op: 'GET /api/admin/summary', request: () => ({ path: '/api/admin/summary' }), rows: ADMINS() },
  { op: 'GET /api/admin/cycle-times', request: () => ({ path: '/api/admin/cycle-times' }), rows: ADMINS() },
  { op: 'GET /api/admin/notifications', request: () => ({ path: '/api/admin/notifications' }), rows: ADMINS() },
  { op: 'GET /api/admin/audit', request: () => ({ path: '/api/admin/audit' }), rows: ADMINS() },
  { op: 'GET /api/admin/tasks.csv', request: () => ({ path: '/api/admin/tasks.csv?view=open' }), rows: ADMINS() },
  { op: 'GET /api/admin/summary.csv', request: () => ({ path: '/api/admin/summary.csv' }), rows: ADMINS() },
  { op: 'GET /api/admin/trends', request: () => ({ path: '/api/admin/trends' }), rows: ADMINS() },
  { op: 'GET /api/admin/blocked-stages', request: () => ({ path: '/api/admin/blocked-stages' }), rows: ADMINS() },
  { op: 'GET /api/admin/stage-names', request: () => ({ path: '/api/admin/stage-names' }), rows: ADMINS() },
  adminWrite('POST /api/admin/proposals/{id}/cancel', 200, async (ctx, allowed) => ({
    path: `/api/admin/proposals/${allowed ? (await ctx.fresh.inReview()).proposalId : ctx.shared.inReview.proposalId}/cancel`,
    body: { reason: 'Usulan ganda.' },
  })),
  adminWrite('POST /api/admin/tasks/reassign', 200, async (ctx, allowed) => ({
    path: '/api/admin/tasks/reassign',
    body: { taskIds: [allowed ? (await ctx.fresh.inReview()).taskId : ctx.shared.inReview.taskId], toPersonId: ctx.org.person('nonholder'), reason: 'Kepala Seksi cuti.' },
  })),

  // Chain templates: everyone reads, administrators write
  { op: 'GET /api/templates', request: () => ({ path: '/api/templates' }), rows: SIGNED_IN() },
  { op: 'GET /api/categories', request: () => ({ path: '/api/categories' }), rows: SIGNED_IN() },
  adminWrite('POST /api/templates', 201, (ctx) => ({
    path: '/api/templates',
    body: { code: ctx.fresh.code('uji-authz').toLowerCase(), name: 'Rantai uji otorisasi', categories: [], stages: STAGES },
  })),
  { op: 'GET /api/templates/{code}', request: (ctx) => ({ path: `/api/templates/${ctx.templateCode}` }), rows: SIGNED_IN() },
  adminWrite('POST /api/templates/{code}/versions', 201, (ctx) => ({ path: `/api/templates/${ctx.versionedCode}/versions`, body: { stages: STAGES } })),
  { op: 'GET /api/templates/{code}/versions/{version}', request: (ctx) => ({ path: `/api/templates/${ctx.templateCode}/versions/1` }), rows: SIGNED_IN() },

  // Organization: everyone reads, administrators write
  { op: 'GET /api/units', request: () => ({ path: '/api/units' }), rows: SIGNED_IN() },
  adminWrite('POST /api/units', 201, (ctx) => ({ path: '/api/units', body: { code: ctx.fresh.code('UNIT'), name: 'Bidang Uji Otorisasi', kind: 'bidang', parentId: ctx.org.unit('dinas2') } })),
  { op: 'GET /api/units/{id}', request: (ctx) => ({ path: `/api/units/${ctx.org.unit('seksi')}` }), rows: SIGNED_IN() },
  adminWrite('PATCH /api/units/{id}', 200, (ctx) => ({ path: `/api/units/${ctx.org.unit('spare')}`, body: { name: `Bidang Cadangan ${randomInt(1000)}` } })),
  { op: 'GET /api/positions', request: () => ({ path: '/api/positions' }), rows: SIGNED_IN() },
  adminWrite('POST /api/positions', 201, (ctx) => ({
    path: '/api/positions',
    body: { code: ctx.fresh.code('POST'), title: 'Analis Uji Otorisasi', unitId: ctx.org.unit('spare'), level: 'pelaksana' },
  })),
  { op: 'GET /api/positions/{id}', request: (ctx) => ({ path: `/api/positions/${ctx.org.post('kasi')}` }), rows: SIGNED_IN() },
  adminWrite('PATCH /api/positions/{id}', 200, (ctx) => ({ path: `/api/positions/${ctx.org.post('spare')}`, body: { title: `Jabatan Cadangan ${randomInt(1000)}` } })),
  {
    op: 'GET /api/people',
    request: (ctx) => ({ path: `/api/people?q=${ctx.org.nip('owner')}` }),
    sees: (body, ctx) => body.items.some((p: { id: string; email?: string }) => p.id === ctx.org.person('owner') && p.email !== undefined),
    // Everyone finds the person; only administrators and the person see the email.
    rows: { anonymous: ANON, owner: ok(200, true), otherProposer: ok(200, false), holder: ok(200, false), nonHolder: ok(200, false), admin: ok(200, true) },
  },
  adminWrite('POST /api/people', 201, (ctx) => ({
    path: '/api/people',
    body: { nip: `19${String(randomInt(10 ** 9)).padStart(9, '0')}${String(randomInt(10 ** 7)).padStart(7, '0')}`, name: 'Pegawai Baru', email: `baru.${ctx.org.suffix}.${randomInt(10 ** 6)}@contoh.go.id` },
  })),
  {
    op: 'GET /api/people/{id}',
    request: (ctx) => ({ path: `/api/people/${ctx.org.person('owner')}` }),
    sees: (body) => body.email !== undefined,
    rows: { anonymous: ANON, owner: ok(200, true), otherProposer: ok(200, false), holder: ok(200, false), nonHolder: ok(200, false), admin: ok(200, true) },
  },
  adminWrite('PATCH /api/people/{id}', 200, (ctx) => ({ path: `/api/people/${ctx.org.person('newcomer')}`, body: { name: `Pendatang Baru ${randomInt(1000)}` } })),
  adminWrite('POST /api/org/import', 200, (ctx) => ({
    path: '/api/org/import?dryRun=true',
    body: { units: [{ code: ctx.fresh.code('IMPORT'), name: 'Unit Impor Uji', kind: 'bidang', parentCode: `dinas2-${ctx.org.suffix}` }] },
  })),

  // Continuity: appointments (administrators), who acts, delegations, handover
  adminWrite('POST /api/positions/{id}/appointments', 201, async (ctx, allowed) => ({
    path: `/api/positions/${allowed ? await ctx.fresh.post() : ctx.org.post('spare')}/appointments`,
    body: { personId: allowed ? await ctx.fresh.person() : ctx.org.person('newcomer'), capacity: 'definitif', basis: 'SK uji otorisasi' },
  })),
  adminWrite('POST /api/appointments/{id}/end', 200, async (ctx, allowed) => ({
    path: `/api/appointments/${allowed ? await ctx.fresh.appointment() : ctx.shared.appointmentId}/end`,
    body: { reason: 'Mutasi' },
  })),
  { op: 'GET /api/positions/{id}/acting', request: (ctx) => ({ path: `/api/positions/${ctx.org.post('kasi')}/acting` }), rows: SIGNED_IN() },
  {
    op: 'POST /api/delegations',
    request: (ctx) => ({ path: '/api/delegations', body: ctx.fresh.delegationBody() }),
    // The person acting for the post, or an administrator.
    rows: {
      anonymous: ANON,
      owner: no(403, 'NOT_ACTING_FOR_POST'),
      otherProposer: no(403, 'NOT_ACTING_FOR_POST'),
      holder: ok(201),
      nonHolder: no(403, 'NOT_ACTING_FOR_POST'),
      admin: ok(201),
    },
  },
  {
    op: 'POST /api/delegations',
    variant: "the non-holder's own post",
    request: (ctx) => ({ path: '/api/delegations', body: { ...ctx.fresh.delegationBody(), positionId: ctx.org.post('kadis2') } }),
    // The right is to the post one acts for, not a role: the other head delegates their own post, and only that.
    rows: {
      anonymous: ANON,
      owner: no(403, 'NOT_ACTING_FOR_POST'),
      otherProposer: no(403, 'NOT_ACTING_FOR_POST'),
      holder: no(403, 'NOT_ACTING_FOR_POST'),
      nonHolder: ok(201),
      admin: ok(201),
    },
  },
  {
    op: 'GET /api/delegations',
    request: () => ({ path: '/api/delegations?pageSize=100' }),
    sees: (body, ctx) => body.items.some((d: { id: string }) => d.id === ctx.shared.delegationId),
    // Mine given or received; administrators see all.
    rows: { anonymous: ANON, owner: ok(200, false), otherProposer: ok(200, false), holder: ok(200, true), nonHolder: ok(200, false), admin: ok(200, true) },
  },
  {
    op: 'POST /api/delegations/{id}/revoke',
    request: async (ctx, actor) => ({
      path: `/api/delegations/${actor === 'holder' || actor === 'admin' ? await ctx.fresh.delegation(actor) : ctx.shared.delegationId}/revoke`,
      body: { reason: 'Batal cuti.' },
    }),
    // The person who delegated, or an administrator.
    rows: { anonymous: ANON, owner: no(403, 'NOT_DELEGATOR'), otherProposer: no(403, 'NOT_DELEGATOR'), holder: ok(), nonHolder: no(403, 'NOT_DELEGATOR'), admin: ok() },
  },
  {
    op: 'GET /api/positions/{id}/handover',
    request: (ctx) => ({ path: `/api/positions/${ctx.org.post('kasi')}/handover` }),
    // Administrators and whoever acts for (or is appointed to) the post.
    rows: {
      anonymous: ANON,
      owner: no(403, 'NOT_POST_HOLDER'),
      otherProposer: no(403, 'NOT_POST_HOLDER'),
      holder: ok(),
      nonHolder: no(403, 'NOT_POST_HOLDER'),
      admin: ok(),
    },
  },
  {
    op: 'GET /api/positions/{id}/handover',
    variant: "the non-holder's own post",
    request: (ctx) => ({ path: `/api/positions/${ctx.org.post('kadis2')}/handover` }),
    rows: {
      anonymous: ANON,
      owner: no(403, 'NOT_POST_HOLDER'),
      otherProposer: no(403, 'NOT_POST_HOLDER'),
      holder: no(403, 'NOT_POST_HOLDER'),
      nonHolder: ok(),
      admin: ok(),
    },
  },
];

/** The chain of the test templates: the head of the proposer's unit, who may return. */
const STAGES: StageDefinition[] = [
  { key: 'kasi', name: 'Kepala Seksi', approvers: [{ kind: 'head-of-proposer-unit' }], mode: 'any', sla: 'P5D', mayReturn: true },
];

interface Row {
  name: string;
  operation: Operation;
  actor: Actor;
  outcome: Outcome;
}

const ROWS: Row[] = OPERATIONS.flatMap((operation) =>
  ACTORS.map((actor) => {
    const outcome = operation.rows[actor];
    const label = `${operation.op}${operation.variant ? ` [${operation.variant}]` : ''}`;
    const expected = `${outcome.status}${outcome.code ? ` ${outcome.code}` : ''}${outcome.sees === undefined ? '' : outcome.sees ? ' (sees it)' : ' (does not see it)'}`;
    return { name: `${label} as ${actor} → ${expected}`, operation, actor, outcome };
  }),
);

describe('Authorization', () => {
  let stack: AppStack;
  let ctx: Ctx;

  beforeAll(async () => {
    stack = await startAppStack();
    const org = await buildOrg(stack, {
      units: [
        { key: 'dinas', name: 'Dinas Perpustakaan dan Kearsipan', kind: 'dinas' },
        { key: 'seksi', name: 'Seksi Layanan Perpustakaan', kind: 'seksi', parent: 'dinas' },
        { key: 'dinas2', name: 'Dinas Pariwisata', kind: 'dinas' },
        { key: 'spare', name: 'Bidang Cadangan', kind: 'bidang', parent: 'dinas2' },
      ],
      posts: [
        { key: 'kadis', title: 'Kepala Dinas Perpustakaan', unit: 'dinas', head: true, holder: 'kadis' },
        { key: 'kasi', title: 'Kepala Seksi Layanan Perpustakaan', unit: 'seksi', head: true, superior: 'kadis', holder: 'holder' },
        { key: 'staf', title: 'Pustakawan', unit: 'seksi', level: 'fungsional', superior: 'kasi', holder: 'owner' },
        { key: 'kadis2', title: 'Kepala Dinas Pariwisata', unit: 'dinas2', head: true, holder: 'nonholder' },
        { key: 'staf2', title: 'Pengelola Destinasi Wisata', unit: 'dinas2', level: 'pelaksana', superior: 'kadis2', holder: 'other' },
        { key: 'spare', title: 'Jabatan Cadangan', unit: 'spare', superior: 'kadis2' },
      ],
      people: {
        owner: 'Lestari Handayani',
        other: 'Gilang Saputra',
        holder: 'Wahyu Hidayat',
        nonholder: 'Ratih Purnamasari',
        kadis: 'Drs. Sutanto',
        delegate: 'Nurul Aini',
        newcomer: 'Arif Rahman',
        admin: 'Admin Otorisasi',
      },
      admins: ['admin'],
    });
    // As in the demo organization: staff propose, heads approve.
    const people = stack.dataSource.getRepository(PersonEntity);
    for (const key of ['owner', 'other']) await people.update({ id: org.person(key) }, { roles: ['proposer'] });
    for (const key of ['holder', 'nonholder', 'kadis', 'delegate', 'newcomer']) await people.update({ id: org.person(key) }, { roles: ['approver'] });

    const tokens = new Map<string, string>();
    const token = async (actor: SignedIn) => {
      const key = PERSON[actor];
      if (!tokens.has(key)) tokens.set(key, (await stack.http.post('/api/auth/dev-login').send({ nip: org.nip(key) }).expect(200)).body.accessToken);
      return tokens.get(key)!;
    };
    const as = async (actor: SignedIn) => {
      const bearer = await token(actor);
      return {
        post: (url: string, body: object = {}) => stack.http.post(url).auth(bearer, { type: 'bearer' }).send(body),
      };
    };
    const [templateCode, versionedCode] = await Promise.all([insertTemplate(stack.dataSource, STAGES, 'authz'), insertTemplate(stack.dataSource, STAGES, 'authz-versi')]);
    const owner = await as('owner');
    const draft = async () =>
      (await owner.post('/api/proposals', validProposal({ title: `Perpustakaan keliling daring ${org.suffix}`, templateCode, submit: false })).expect(201)).body.id as string;
    const inReview = async () => {
      const created = await owner.post('/api/proposals', validProposal({ title: `Perpustakaan keliling daring ${org.suffix}`, templateCode })).expect(201);
      const [task] = await openTasks(stack.dataSource, created.body.id);
      expect(task.assigneePersonId).toBe(org.person('holder'));
      return { proposalId: created.body.id as string, taskId: task.id };
    };
    let windows = 0;
    const delegationBody = () => {
      // Each delegation on its own future days: scheduled, so the open tasks stay where they are, and never overlapping.
      const start = Date.now() + (10 + 2 * windows++) * 86_400_000;
      return { positionId: org.post('kasi'), delegatePersonId: org.person('delegate'), startsAt: new Date(start).toISOString(), endsAt: new Date(start + 86_400_000).toISOString(), reason: 'Cuti tahunan' };
    };
    const freshPost = async () => {
      const id = randomUUID();
      await stack.dataSource.getRepository(PositionEntity).insert({ id, code: `FRESH-${randomUUID().slice(0, 8)}`.toUpperCase(), title: 'Jabatan Baru', unitId: org.unit('spare'), level: 'pelaksana', superiorPositionId: null, isUnitHead: false });
      return id;
    };
    const freshPerson = async () => {
      const id = randomUUID();
      const nip = `19${String(randomInt(10 ** 9)).padStart(9, '0')}${String(randomInt(10 ** 7)).padStart(7, '0')}`;
      await stack.dataSource.getRepository(PersonEntity).insert({ id, nip, name: 'Pegawai Mutasi', email: `mutasi.${nip}@contoh.go.id`, roles: ['approver'] });
      return id;
    };
    const appointmentOn = async (positionId: string, personId: string) => {
      const id = randomUUID();
      await stack.dataSource.getRepository(AppointmentEntity).insert({ id, positionId, personId, capacity: 'definitif', startsAt: new Date(Date.now() - 86_400_000), endsAt: null });
      return id;
    };

    const shared = {
      inReview: await inReview(),
      draft: await draft(),
      delegationId: (await (await as('holder')).post('/api/delegations', delegationBody()).expect(201)).body.delegation.id as string,
      appointmentId: await appointmentOn(org.post('spare'), org.person('newcomer')),
    };
    ctx = {
      stack,
      org,
      templateCode,
      versionedCode,
      shared,
      token,
      fresh: {
        inReview,
        draft,
        async returned() {
          const { proposalId, taskId } = await inReview();
          await (await as('holder')).post(`/api/tasks/${taskId}/decision`, { decision: 'return', comment: 'Lengkapi rencana uji coba.' }).expect(200);
          await proposalStatus(stack.dataSource, proposalId, 'returned');
          return proposalId;
        },
        async delegation(by) {
          return (await (await as(by)).post('/api/delegations', delegationBody()).expect(201)).body.delegation.id as string;
        },
        delegationBody,
        post: freshPost,
        person: freshPerson,
        appointment: async () => appointmentOn(await freshPost(), await freshPerson()),
        code: (prefix) => `${prefix}-${org.suffix}-${randomUUID().slice(0, 6)}`.toUpperCase(),
      },
    };
  }, 120_000);

  afterAll(() => stack?.close());

  async function send(method: string, req: Req, actor: Actor): Promise<Response> {
    const verb = method.toLowerCase() as 'get' | 'post' | 'patch';
    let test = stack.http[verb](req.path);
    if (actor !== 'anonymous') test = test.auth(await ctx.token(actor), { type: 'bearer' });
    return req.body === undefined ? test : test.send(req.body);
  }

  describe('the matrix', () => {
    it('has a row for every actor on every operation of the OpenAPI document, and none for an operation the document lacks', async () => {
      const doc = (await stack.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, { security?: unknown[] }>> };
      const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
      const tabled = new Set(OPERATIONS.map((o) => o.op));
      expect(documented.filter((op) => !tabled.has(op))).toEqual([]);
      expect([...tabled].filter((op) => !documented.includes(op))).toEqual([]);
      for (const operation of OPERATIONS) expect(Object.keys(operation.rows).sort()).toEqual([...ACTORS].sort());
      expect(ROWS).toHaveLength(OPERATIONS.length * ACTORS.length);

      // The document says which operations need a token; the table agrees with it.
      for (const operation of OPERATIONS) {
        const [method, path] = operation.op.split(' ');
        const needsToken = (doc.paths[path][method.toLowerCase()].security ?? []).length > 0;
        expect({ op: operation.op, needsToken }).toEqual({ op: operation.op, needsToken: operation.rows.anonymous.status === 401 });
      }
    });

    it.each(ROWS)('$name', async ({ operation, actor, outcome }) => {
      const method = operation.op.split(' ')[0];
      const req = await operation.request(ctx, actor);
      const res = await send(method, req, actor);
      if (outcome.code) {
        expectErrorShape(res, outcome.status, outcome.code);
      } else {
        expect({ status: res.status, body: res.status === outcome.status ? undefined : res.body }).toEqual({ status: outcome.status, body: undefined });
      }
      if (outcome.sees !== undefined) expect(operation.sees!(res.body, ctx, actor)).toBe(outcome.sees);
    });

    it('left the shared proposal as it was: every refused action changed nothing', async () => {
      const { proposalId, taskId } = ctx.shared.inReview;
      const [task] = await stack.dataSource.query('SELECT status, assignee_person_id AS "assigneePersonId" FROM approval_task WHERE id = $1', [taskId]);
      expect(task).toEqual({ status: 'open', assigneePersonId: ctx.org.person('holder') });
      const [proposal] = await stack.dataSource.query('SELECT status FROM proposal WHERE id = $1', [proposalId]);
      expect(proposal.status).toBe('in_review');
      expect(await historyCounts(stack.dataSource, proposalId)).toEqual({ 'proposal.submitted': 1, 'stage.opened': 1, 'task.created': 1 });
      const [draft] = await stack.dataSource.query('SELECT status FROM proposal WHERE id = $1', [ctx.shared.draft]);
      expect(draft.status).toBe('draft');
      const [delegation] = await stack.dataSource.query('SELECT revoked_at AS "revokedAt" FROM delegation WHERE id = $1', [ctx.shared.delegationId]);
      expect(delegation.revokedAt).toBeNull();
      const [appointment] = await stack.dataSource.query('SELECT ends_at AS "endsAt" FROM appointment WHERE id = $1', [ctx.shared.appointmentId]);
      expect(appointment.endsAt).toBeNull();
    });
  });

  describe('bearer tokens', () => {
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    /** Signs like the API does (HS256 by default), or with another algorithm or secret. */
    const sign = (payload: object, secret: string, alg: 'HS256' | 'HS512' = 'HS256') => {
      const unsigned = `${b64({ alg, typ: 'JWT' })}.${b64(payload)}`;
      return `${unsigned}.${createHmac(alg === 'HS256' ? 'sha256' : 'sha512', secret).update(unsigned).digest('base64url')}`;
    };
    const secret = () => stack.api.get(AppConfig).get('JWT_SECRET');
    const now = () => Math.floor(Date.now() / 1000);
    const claims = (key: string, roles: string[]) => ({ sub: ctx.org.person(key), name: key, roles, iat: now(), exp: now() + 600 });
    /** Replaces the payload of a real token, keeping its header and signature. */
    const tamper = (token: string, change: (payload: Record<string, unknown>) => Record<string, unknown>) => {
      const [header, payload, signature] = token.split('.');
      return `${header}.${b64(change(JSON.parse(Buffer.from(payload, 'base64url').toString())))}.${signature}`;
    };

    /** A read, an administrator's read and a decision: none may answer anything but 401. */
    const targets = (): { what: string; call: (authorization?: string) => Promise<Response> }[] => {
      const withAuth = (test: ReturnType<AppStack['http']['get']>, authorization?: string) => (authorization === undefined ? test : test.set('Authorization', authorization));
      return [
        { what: 'GET /api/auth/me', call: (a) => withAuth(stack.http.get('/api/auth/me'), a) },
        { what: 'GET /api/admin/summary', call: (a) => withAuth(stack.http.get('/api/admin/summary'), a) },
        {
          what: 'POST /api/tasks/{id}/decision',
          call: (a) => withAuth(stack.http.post(`/api/tasks/${ctx.shared.inReview.taskId}/decision`), a).send({ decision: 'approve' }),
        },
      ];
    };

    const CASES: [string, () => Promise<string | undefined>][] = [
      ['no Authorization header', async () => undefined],
      ['another scheme (Basic)', async () => `Basic ${Buffer.from(`${ctx.org.nip('admin')}:rahasia`).toString('base64')}`],
      ['a valid token under another scheme (Token)', async () => `Token ${await ctx.token('admin')}`],
      ['an empty bearer', async () => 'Bearer '],
      ['an expired token', async () => `Bearer ${sign({ ...claims('admin', ['admin']), iat: now() - 7200, exp: now() - 60 }, secret())}`],
      ['a token signed with another secret (forged)', async () => `Bearer ${sign(claims('admin', ['admin']), 'another-secret-that-is-long-enough-for-hs256')}`],
      ['a token with its roles changed to admin, signature kept', async () => `Bearer ${tamper(await ctx.token('owner'), (p) => ({ ...p, roles: ['admin'] }))}`],
      ['a token with its sub changed to the task holder, signature kept', async () => `Bearer ${tamper(await ctx.token('owner'), (p) => ({ ...p, sub: ctx.org.person('holder') }))}`],
      ['an unsigned token (alg none)', async () => `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims('admin', ['admin']))}.`],
      ['a token signed with the right secret but HS512', async () => `Bearer ${sign(claims('admin', ['admin']), secret(), 'HS512')}`],
      ['a signed token whose sub is a number', async () => `Bearer ${sign({ ...claims('admin', ['admin']), sub: 12345 }, secret())}`],
      ['a signed token whose sub is an object', async () => `Bearer ${sign({ ...claims('admin', ['admin']), sub: { id: ctx.org.person('admin') } }, secret())}`],
      ['a signed token without sub', async () => `Bearer ${sign({ ...claims('admin', ['admin']), sub: undefined }, secret())}`],
      ['a signed token whose sub is not a person id', async () => `Bearer ${sign({ ...claims('admin', ['admin']), sub: 'admin' }, secret())}`],
      ['a signed token of a person who does not exist', async () => `Bearer ${sign({ ...claims('admin', ['admin']), sub: randomUUID() }, secret())}`],
    ];

    it.each(CASES)('answers %s with 401 UNAUTHORIZED in the error shape, on every kind of endpoint', async (_what, authorization) => {
      const header = await authorization();
      for (const target of targets()) {
        const res = await target.call(header);
        expectErrorShape(res, 401, 'UNAUTHORIZED');
        expect(res.body).toEqual({ statusCode: 401, error: 'Unauthorized', code: 'UNAUTHORIZED', message: expect.any(String), correlationId: expect.any(String) });
      }
    });

    it('accepts the same claims properly signed, so only the defect made the difference', async () => {
      const admin = await stack.http.get('/api/admin/summary').set('Authorization', `Bearer ${sign(claims('admin', ['admin']), secret())}`);
      expect(admin.status).toBe(200);
      const me = await stack.http.get('/api/auth/me').set('Authorization', `Bearer ${sign(claims('owner', ['proposer']), secret())}`).expect(200);
      // Name and roles are the database's, not the token's.
      expect(me.body).toEqual({ personId: ctx.org.person('owner'), name: 'Lestari Handayani', roles: ['proposer'] });
    });

    it('grants only the roles the database holds: roles a properly signed token carries grant nothing', async () => {
      // Tokens once carried roles; one issued to the owner as an administrator must not make them one now.
      const claimingAdmin = `Bearer ${sign(claims('owner', ['proposer', 'approver', 'admin']), secret())}`;
      const summary = await stack.http.get('/api/admin/summary').set('Authorization', claimingAdmin);
      expectErrorShape(summary, 403, 'ROLE_REQUIRED');
      const me = await stack.http.get('/api/auth/me').set('Authorization', claimingAdmin).expect(200);
      expect(me.body.roles).toEqual(['proposer']);
      // And a token without roles (identity only, as dev-login issues them) gets the person's roles.
      const identityOnly = `Bearer ${sign({ ...claims('admin', []), roles: undefined }, secret())}`;
      expect((await stack.http.get('/api/admin/summary').set('Authorization', identityOnly)).status).toBe(200);
      const issued = (await stack.http.post('/api/auth/dev-login').send({ nip: ctx.org.nip('admin') }).expect(200)).body.accessToken as string;
      expect(Object.keys(JSON.parse(Buffer.from(issued.split('.')[1], 'base64url').toString())).sort()).toEqual(['exp', 'iat', 'name', 'sub']);
    });

    it('decided nothing on the task the tokens were aimed at', async () => {
      const [task] = await stack.dataSource.query('SELECT status FROM approval_task WHERE id = $1', [ctx.shared.inReview.taskId]);
      expect(task.status).toBe('open');
      expect((await historyCounts(stack.dataSource, ctx.shared.inReview.proposalId))['task.decided']).toBeUndefined();
    });
  });
});

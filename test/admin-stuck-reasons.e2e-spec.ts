import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { StageDefinition } from '@libs/domain/chain';
import { AppointmentEntity } from '@libs/persistence/entities';
import { AppStack, eventually, startAppStack, validProposal } from './support/app-stack';
import { buildOrg, Org } from './support/org-fixture';
import { insertTemplate } from './support/templates';

interface Reason {
  kind: string;
  since: string;
  workingDays: number;
}
interface AdminTask {
  taskId: string;
  proposalId: string;
  proposalTitle: string;
  stageName: string;
  status: string;
  createdAt: string;
  dueAt: string | null;
  assigneeName: string | null;
  ageWorkingDays: number;
  stuckReason: Reason | null;
}
interface Week {
  weekStart: string;
  weekEnd: string;
  opened: number;
  decided: number;
  overdue: number;
}

const DAY = 24 * 3600 * 1000;
const JAKARTA = 7 * 3600 * 1000;

jest.setTimeout(90_000);

/**
 * Why approvals are held up, as administrators read it (stuckReason on every task row, the blocked
 * stages that have no task), the weekly trend, the stage names of the filters and the CSV exports,
 * on a private organization whose unit filter isolates this file's work from other test files'.
 */
describe('admin: why approvals wait, trends and CSV exports', () => {
  let stack: AppStack;
  let org: Org;
  const stages: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const titles: Record<string, string> = {};
  let actingEndedAt: Date;

  const admin = async () => org.as('admin');
  const tasks = async (query: Record<string, string>) =>
    (await (await admin()).get(`/api/admin/tasks?${new URLSearchParams({ unitId: org.unit('seksi'), pageSize: '100', ...query }).toString()}`).expect(200)).body as {
      items: AdminTask[];
      total: number;
    };
  const taskOf = (items: AdminTask[], proposal: string) => items.find((t) => t.proposalId === ids[proposal]);

  beforeAll(async () => {
    stack = await startAppStack();
    org = await buildOrg(stack, {
      units: [
        { key: 'dinas', name: 'Dinas Uji Tertahan', kind: 'dinas' },
        // A unit without a head post: a stage asking for the head of the proposer's parent unit is blocked.
        { key: 'bidang', name: 'Bidang Tanpa Kepala', kind: 'bidang', parent: 'dinas' },
        { key: 'seksi', name: 'Seksi Uji Tertahan', kind: 'seksi', parent: 'bidang' },
      ],
      posts: [
        { key: 'kadis', title: 'Kepala Dinas Uji Tertahan', unit: 'dinas', level: 'jpt-pratama', head: true, holder: 'kadis' },
        { key: 'kasi', title: 'Kepala Seksi Uji Tertahan', unit: 'seksi', level: 'pengawas', superior: 'kadis', head: true, holder: 'kasi' },
        { key: 'kosong', title: 'Analis Kosong Uji', unit: 'seksi', level: 'fungsional', superior: 'kasi' },
        { key: 'bekasplt', title: 'Penata Bekas Plt Uji', unit: 'seksi', level: 'fungsional', superior: 'kasi' },
        { key: 'staf', title: 'Pengadministrasi Uji Tertahan', unit: 'seksi', level: 'pelaksana', superior: 'kasi', holder: 'proposer' },
      ],
      people: { kadis: 'Kadis Tertahan', kasi: 'Kasi Tertahan', proposer: 'Pengusul Tertahan', acting: 'Plt Lama Tertahan', admin: 'Admin Tertahan' },
      admins: ['admin'],
    });
    // The Plt. of this post served until two days ago; nobody has acted for it since.
    actingEndedAt = new Date(Date.now() - 2 * DAY);
    await stack.dataSource.getRepository(AppointmentEntity).insert({
      id: randomUUID(),
      positionId: org.post('bekasplt'),
      personId: org.person('acting'),
      capacity: 'plt',
      startsAt: new Date(Date.now() - 60 * DAY),
      endsAt: actingEndedAt,
    });
    const at = (key: string, name: string, over: Partial<StageDefinition> = {}): StageDefinition[] => [
      { key: 'satu', name, approvers: [{ kind: 'position', positionId: org.post(key) }], mode: 'any', sla: 'P5D', ...over },
    ];
    for (const [key, name] of Object.entries({ vacant: 'Kosong', acting: 'Bekas Plt', overdue: 'Terlambat', onTime: 'Tepat Waktu', blocked: 'Kepala Bidang' })) {
      stages[key] = `${name} ${org.suffix}`;
    }
    const templates = {
      vacant: at('kosong', stages.vacant),
      acting: at('bekasplt', stages.acting),
      overdue: at('kasi', stages.overdue, { sla: 'PT2S', onTimeout: { action: 'notify-admin' } }),
      onTime: at('kasi', stages.onTime),
      decided: at('kasi', stages.onTime),
      blocked: [{ key: 'satu', name: stages.blocked, approvers: [{ kind: 'head-of-parent-unit' }], mode: 'any' }] as StageDefinition[],
    };
    // A title a spreadsheet would read as a formula, with quotes and a comma: the export must keep it as text.
    titles.vacant = `=SUM(1) "kosong", ${org.suffix}`;
    for (const [name, chain] of Object.entries(templates)) {
      const templateCode = await insertTemplate(stack.dataSource, chain, 'tertahan');
      titles[name] ??= `Usulan ${name} ${org.suffix}`;
      ids[name] = (await (await org.as('proposer')).post('/api/proposals', validProposal({ title: titles[name], templateCode })).expect(201)).body.id;
    }
    const decided = await eventually(async () => taskOf((await tasks({ view: 'open' })).items, 'decided'), 30_000, 'the task to decide');
    await (await org.as('kasi')).post(`/api/tasks/${decided.taskId}/decision`, { decision: 'approve' }).expect(200);
    await eventually(async () => (await tasks({ view: 'open' })).total === 4, 30_000, 'four open tasks');
    await eventually(async () => (await tasks({ view: 'overdue' })).total === 1, 30_000, 'the overdue task');
  }, 120_000);
  afterAll(() => stack?.close());

  describe('stuckReason', () => {
    it('says why each open task waits and since when, in working days', async () => {
      const { items } = await tasks({ view: 'open' });
      const vacant = taskOf(items, 'vacant')!;
      expect(vacant.assigneeName).toBeNull();
      expect(vacant.stuckReason).toEqual({ kind: 'no-holder', since: vacant.createdAt, workingDays: 0 });
      // The Plt. who last acted for the post has gone: the reason names it, since the end of the term.
      const acting = taskOf(items, 'acting')!;
      expect(acting.stuckReason).toEqual({ kind: 'acting-term-ended', since: actingEndedAt.toISOString(), workingDays: expect.any(Number) });
      expect(acting.stuckReason!.workingDays).toBeLessThanOrEqual(2);
      const overdue = taskOf(items, 'overdue')!;
      expect(overdue.stuckReason).toEqual({ kind: 'overdue', since: overdue.dueAt, workingDays: 0 });
      expect(taskOf(items, 'onTime')!.stuckReason).toBeNull();
      expect(items.every((t) => t.ageWorkingDays === 0)).toBe(true);
    });

    it('lists what needs action (nobody holds it, or it is late), the longest waiting first', async () => {
      const { items, total } = await tasks({ view: 'attention' });
      expect(total).toBe(3);
      expect(items.map((t) => t.proposalId).sort()).toEqual([ids.vacant, ids.acting, ids.overdue].sort());
      expect(items.every((t) => t.stuckReason !== null)).toBe(true);
    });

    it('lists a stage whose posts did not resolve as blocked, with no task, and counts it', async () => {
      const blocked = await eventually(async () => {
        const res = await (await admin()).get(`/api/admin/blocked-stages?unitId=${org.unit('seksi')}`).expect(200);
        return res.body.total === 1 && res.body;
      }, 30_000, 'the blocked stage');
      expect(blocked.items).toEqual([
        {
          proposalId: ids.blocked,
          proposalTitle: titles.blocked,
          unitId: org.unit('seksi'),
          unitName: 'Seksi Uji Tertahan',
          stageIndex: 0,
          stageName: stages.blocked,
          round: 1,
          detail: expect.stringMatching(/has no head post/),
          stuckReason: { kind: 'blocked-stage', since: expect.any(String), workingDays: 0 },
        },
      ]);
      expect(blocked).toMatchObject({ page: 1, pageSize: 20 });
      // It has no task, so no task list shows it.
      expect((await tasks({ view: 'open' })).items.find((t) => t.proposalId === ids.blocked)).toBeUndefined();
      const other = await (await admin()).get(`/api/admin/blocked-stages?unitId=${org.unit('dinas')}`).expect(200);
      expect(other.body).toMatchObject({ items: [], total: 0 });
    });

    it('counts the open work of one unit in the summary', async () => {
      const res = await (await admin()).get(`/api/admin/summary?unitId=${org.unit('seksi')}`).expect(200);
      expect(res.body.totals).toEqual({ open: 4, overdue: 1, escalated: 0, stuck: 0, vacant: 2, oldestAgeSeconds: expect.any(Number) });
      expect(res.body.items.map((r: { stageName: string }) => r.stageName).sort()).toEqual([stages.vacant, stages.acting, stages.overdue, stages.onTime].sort());
    });
  });

  describe('GET /api/admin/trends', () => {
    it('counts tasks opened, decided and late per week in Jakarta, oldest first', async () => {
      const res = await (await admin()).get(`/api/admin/trends?unitId=${org.unit('seksi')}`).expect(200);
      const weeks = res.body.weeks as Week[];
      expect(res.body).toMatchObject({ unitId: org.unit('seksi'), timeZone: 'Asia/Jakarta', generatedAt: expect.any(String) });
      expect(weeks).toHaveLength(8);
      for (const [i, w] of weeks.entries()) {
        // Each week starts on Monday 00:00 in Jakarta, where the one before it ended.
        const local = new Date(Date.parse(w.weekStart) + JAKARTA);
        expect([local.getUTCDay(), local.getUTCHours(), local.getUTCMinutes()]).toEqual([1, 0, 0]);
        if (i > 0) expect(w.weekStart).toBe(weeks[i - 1].weekEnd);
      }
      // Everything happened in the last minutes: in the week under way (or the one before, at a Monday midnight).
      const recent = weeks.slice(-2);
      const sum = (k: 'opened' | 'decided') => recent.reduce((n, w) => n + w[k], 0);
      expect(sum('opened')).toBe(5);
      expect(sum('decided')).toBe(1);
      expect(weeks.at(-1)!.overdue).toBe(1);
      expect(weeks.slice(0, -2).every((w) => w.opened === 0 && w.decided === 0 && w.overdue === 0)).toBe(true);

      const four = await (await admin()).get(`/api/admin/trends?weeks=4&unitId=${org.unit('seksi')}`).expect(200);
      expect(four.body.weeks).toHaveLength(4);
      expect(four.body.weeks.at(-1).weekStart).toBe(weeks.at(-1)!.weekStart);
    });

    it.each([
      [{ weeks: '0' }, 'weeks'],
      [{ weeks: '53' }, 'weeks'],
      [{ weeks: 'acht' }, 'weeks'],
      [{ weeks: '2.5' }, 'weeks'],
      [{ unitId: 'seksi' }, 'unitId'],
      [{ from: '2026-01-01' }, 'from'],
    ])('answers %j with 422 naming %s', async (query, field) => {
      const res = await (await admin()).get(`/api/admin/trends?${new URLSearchParams(query).toString()}`);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field })] });
    });
  });

  describe('CSV exports', () => {
    const csv = async (path: string) => {
      const res = await (await admin()).get(path).expect(200);
      return { res, rows: parse(res.text, { bom: true }) as string[][] };
    };

    it('exports a task list with its filters as an attachment, one row per task, values escaped', async () => {
      const { res, rows } = await csv(`/api/admin/tasks.csv?view=open&unitId=${org.unit('seksi')}`);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="tugas-open-\d{4}-\d{2}-\d{2}\.csv"$/);
      expect(res.text.startsWith('\ufefftaskId,proposalId,proposalTitle,')).toBe(true);
      const [header, ...body] = rows;
      expect(header).toEqual(expect.arrayContaining(['taskId', 'proposalTitle', 'stageName', 'ageWorkingDays', 'stuckReason', 'stuckSince', 'stuckWorkingDays']));
      expect(body).toHaveLength(4);
      const cell = (row: string[], name: string) => row[header.indexOf(name)];
      const byProposal = new Map(body.map((r) => [cell(r, 'proposalId'), r]));
      // Quotes and the comma read back as written; the leading = is kept from running as a formula.
      expect(cell(byProposal.get(ids.vacant)!, 'proposalTitle')).toBe(`'${titles.vacant}`);
      expect(res.text).toContain(`"'=SUM(1) ""kosong"", ${org.suffix}"`);
      expect(cell(byProposal.get(ids.vacant)!, 'stuckReason')).toBe('no-holder');
      expect(cell(byProposal.get(ids.acting)!, 'stuckReason')).toBe('acting-term-ended');
      expect(cell(byProposal.get(ids.acting)!, 'stuckSince')).toBe(actingEndedAt.toISOString());
      expect(cell(byProposal.get(ids.onTime)!, 'stuckReason')).toBe('');
    });

    it('applies the same filters as the list', async () => {
      const vacant = await csv(`/api/admin/tasks.csv?view=vacant&unitId=${org.unit('seksi')}`);
      expect(vacant.rows).toHaveLength(3);
      expect(vacant.res.headers['content-disposition']).toMatch(/filename="tugas-vacant-/);
      const byStage = await csv(`/api/admin/tasks.csv?${new URLSearchParams({ stage: stages.overdue, unitId: org.unit('seksi') }).toString()}`);
      expect(byStage.rows.slice(1).map((r) => r[byStage.rows[0].indexOf('proposalId')])).toEqual([ids.overdue]);
      const byPost = await csv(`/api/admin/tasks.csv?positionId=${org.post('kosong')}`);
      expect(byPost.rows).toHaveLength(2);
    });

    it('exports the summary per unit and stage', async () => {
      const { res, rows } = await csv(`/api/admin/summary.csv?unitId=${org.unit('seksi')}`);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="ringkasan-tugas-\d{4}-\d{2}-\d{2}\.csv"$/);
      expect(rows[0]).toEqual(['unitId', 'unitName', 'stageName', 'open', 'overdue', 'escalated', 'stuck', 'vacant', 'oldestAgeSeconds']);
      expect(rows.slice(1).map((r) => r[2]).sort()).toEqual([stages.vacant, stages.acting, stages.overdue, stages.onTime].sort());
      expect(rows.find((r) => r[2] === stages.overdue)?.slice(0, 8)).toEqual([org.unit('seksi'), 'Seksi Uji Tertahan', stages.overdue, '1', '1', '0', '0', '0']);
    });

    it.each([
      ['/api/admin/tasks.csv', { view: 'bogus' }, 'view'],
      ['/api/admin/tasks.csv', { page: '2' }, 'page'],
      ['/api/admin/tasks.csv', { unitId: 'x' }, 'unitId'],
      ['/api/admin/summary.csv', { olderThan: 'P1Y' }, 'olderThan'],
      ['/api/admin/blocked-stages', { pageSize: '0' }, 'pageSize'],
    ])('answers %s with %j with a 422 in JSON naming %s', async (path, query, field) => {
      const res = await (await admin()).get(`${path}?${new URLSearchParams(query).toString()}`);
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });
  });

  it('offers the stage names of the chain templates for the filters', async () => {
    const res = await (await admin()).get('/api/admin/stage-names').expect(200);
    const names = res.body.items as string[];
    expect(names).toEqual(expect.arrayContaining(Object.values(stages)));
    // In the order a reader of Bahasa Indonesia expects (letters before case, numbers by value).
    expect(names).toEqual([...names].sort(new Intl.Collator('id', { sensitivity: 'base', numeric: true }).compare));
    expect(new Set(names).size).toBe(names.length);
  });

  it('keeps every new admin read from someone who is not an administrator', async () => {
    const kasi = await org.as('kasi');
    for (const path of ['/api/admin/trends', '/api/admin/blocked-stages', '/api/admin/stage-names', '/api/admin/tasks.csv', '/api/admin/summary.csv']) {
      const res = await kasi.get(path);
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 403, code: 'ROLE_REQUIRED' });
    }
  });
});

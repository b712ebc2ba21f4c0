import type { StageDefinition } from '@libs/domain/chain';
import { AppStack, eventually, startAppStack, validProposal } from './support/app-stack';
import { buildOrg, Org } from './support/org-fixture';
import { insertTemplate } from './support/templates';

interface Stats {
  decided: number;
  medianHours: number;
  p90Hours: number;
  averageHours: number;
}
interface Row extends Stats {
  sla?: string | null;
  slaHours?: number | null;
  unitId: string;
  unitName: string;
  stageName: string;
}
interface CycleTimes {
  from: string;
  to: string;
  unitId: string | null;
  items: Row[];
  stages: (Stats & { stageName: string })[];
}
interface TaskRow {
  id: string;
  status: string;
  assigneeName: string | null;
}

jest.setTimeout(120_000);

/** Linear interpolation between the closest ranks, as Postgres' percentile_cont does. */
function percentile(sorted: number[], p: number): number {
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

/**
 * GET /api/admin/cycle-times against real approvals: decisions of a private organization, one reached by
 * escalation and one by a change of the person acting for the post, so the clock must start at the
 * original task of each approver slot.
 */
describe('GET /api/admin/cycle-times', () => {
  let stack: AppStack;
  let org: Org;
  let stage: string;
  let escalationStage: string;
  const proposals: string[] = [];
  let firstDecisionAt: Date;

  const submit = async (proposer: string, templateCode: string, title: string) => {
    const id = (await (await org.as(proposer)).post('/api/proposals', validProposal({ title, templateCode })).expect(201)).body.id as string;
    proposals.push(id);
    return id;
  };
  const tasksOf = async (id: string) => (await (await org.as('admin')).get(`/api/proposals/${id}`).expect(200)).body.tasks as TaskRow[];
  const openTask = (id: string, assignee: string) =>
    eventually(async () => (await tasksOf(id)).find((t) => t.status === 'open' && t.assigneeName === assignee), 40_000, `an open task for ${assignee}`);
  const decide = async (who: string, taskId: string, decision: string, comment?: string) =>
    (await org.as(who)).post(`/api/tasks/${taskId}/decision`, { decision, ...(comment ? { comment } : {}) }).expect(200);
  const cycleTimes = async (query: Record<string, string>) =>
    (await (await org.as('admin')).get(`/api/admin/cycle-times?${new URLSearchParams(query).toString()}`).expect(200)).body as CycleTimes;

  beforeAll(async () => {
    stack = await startAppStack();
    org = await buildOrg(stack, {
      units: [
        { key: 'dinas', name: 'Dinas Uji Waktu Siklus', kind: 'dinas' },
        { key: 'seksi', name: 'A Seksi Pelayanan', kind: 'seksi', parent: 'dinas' },
        { key: 'lain', name: 'B Seksi Pengaduan', kind: 'seksi', parent: 'dinas' },
      ],
      posts: [
        { key: 'kadis', title: 'Kepala Dinas Uji', unit: 'dinas', level: 'jpt-pratama', head: true, holder: 'kadis' },
        { key: 'kasi', title: 'Kepala Seksi Pelayanan', unit: 'seksi', superior: 'kadis', head: true, holder: 'kasi' },
        { key: 'staf1', title: 'Pengadministrasi Pelayanan', unit: 'seksi', level: 'pelaksana', superior: 'kasi', holder: 'staf1' },
        { key: 'staf2', title: 'Pengadministrasi Pengaduan', unit: 'lain', level: 'pelaksana', superior: 'kadis', holder: 'staf2' },
      ],
      people: { kadis: 'Bambang Kadis', kasi: 'Citra Kasi', plt: 'Dodi Plt', staf1: 'Eka Staf', staf2: 'Fitri Staf', admin: 'Admin Siklus' },
      admins: ['admin'],
    });
    stage = `Waktu Siklus ${org.suffix}`;
    escalationStage = `Eskalasi Siklus ${org.suffix}`;
    const at = (extra: Partial<StageDefinition>, name: string): StageDefinition[] => [
      { key: 'satu', name, approvers: [{ kind: 'position', positionId: org.post('kasi') }], mode: 'any', sla: 'P5D', mayReturn: true, ...extra },
    ];
    const template = await insertTemplate(stack.dataSource, at({}, stage), 'siklus');
    const escalating = await insertTemplate(stack.dataSource, at({ sla: 'PT2S', onTimeout: { action: 'escalate-superior', maxEscalations: 1 } }, escalationStage), 'siklus');

    // An escalation: Citra lets the task time out, the Kepala Dinas decides.
    const escalated = await submit('staf1', escalating, 'Eskalasi karena lewat jatuh tempo');
    // Decisions by the holder, in two proposer units.
    const approved = await submit('staf1', template, 'Disetujui langsung');
    const rejected = await submit('staf1', template, 'Ditolak langsung');
    const returned = await submit('staf1', template, 'Dikembalikan langsung');
    const otherUnit = await submit('staf2', template, 'Dari seksi lain');
    const rotated = await submit('staf1', template, 'Diputuskan oleh Plt.');
    firstDecisionAt = new Date();
    await decide('kasi', (await openTask(approved, 'Citra Kasi')).id, 'approve');
    await decide('kasi', (await openTask(rejected, 'Citra Kasi')).id, 'reject', 'Belum ada kajian biaya.');
    await decide('kasi', (await openTask(returned, 'Citra Kasi')).id, 'return', 'Lengkapi indikator.');
    await decide('kasi', (await openTask(otherUnit, 'Citra Kasi')).id, 'approve');
    await decide('kadis', (await openTask(escalated, 'Bambang Kadis')).id, 'approve');

    // A rotation: Citra leaves the post, a Plt. takes over her open task and decides it.
    await openTask(rotated, 'Citra Kasi');
    const admin = await org.as('admin');
    const current = (await admin.get(`/api/positions/${org.post('kasi')}/acting`).expect(200)).body.current as { id: string }[];
    await admin.post(`/api/appointments/${current[0].id}/end`, { reason: 'Mutasi' }).expect(200);
    await admin.post(`/api/positions/${org.post('kasi')}/appointments`, { personId: org.person('plt'), capacity: 'plt' }).expect(201);
    await decide('plt', (await openTask(rotated, 'Dodi Plt')).id, 'approve');
  });
  afterAll(() => stack?.close());

  /** The expected statistics, from the read model: each decision timed from the first task of its slot. */
  async function expected(followChains: boolean) {
    const tasks = await stack.dataSource.query<
      { id: string; proposalId: string; stageName: string; status: string; unitId: string; created: number; decided: number | null; previous: string | null }[]
    >(
      `SELECT t.id, t.proposal_id AS "proposalId", t.stage_name AS "stageName", t.status, p.unit_id AS "unitId",
              EXTRACT(EPOCH FROM t.created_at)::float8 AS created, EXTRACT(EPOCH FROM t.decided_at)::float8 AS decided,
              COALESCE(t.reassigned_from_task_id, t.escalated_from_task_id) AS previous
         FROM approval_task t JOIN proposal p ON p.id = t.proposal_id WHERE t.proposal_id = ANY($1)`,
      [proposals],
    );
    const byId = new Map(tasks.map((t) => [t.id, t]));
    const groups = new Map<string, number[]>();
    for (const t of tasks.filter((x) => ['approved', 'rejected', 'returned'].includes(x.status))) {
      let origin = t;
      while (followChains && origin.previous) origin = byId.get(origin.previous)!;
      for (const key of [`${t.unitId}|${t.stageName}`, `*|${t.stageName}`]) groups.set(key, [...(groups.get(key) ?? []), (t.decided! - origin.created) / 3600]);
    }
    const stats = (hours: number[]): Stats => {
      const sorted = [...hours].sort((a, b) => a - b);
      return { decided: sorted.length, medianHours: percentile(sorted, 0.5), p90Hours: percentile(sorted, 0.9), averageHours: sorted.reduce((a, b) => a + b, 0) / sorted.length };
    };
    return {
      of: (unit: string, stageName: string) => stats(groups.get(`${org.unit(unit)}|${stageName}`) ?? []),
      ofStage: (stageName: string) => stats(groups.get(`*|${stageName}`) ?? []),
    };
  }

  const close = (actual: Stats, wanted: Stats) => {
    expect(actual.decided).toBe(wanted.decided);
    // Hours; 1e-6 h is under 4 ms.
    for (const k of ['medianHours', 'p90Hours', 'averageHours'] as const) expect(actual[k]).toBeCloseTo(wanted[k], 6);
  };

  it('times every decision of the range per proposer unit and stage, from the first task of its slot', async () => {
    const body = await cycleTimes({ from: new Date(firstDecisionAt.getTime() - 3600e3).toISOString() });
    const mine = body.items.filter((r) => r.stageName === stage || r.stageName === escalationStage);
    // Ordered by unit name, then stage order.
    expect(mine.map((r) => [r.unitName, r.stageName, r.decided])).toEqual([
      ['A Seksi Pelayanan', escalationStage, 1],
      ['A Seksi Pelayanan', stage, 4],
      ['B Seksi Pengaduan', stage, 1],
    ]);
    const want = await expected(true);
    close(mine[0], want.of('seksi', escalationStage));
    close(mine[1], want.of('seksi', stage));
    close(mine[2], want.of('lain', stage));
    expect(mine[1]).toMatchObject({ unitId: org.unit('seksi') });
    // Each group carries its stage's Batas Waktu from the templates of its decisions, for the chart's marker.
    expect(mine[1]).toMatchObject({ sla: 'P5D', slaHours: 120 });
    expect(mine[0]).toMatchObject({ sla: 'PT2S' });
    expect(mine[0].slaHours).toBeCloseTo(2 / 3600, 9);
    expect(body.stages.find((s) => s.stageName === stage)).toMatchObject({ sla: 'P5D', slaHours: 120 });

    // The escalated decision counts from the original task: at least its 2-second SLA, more than the escalation task alone.
    expect(mine[0].medianHours * 3600).toBeGreaterThanOrEqual(2);
    const unchained = await expected(false);
    expect(mine[0].medianHours - unchained.of('seksi', escalationStage).medianHours).toBeGreaterThan(1e-5);
    // So does the Plt.'s decision of the task that moved to him: the clock did not restart at the rotation.
    expect(mine[1].averageHours - unchained.of('seksi', stage).averageHours).toBeGreaterThan(1e-6);

    // Totals per stage cover both units.
    const total = body.stages.find((s) => s.stageName === stage)!;
    expect(total.decided).toBe(5);
    close(total, want.ofStage(stage));
    expect(body.stages.find((s) => s.stageName === escalationStage)).toMatchObject({ decided: 1, medianHours: mine[0].medianHours });
  });

  it('filters by unit and by range, with the defaults stated in the answer', async () => {
    const seksi = await cycleTimes({ unitId: org.unit('seksi') });
    expect(seksi.unitId).toBe(org.unit('seksi'));
    expect(seksi.items.map((r) => r.stageName).sort()).toEqual([escalationStage, stage].sort());
    expect(seksi.stages.find((s) => s.stageName === stage)?.decided).toBe(4);
    // Defaults: up to now, the 90 days before.
    const to = Date.parse(seksi.to);
    expect(Math.abs(to - Date.now())).toBeLessThan(60_000);
    expect(to - Date.parse(seksi.from)).toBe(90 * 24 * 3600e3);

    const before = await cycleTimes({ unitId: org.unit('seksi'), to: new Date(firstDecisionAt.getTime() - 1000).toISOString() });
    expect(before.items).toEqual([]);
    expect(before.stages).toEqual([]);
    const empty = await cycleTimes({ unitId: org.unit('dinas') });
    expect(empty).toMatchObject({ items: [], stages: [] });
  });

  it('refuses invalid queries with field-level messages, and anyone but administrators', async () => {
    const admin = await org.as('admin');
    const bad = await admin.get('/api/admin/cycle-times?from=kemarin&unitId=x&extra=1').expect(422);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['extra', 'from', 'unitId']);
    const backwards = await admin.get('/api/admin/cycle-times?from=2026-03-01&to=2026-02-01').expect(422);
    expect(backwards.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'from', messages: ['from must be before to'] }] });
    await admin.get('/api/admin/cycle-times?to=2026-02-30').expect(422);
    const approver = await (await org.as('kadis')).get('/api/admin/cycle-times').expect(403);
    expect(approver.body).toMatchObject({ code: 'ROLE_REQUIRED' });
  });
});

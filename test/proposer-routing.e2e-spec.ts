import type { StageDefinition } from '@libs/domain/chain';
import { AppStack, eventually, startAppStack, validProposal } from './support/app-stack';
import { buildOrg, Org } from './support/org-fixture';
import { insertTemplate } from './support/templates';

interface TaskRow {
  id: string;
  status: string;
  positionId: string;
  assigneeName: string | null;
}
interface HistoryRow {
  type: string;
  actorPersonId: string | null;
  data: Record<string, unknown>;
}

/**
 * A proposer who acts for a post the chain names (a unit head proposing in their own unit) never gets
 * their own task: the slot goes to the superior post when the task is created, and the record says so.
 */
describe('tasks routed around a proposer who acts for the post', () => {
  let stack: AppStack;
  let org: Org;
  beforeAll(async () => {
    stack = await startAppStack();
    org = await buildOrg(stack, {
      units: [
        { key: 'dinas', name: 'Dinas Perhubungan', kind: 'dinas' },
        { key: 'bidang', name: 'Bidang Lalu Lintas', kind: 'bidang', parent: 'dinas' },
        { key: 'seksi', name: 'Seksi Rekayasa Lalu Lintas', kind: 'seksi', parent: 'bidang' },
      ],
      posts: [
        { key: 'kadis', title: 'Kepala Dinas Perhubungan', unit: 'dinas', level: 'jpt-pratama', head: true, holder: 'kadis' },
        { key: 'kabid', title: 'Kepala Bidang Lalu Lintas', unit: 'bidang', superior: 'kadis', head: true, holder: 'kabid' },
        { key: 'kasi', title: 'Kepala Seksi Rekayasa Lalu Lintas', unit: 'seksi', level: 'pengawas', superior: 'kabid', head: true, holder: 'kasi' },
        { key: 'staf', title: 'Analis Lalu Lintas', unit: 'seksi', level: 'pelaksana', superior: 'kasi', holder: 'staf' },
      ],
      people: { kadis: 'Ir. Bambang Sutrisno', kabid: 'Dewi Lestari, S.T.', kasi: 'Arief Rahman', staf: 'Putri Ayu', admin: 'Admin Dishub' },
      admins: ['admin'],
    });
  }, 60_000);
  afterAll(() => stack?.close());

  const stage = (over: Partial<StageDefinition>): StageDefinition => ({ key: 'kepala-unit', name: 'Kepala Unit Pengusul', approvers: [{ kind: 'head-of-proposer-unit' }], mode: 'any', ...over });
  const submit = async (proposer: string, stages: StageDefinition[], title: string) => {
    const templateCode = await insertTemplate(stack.dataSource, stages, 'rute');
    return (await (await org.as(proposer)).post('/api/proposals', validProposal({ title, templateCode })).expect(201)).body.id as string;
  };
  const proposal = async (id: string) => (await (await org.as('admin')).get(`/api/proposals/${id}`).expect(200)).body as { status: string; tasks: TaskRow[]; timeline: { type: string; reason?: string }[] };
  const history = async (id: string) => (await (await org.as('admin')).get(`/api/proposals/${id}/history`).expect(200)).body as HistoryRow[];
  const openTaskOf = (id: string, post: string) =>
    eventually(async () => (await proposal(id)).tasks.find((t) => t.status === 'open' && t.positionId === org.post(post)), 30_000, `an open task at ${post}`);

  it('routes the unit head\'s own slot to the superior post, records why, and lets the superior decide', async () => {
    const id = await submit('kasi', [stage({})], 'Rekayasa simpang bersinyal adaptif');
    const task = await openTaskOf(id, 'kabid');
    expect(task).toMatchObject({ assigneeName: 'Dewi Lestari, S.T.' });
    expect((await proposal(id)).tasks.filter((t) => t.positionId === org.post('kasi'))).toEqual([]);

    const created = (await history(id)).find((e) => e.type === 'task.created')!;
    expect(created.actorPersonId).toBe(org.person('kabid'));
    expect(created.data).toMatchObject({ taskId: task.id, escalationLevel: 0, routedAround: { positionId: org.post('kasi'), positionTitle: 'Kepala Seksi Rekayasa Lalu Lintas', reason: 'proposer-holds-post' } });
    expect((await proposal(id)).timeline.find((e) => e.type === 'task.created')?.reason).toBe(
      'Pengusul memegang jabatan Kepala Seksi Rekayasa Lalu Lintas: tugas dialihkan ke jabatan atasan',
    );

    // Segregation of duties still holds for the proposer, whoever's the task is.
    const self = await (await org.as('kasi')).post(`/api/tasks/${task.id}/decision`, { decision: 'approve' }).expect(403);
    expect(self.body.code).toBe('SEGREGATION_OF_DUTIES');
    await (await org.as('kabid')).post(`/api/tasks/${task.id}/decision`, { decision: 'approve' }).expect(200);
    await eventually(async () => (await proposal(id)).status === 'approved', 20_000, 'the approval');
  }, 60_000);

  it('routes past a superior post that is already a slot of the stage, so nobody holds two of its slots', async () => {
    const both = { kind: 'positions' as const, positionIds: [org.post('kasi'), org.post('kabid')] };
    const id = await submit('kasi', [stage({ approvers: [both], mode: 'all' })], 'Parkir elektronik tepi jalan');
    const routed = await openTaskOf(id, 'kadis');
    await openTaskOf(id, 'kabid');
    expect((await proposal(id)).tasks.filter((t) => t.status === 'open').map((t) => t.positionId).sort()).toEqual([org.post('kabid'), org.post('kadis')].sort());
    expect((await history(id)).find((e) => e.type === 'task.created' && e.data.taskId === routed.id)?.data.routedAround).toMatchObject({ positionId: org.post('kasi') });
  }, 60_000);

  it('escalates past a superior post the proposer acts for', async () => {
    const id = await submit('kasi', [stage({ approvers: [{ kind: 'position', positionId: org.post('staf') }], sla: 'PT2S' })], 'Aplikasi uji KIR daring');
    await openTaskOf(id, 'staf');
    const escalated = await openTaskOf(id, 'kabid');
    expect(escalated).toMatchObject({ assigneeName: 'Dewi Lestari, S.T.' });
    const events = await history(id);
    expect(events.find((e) => e.type === 'task.escalated')?.data).toMatchObject({ toPositionId: org.post('kabid'), toName: 'Dewi Lestari, S.T.' });
    expect(events.find((e) => e.type === 'task.created' && e.data.taskId === escalated.id)?.data).toMatchObject({
      escalationLevel: 1,
      routedAround: { positionId: org.post('kasi'), reason: 'proposer-holds-post' },
    });
  }, 60_000);

  it('with no post above the proposer\'s, holds the stage and alerts administrators as for any post that does not resolve', async () => {
    const id = await submit('kadis', [stage({})], 'Bus sekolah gratis');
    const blocked = await eventually(async () => (await history(id)).find((e) => e.type === 'stage.blocked'), 30_000, 'stage.blocked');
    expect(String(blocked.data.reason)).toContain('the proposer acts for Kepala Dinas Perhubungan');
    expect((await proposal(id)).tasks).toEqual([]);
    const alerts = (await (await org.as('admin')).get(`/api/admin/notifications?proposalId=${id}`).expect(200)).body.items as { kind: string }[];
    expect(alerts.map((a) => a.kind)).toEqual(['admin.alert']);
  }, 60_000);
});

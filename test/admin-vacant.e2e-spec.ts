import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { AppointmentEntity, ApprovalTaskEntity, OrgUnitEntity, PersonEntity, PositionEntity } from '@libs/persistence/entities';
import { AppStack, eventually, startAppStack, validProposal } from './support/app-stack';
import { insertTemplate } from './support/templates';

interface AdminTask {
  taskId: string;
  proposalId: string;
  positionId: string;
  positionTitle: string;
  assigneePersonId: string | null;
  assigneeName: string | null;
  capacity: string | null;
  status: string;
  createdAt: string;
  ageSeconds: number;
}

interface Page<T> {
  items: T[];
  total: number;
}

interface SummaryRow {
  unitId: string;
  stageName: string;
  open: number;
  vacant: number;
}

jest.setTimeout(60_000);

/** GET /api/admin/tasks?view=vacant and the summary's vacant count: tasks addressed to a post nobody acts for. */
describe('admin view of tasks at vacant posts', () => {
  let stack: AppStack;
  let admin: string;
  const suffix = randomBytes(4).toString('hex');
  const unitId = randomUUID();
  const vacantPost = randomUUID();
  const heldPost = randomUUID();
  const holder = { id: randomUUID(), nip: `8${Array.from({ length: 17 }, () => randomInt(10)).join('')}`, name: `Gita Pemegang ${suffix}` };
  const stage = `Kosong dan Terisi ${suffix}`;
  const proposals: string[] = [];

  const adminTasks = (query: Record<string, string | number>) =>
    stack.http
      .get('/api/admin/tasks')
      .query(query)
      .auth(admin, { type: 'bearer' })
      .expect(200)
      .then((r) => r.body as Page<AdminTask>);

  beforeAll(async () => {
    stack = await startAppStack();
    admin = await stack.tokenFor('Yoga Permana');
    const db = stack.dataSource;
    await db.getRepository(OrgUnitEntity).insert({ id: unitId, code: `UJI-VAKAN-${suffix}`, name: `Bidang Uji Kosong ${suffix}`, kind: 'bidang', parentId: null });
    // One post with no appointment at all, one with a definitive holder.
    await db.getRepository(PositionEntity).insert([
      { id: vacantPost, code: `UJI-KOSONG-${suffix}`, title: `Jabatan Kosong ${suffix}`, unitId, level: 'pengawas', superiorPositionId: null, isUnitHead: true },
      { id: heldPost, code: `UJI-TERISI-${suffix}`, title: `Jabatan Terisi ${suffix}`, unitId, level: 'pengawas', superiorPositionId: null, isUnitHead: false },
    ]);
    await db.getRepository(PersonEntity).insert({ id: holder.id, nip: holder.nip, name: holder.name, email: `${holder.nip}@uji.example.go.id`, roles: ['approver'] });
    await db.getRepository(AppointmentEntity).insert({
      id: randomUUID(), personId: holder.id, positionId: heldPost, capacity: 'definitif', startsAt: new Date(Date.now() - 86_400_000), endsAt: null,
    });
    // Both posts must approve: one slot nobody holds, one slot the holder holds.
    const templateCode = await insertTemplate(db, [
      { key: 'dua', name: stage, approvers: [{ kind: 'positions', positionIds: [vacantPost, heldPost] }], mode: 'all', sla: 'P2D' },
    ], 'vakan');
    const rina = await stack.tokenFor('Rina Wulandari');
    for (const title of [`Kosong pertama ${suffix}`, `Kosong kedua ${suffix}`]) {
      const res = await stack.http.post('/api/proposals').auth(rina, { type: 'bearer' }).send(validProposal({ title, templateCode })).expect(201);
      proposals.push(res.body.id as string);
      // One after the other, so "oldest first" has an order to show.
      await eventually(async () => (await db.getRepository(ApprovalTaskEntity).countBy({ proposalId: res.body.id, status: 'open' })) === 2, 20_000, 'both tasks');
    }
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('lists open tasks with no assignee, oldest first, with their age; never a task somebody holds', async () => {
    const page = await adminTasks({ view: 'vacant', stage });
    expect(page.total).toBe(2);
    expect(page.items.map((t) => t.proposalId)).toEqual(proposals);
    expect(Date.parse(page.items[0].createdAt)).toBeLessThanOrEqual(Date.parse(page.items[1].createdAt));
    for (const task of page.items) {
      expect(task).toMatchObject({ positionId: vacantPost, positionTitle: `Jabatan Kosong ${suffix}`, assigneePersonId: null, assigneeName: null, capacity: null, status: 'open' });
      expect(task.ageSeconds).toEqual(expect.any(Number));
    }
    // The held post's tasks are open too, but somebody acts for them.
    const open = await adminTasks({ view: 'open', stage });
    expect(open.total).toBe(4);
    expect(open.items.filter((t) => t.positionId === heldPost).every((t) => t.assigneePersonId === holder.id)).toBe(true);
    expect((await adminTasks({ view: 'vacant', stage, positionId: heldPost })).total).toBe(0);
  });

  it('applies the same filters as the other views', async () => {
    expect((await adminTasks({ view: 'vacant', stage, positionId: vacantPost })).total).toBe(2);
    expect((await adminTasks({ view: 'vacant', stage: `${stage} lain` })).total).toBe(0);
    // The unit filter is the proposer's unit (Rina's section), not the post's.
    expect((await adminTasks({ view: 'vacant', stage, unitId })).total).toBe(0);
    const rinaUnit = (await adminTasks({ view: 'vacant', stage })).items[0] as AdminTask & { unitId: string };
    expect((await adminTasks({ view: 'vacant', stage, unitId: rinaUnit.unitId })).total).toBe(2);
    const second = await adminTasks({ view: 'vacant', stage, pageSize: 1, page: 2 });
    expect(second).toMatchObject({ total: 2, items: [expect.objectContaining({ proposalId: proposals[1] })] });
  });

  it("keeps a vacant post's task out of everyone's inbox", async () => {
    const vacantTasks = (await adminTasks({ view: 'vacant', stage })).items.map((t) => t.taskId);
    const holderToken = (await stack.http.post('/api/auth/dev-login').send({ nip: holder.nip }).expect(200)).body.accessToken as string;
    const inboxes = [holderToken, admin, await stack.tokenFor('Rina Wulandari'), await stack.tokenFor('Siti Rahmawati')];
    for (const token of inboxes) {
      const inbox = await stack.http.get('/api/tasks').query({ pageSize: 100 }).auth(token, { type: 'bearer' }).expect(200);
      const ids = inbox.body.items.map((t: { id: string }) => t.id);
      expect(ids.filter((id: string) => vacantTasks.includes(id))).toEqual([]);
    }
    // The holder of the other post has exactly their own two.
    const holderInbox = await stack.http.get('/api/tasks').query({ pageSize: 100 }).auth(holderToken, { type: 'bearer' }).expect(200);
    expect(holderInbox.body.items.map((t: { positionId: string }) => t.positionId)).toEqual([heldPost, heldPost]);
  });

  it('counts the vacant tasks in the summary, per unit and stage and in the totals', async () => {
    // Other test files share the database: walk every page for this file's stage.
    const rows: SummaryRow[] = [];
    let totals: Record<string, number> = {};
    for (let page = 1; ; page++) {
      const res = await stack.http.get('/api/admin/summary').query({ pageSize: 100, page }).auth(admin, { type: 'bearer' }).expect(200);
      rows.push(...(res.body.items as SummaryRow[]).filter((r) => r.stageName === stage));
      totals = res.body.totals;
      if (page * 100 >= res.body.total) break;
    }
    expect(rows).toEqual([expect.objectContaining({ stageName: stage, open: 4, vacant: 2 })]);
    expect(totals.vacant).toBeGreaterThanOrEqual(2);
    expect(totals.vacant).toBeLessThanOrEqual(totals.open);
  });

  it('documents the view and the count in OpenAPI', async () => {
    const doc = (await stack.http.get('/api/docs-json').expect(200)).body;
    const view = doc.paths['/api/admin/tasks'].get.parameters.find((p: { name: string }) => p.name === 'view');
    expect(view.schema.enum).toContain('vacant');
    expect(view.description).toMatch(/vacant/);
    expect(doc.components.schemas.SummaryCounts.properties.vacant).toMatchObject({ type: 'number', example: expect.any(Number) });
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import type { StageDefinition } from '@libs/domain/chain';
import { ChainTemplateEntity, NotificationOutboxEntity } from '@libs/persistence/entities';
import { idOf } from '@libs/persistence/seed/demo-organization';
import { AppStack, eventually, personId, positionId, startAppStack, validProposal } from './support/app-stack';

interface AdminTask {
  taskId: string;
  proposalId: string;
  status: string;
  stageName: string;
  dueAt: string | null;
  createdAt: string;
  ageSeconds: number;
  overdueSeconds: number;
  escalationLevel: number;
  escalatedFromTaskId: string | null;
  assigneeName: string | null;
  ageWorkingDays: number;
  stuckReason: { kind: string; since: string; workingDays: number } | null;
}

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const USAHA = idOf('unit', 'DPMPTSP-YAN-USAHA');
const DINKES = idOf('unit', 'DINKES');
const KASI = positionId('KASI-USAHA');

// Real SLA timers run for a few seconds, longer than Jest's default per-test limit.
jest.setTimeout(60_000);

/** Administrators' dashboards (overdue, escalated, stuck, open, summary, outbox) and cancellation, against real workflows. */
describe('admin dashboards and cancel', () => {
  let stack: AppStack;
  let admin: string;
  const suffix = randomBytes(4).toString('hex');
  // Stage names carry the suffix, so filtering by stage isolates this file's tasks from other test files'.
  const stages = {
    overdue: `Jatuh Tempo ${suffix}`,
    escalate: `Eskalasi ${suffix}`,
    open: `Terbuka ${suffix}`,
    cancel: `Pembatalan ${suffix}`,
  };

  /** Stores a one-stage chain template and returns its code. */
  async function template(name: string, stage: Omit<StageDefinition, 'key' | 'name' | 'mode'>): Promise<string> {
    const code = `admin-${randomBytes(5).toString('hex')}`;
    await stack.dataSource.getRepository(ChainTemplateEntity).insert({
      id: randomUUID(),
      code,
      version: 1,
      name,
      categories: [],
      definition: { stages: [{ key: 'only', name, mode: 'any', ...stage }] },
    });
    return code;
  }

  async function submit(proposerName: string, templateCode: string, title: string, extra: Record<string, unknown> = {}): Promise<string> {
    const token = await stack.tokenFor(proposerName);
    const res = await stack.http.post('/api/proposals').auth(token, { type: 'bearer' }).send(validProposal({ title, templateCode, ...extra })).expect(201);
    return res.body.id as string;
  }

  /** One page of GET /api/admin/tasks as the administrator sees it. */
  function adminTasks(query: Record<string, string | number | boolean>): Promise<Page<AdminTask>> {
    return stack.http
      .get('/api/admin/tasks')
      .query(query)
      .auth(admin, { type: 'bearer' })
      .expect(200)
      .then((r) => r.body as Page<AdminTask>);
  }

  const proposals: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startAppStack();
    admin = await stack.tokenFor('Yoga Permana');
    const overdueTpl = await template(stages.overdue, { approvers: [{ kind: 'position', positionId: KASI }], sla: 'PT2S', onTimeout: { action: 'notify-admin' } });
    const escalateTpl = await template(stages.escalate, {
      approvers: [{ kind: 'head-of-proposer-unit' }],
      sla: 'PT2S',
      // One escalation only: Agus's replacement task then stays with him (admins are alerted instead).
      onTimeout: { action: 'escalate-superior', maxEscalations: 1 },
    });
    const openTpl = await template(stages.open, { approvers: [{ kind: 'position', positionId: KASI }], sla: 'P2D' });
    // Submitted first so the SLA clocks of the timed stages run while the rest is set up.
    proposals.overdue1 = await submit('Rina Wulandari', overdueTpl, 'Overdue one');
    proposals.escalate = await submit('Rina Wulandari', escalateTpl, 'Escalated one');
    proposals.overdue2 = await submit('Dimas Pratama', overdueTpl, 'Overdue two');
    proposals.openRina = await submit('Rina Wulandari', openTpl, 'Open from licensing');
    // Maya (Dinas Kesehatan) proposes too, so the unit filter has something to tell apart.
    proposals.openMaya = await submit('Maya Kusuma', openTpl, 'Open from health');
  });

  afterAll(async () => {
    await stack?.close();
  });

  describe('task views', () => {
    it('lists a task past its due time under notify-admin as overdue, most overdue first, with the admins alerted', async () => {
      const page = await eventually(async () => {
        const p = await adminTasks({ view: 'overdue', stage: stages.overdue });
        return p.total === 2 && p.items.every((t) => t.overdueSeconds > 0) && p;
      }, 30_000, 'both notify-admin tasks overdue by a second');
      expect(page.items.map((t) => t.proposalId).sort()).toEqual([proposals.overdue1, proposals.overdue2].sort());
      // The most overdue (earliest due) first; the workflows, not the submission order, set the due times.
      expect(Date.parse(page.items[0].dueAt!)).toBeLessThan(Date.parse(page.items[1].dueAt!));
      expect(page.items[0].overdueSeconds).toBeGreaterThanOrEqual(page.items[1].overdueSeconds);
      const first = page.items.find((t) => t.proposalId === proposals.overdue1)!;
      expect(first).toEqual({
        taskId: expect.any(String),
        proposalId: proposals.overdue1,
        proposalTitle: 'Overdue one',
        unitId: USAHA,
        unitName: 'Seksi Perizinan Usaha',
        stageIndex: 0,
        stageName: stages.overdue,
        round: 1,
        positionId: KASI,
        positionTitle: 'Kepala Seksi Perizinan Usaha',
        assigneePersonId: personId('Siti Rahmawati'),
        assigneeName: 'Siti Rahmawati',
        capacity: 'definitif',
        status: 'open',
        createdAt: expect.any(String),
        dueAt: expect.any(String),
        decidedAt: null,
        ageSeconds: expect.any(Number),
        overdueSeconds: expect.any(Number),
        escalationLevel: 0,
        escalatedFromTaskId: null,
        remindersSent: 0,
        ageWorkingDays: expect.any(Number),
        // notify-admin only told the administrators: the task waits because it is late, since its due time.
        stuckReason: { kind: 'overdue', since: first.dueAt, workingDays: expect.any(Number) },
      });
      expect(first.ageSeconds).toBeGreaterThanOrEqual(first.overdueSeconds + 1);

      // notify-admin leaves the task open and tells every administrator through the outbox.
      const alert = await eventually(async () => {
        const res = await stack.http.get('/api/admin/notifications').query({ proposalId: proposals.overdue1, kind: 'admin.alert' }).auth(admin, { type: 'bearer' }).expect(200);
        return res.body.items[0];
      }, 20_000, 'the admin alert of the notify-admin timeout');
      expect(alert).toMatchObject({ taskId: first.taskId, recipientRole: 'admin', recipientPersonId: null, payload: { reason: 'notify-admin', taskId: first.taskId } });
      const still = await adminTasks({ view: 'overdue', stage: stages.overdue });
      expect(still.items.find((t) => t.taskId === first.taskId)?.status).toBe('open');
    });

    it('counts overdue, escalated and stuck work per unit and stage in the summary, overdue first', async () => {
      await eventually(async () => (await adminTasks({ view: 'overdue', stage: stages.overdue })).total === 2, 30_000, 'the overdue tasks');
      await eventually(async () => (await adminTasks({ view: 'open', stage: stages.open })).total === 2, 20_000, 'the two open tasks');
      const fetch = async (olderThan?: string) => {
        const res = await stack.http.get('/api/admin/summary').query({ pageSize: 100, ...(olderThan ? { olderThan } : {}) }).auth(admin, { type: 'bearer' }).expect(200);
        return res.body as Page<{ unitId: string; stageName: string; open: number; overdue: number; escalated: number; stuck: number; oldestAgeSeconds: number }> & {
          totals: Record<string, number>;
          olderThan: string;
          generatedAt: string;
        };
      };
      const summary = await fetch();
      expect(summary).toMatchObject({ page: 1, pageSize: 100, olderThan: 'P7D', generatedAt: expect.any(String) });
      const row = summary.items.find((r) => r.stageName === stages.overdue && r.unitId === USAHA);
      expect(row).toEqual({
        unitId: USAHA,
        unitName: 'Seksi Perizinan Usaha',
        stageName: stages.overdue,
        open: 2,
        overdue: 2,
        escalated: 0,
        stuck: 0,
        vacant: 0,
        oldestAgeSeconds: expect.any(Number),
      });
      expect(row!.oldestAgeSeconds).toBeGreaterThanOrEqual(2);
      expect(summary.totals.overdue).toBeGreaterThanOrEqual(2);
      expect(summary.totals.open).toBeGreaterThanOrEqual(row!.open);
      // Sorted by overdue (most first), then by the oldest open task.
      const keys = summary.items.map((r) => [r.overdue, r.oldestAgeSeconds]);
      expect(keys).toEqual([...keys].sort((a, b) => b[0] - a[0] || b[1] - a[1]));
      // Maya's proposal belongs to Dinas Kesehatan: its own row for the same stage.
      expect(summary.items.filter((r) => r.stageName === stages.open).map((r) => [r.unitId, r.open]).sort()).toEqual([[DINKES, 1], [USAHA, 1]].sort());

      const short = await fetch('PT1S');
      expect(short.items.find((r) => r.stageName === stages.overdue)).toMatchObject({ stuck: 2 });
      expect(short.totals.stuck).toBeGreaterThanOrEqual(2);
    });

    it('lists escalation tasks as escalated, and with includeClosed the tasks they replaced', async () => {
      const escalated = await eventually(async () => {
        const p = await adminTasks({ view: 'escalated', stage: stages.escalate });
        return p.total === 1 && p.items[0];
      }, 30_000, 'the escalation of the Kepala Seksi task');
      expect(escalated).toMatchObject({
        proposalId: proposals.escalate,
        status: 'open',
        escalationLevel: 1,
        escalatedFromTaskId: expect.any(String),
        positionId: positionId('KABID-YAN'),
        assigneeName: 'Agus Setiawan',
        positionTitle: 'Kepala Bidang Pelayanan Perizinan',
      });
      // Agus's task times out too, after the one escalation allowed: it stays with him, and says why.
      const capped = await eventually(async () => {
        const p = await adminTasks({ view: 'escalated', stage: stages.escalate });
        return p.items[0]?.stuckReason?.kind === 'escalation-cap-reached' && p.items[0];
      }, 30_000, 'the escalation cap reached on the escalation task');
      expect(capped.stuckReason).toEqual({ kind: 'escalation-cap-reached', since: expect.any(String), workingDays: expect.any(Number) });
      expect(Date.parse(capped.stuckReason!.since)).toBeGreaterThanOrEqual(Date.parse(capped.dueAt!));
      const all = await adminTasks({ view: 'escalated', stage: stages.escalate, includeClosed: true });
      expect(all.total).toBe(1);
      // The replaced task has escalation level 0, so it is not an escalation task itself; it shows in `open` no more.
      const open = await adminTasks({ view: 'open', stage: stages.escalate });
      expect(open.items.map((t) => t.taskId)).toEqual([escalated.taskId]);

      const summary = await stack.http.get('/api/admin/summary').query({ pageSize: 100 }).auth(admin, { type: 'bearer' }).expect(200);
      expect(summary.body.items.find((r: { stageName: string }) => r.stageName === stages.escalate)).toMatchObject({ open: 1, escalated: 1 });
    });

    it('keeps closed escalation tasks out of the escalated view unless includeClosed=true', async () => {
      const escalated = await eventually(async () => (await adminTasks({ view: 'escalated', stage: stages.escalate })).items[0], 30_000, 'the escalation task');
      const agus = await stack.tokenFor('Agus Setiawan');
      await stack.http.post(`/api/tasks/${escalated.taskId}/decision`).auth(agus, { type: 'bearer' }).send({ decision: 'approve' }).expect(200);

      expect((await adminTasks({ view: 'escalated', stage: stages.escalate })).total).toBe(0);
      const withClosed = await adminTasks({ view: 'escalated', stage: stages.escalate, includeClosed: true });
      expect(withClosed.items).toEqual([expect.objectContaining({ taskId: escalated.taskId, status: 'approved', escalationLevel: 1, decidedAt: expect.any(String) })]);
      // A closed task's clock stopped when it closed.
      const [closed] = withClosed.items;
      const closedAge = closed.ageSeconds;
      await new Promise((r) => setTimeout(r, 1100));
      expect((await adminTasks({ view: 'escalated', stage: stages.escalate, includeClosed: true })).items[0].ageSeconds).toBe(closedAge);
    });

    it('lists open tasks older than olderThan as stuck, oldest first', async () => {
      await eventually(async () => (await adminTasks({ view: 'open', stage: stages.overdue })).total === 2, 20_000, 'the two tasks');
      await eventually(async () => (await adminTasks({ view: 'stuck', stage: stages.overdue, olderThan: 'PT1S' })).total === 2, 20_000, 'two tasks older than a second');
      const stuck = await adminTasks({ view: 'stuck', stage: stages.overdue, olderThan: 'PT1S' });
      expect(stuck.items.map((t) => t.proposalId).sort()).toEqual([proposals.overdue1, proposals.overdue2].sort());
      expect(Date.parse(stuck.items[0].createdAt)).toBeLessThan(Date.parse(stuck.items[1].createdAt));
      expect(stuck.items.every((t) => t.ageSeconds >= 1)).toBe(true);
      expect(await adminTasks({ view: 'stuck', stage: stages.overdue, olderThan: 'P1D' })).toMatchObject({ items: [], total: 0 });
      // The default is P7D.
      expect((await adminTasks({ view: 'stuck', stage: stages.overdue })).total).toBe(0);
    });

    it('filters by unit, stage and post', async () => {
      const open = await eventually(async () => {
        const p = await adminTasks({ view: 'open', stage: stages.open });
        return p.total === 2 && p;
      }, 20_000, 'the two open tasks');
      expect(open.items.map((t) => t.proposalId).sort()).toEqual([proposals.openMaya, proposals.openRina].sort());

      const health = await adminTasks({ view: 'open', stage: stages.open, unitId: DINKES });
      expect(health.items).toEqual([expect.objectContaining({ proposalId: proposals.openMaya, unitId: DINKES, unitName: 'Dinas Kesehatan' })]);
      expect(health.total).toBe(1);
      const licensing = await adminTasks({ view: 'open', stage: stages.open, unitId: USAHA });
      expect(licensing.items.map((t) => t.proposalId)).toEqual([proposals.openRina]);

      expect((await adminTasks({ view: 'open', stage: stages.open, positionId: KASI })).total).toBe(2);
      expect((await adminTasks({ view: 'open', stage: stages.open, positionId: positionId('KABID-YAN') })).total).toBe(0);
      expect((await adminTasks({ view: 'open', stage: `${stages.open} nope` })).total).toBe(0);
      // Without a view, all open tasks.
      expect((await adminTasks({ stage: stages.open, unitId: USAHA })).items.map((t) => t.proposalId)).toEqual([proposals.openRina]);
    });

    it('paginates with page and pageSize', async () => {
      await eventually(async () => (await adminTasks({ view: 'open', stage: stages.open })).total === 2, 20_000, 'the two open tasks');
      const all = await adminTasks({ view: 'open', stage: stages.open });
      expect(all).toMatchObject({ page: 1, pageSize: 20, total: 2 });
      const first = await adminTasks({ view: 'open', stage: stages.open, pageSize: 1, page: 1 });
      const second = await adminTasks({ view: 'open', stage: stages.open, pageSize: 1, page: 2 });
      expect(first).toMatchObject({ page: 1, pageSize: 1, total: 2 });
      expect(second).toMatchObject({ page: 2, pageSize: 1, total: 2 });
      expect([first.items[0].taskId, second.items[0].taskId]).toEqual(all.items.map((t) => t.taskId));
      expect(await adminTasks({ view: 'open', stage: stages.open, pageSize: 1, page: 3 })).toMatchObject({ items: [], total: 2 });

      const summary = await stack.http.get('/api/admin/summary').query({ pageSize: 1 }).auth(admin, { type: 'bearer' }).expect(200);
      expect(summary.body.items).toHaveLength(1);
      expect(summary.body.total).toBeGreaterThanOrEqual(3);
    });
  });

  describe('notification outbox', () => {
    it('lists what was (to be) sent, filtered by proposal, kind and pending', async () => {
      const assigned = await eventually(async () => {
        const res = await stack.http.get('/api/admin/notifications').query({ proposalId: proposals.openMaya }).auth(admin, { type: 'bearer' }).expect(200);
        return res.body.total >= 1 && (res.body as Page<Record<string, unknown>>);
      }, 20_000, "the assignment notice of Maya's proposal");
      expect(assigned.items).toEqual([
        {
          id: expect.any(String),
          proposalId: proposals.openMaya,
          taskId: expect.any(String),
          kind: 'task.assigned',
          recipientPersonId: personId('Siti Rahmawati'),
          recipientName: 'Siti Rahmawati',
          recipientRole: null,
          payload: { stage: stages.open, dueAt: expect.any(String) },
          createdAt: expect.any(String),
          sentAt: null,
          attempts: 0,
          lastError: null,
        },
      ]);
      const byKind = await stack.http.get('/api/admin/notifications').query({ proposalId: proposals.openMaya, kind: 'task.reminder' }).auth(admin, { type: 'bearer' }).expect(200);
      expect(byKind.body).toMatchObject({ items: [], total: 0 });

      // Simulate the sender delivering the message: it leaves the pending list.
      const id = assigned.items[0].id as string;
      const pending = () => stack.http.get('/api/admin/notifications').query({ proposalId: proposals.openMaya, pending: true }).auth(admin, { type: 'bearer' }).expect(200);
      expect((await pending()).body.total).toBe(1);
      await stack.dataSource.getRepository(NotificationOutboxEntity).update({ id }, { sentAt: new Date(), attempts: 1 });
      expect((await pending()).body.total).toBe(0);
      const sent = await stack.http.get('/api/admin/notifications').query({ proposalId: proposals.openMaya, pending: false }).auth(admin, { type: 'bearer' }).expect(200);
      expect(sent.body.items).toEqual([expect.objectContaining({ id, sentAt: expect.any(String), attempts: 1 })]);
    });
  });

  describe('access and validation', () => {
    it.each(['Rina Wulandari', 'Siti Rahmawati'])('refuses %s (not an administrator) on every admin endpoint', async (name) => {
      const token = await stack.tokenFor(name);
      for (const req of [
        stack.http.get('/api/admin/tasks'),
        stack.http.get('/api/admin/summary'),
        stack.http.get('/api/admin/notifications'),
        stack.http.post(`/api/admin/proposals/${proposals.openRina}/cancel`).send({ reason: 'Tidak berwenang.' }),
      ]) {
        const res = await req.auth(token, { type: 'bearer' });
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({ statusCode: 403, code: 'ROLE_REQUIRED', correlationId: expect.any(String) });
      }
    });

    it('serves an inspector who is both approver and administrator', async () => {
      const ratna = await stack.tokenFor('Ratna Sari');
      await stack.http.get('/api/admin/tasks').auth(ratna, { type: 'bearer' }).expect(200);
    });

    it('refuses anonymous callers with 401', async () => {
      await stack.http.get('/api/admin/tasks').expect(401);
    });

    it.each([
      ['/api/admin/tasks', { view: 'bogus' }, 'view'],
      ['/api/admin/tasks', { view: 'stuck', olderThan: 'P1Y' }, 'olderThan'],
      ['/api/admin/tasks', { view: 'stuck', olderThan: 'abc' }, 'olderThan'],
      ['/api/admin/tasks', { view: 'stuck', olderThan: 'P99999999W' }, 'olderThan'],
      ['/api/admin/tasks', { pageSize: '0' }, 'pageSize'],
      ['/api/admin/tasks', { pageSize: '101' }, 'pageSize'],
      ['/api/admin/tasks', { page: '0' }, 'page'],
      ['/api/admin/tasks', { page: 'two' }, 'page'],
      ['/api/admin/tasks', { unitId: 'not-a-uuid' }, 'unitId'],
      ['/api/admin/tasks', { positionId: '123' }, 'positionId'],
      ['/api/admin/tasks', { includeClosed: 'yes' }, 'includeClosed'],
      ['/api/admin/tasks', { sort: 'asc' }, 'sort'],
      ['/api/admin/summary', { olderThan: 'P1Y' }, 'olderThan'],
      ['/api/admin/summary', { pageSize: '0' }, 'pageSize'],
      ['/api/admin/notifications', { kind: 'sms' }, 'kind'],
      ['/api/admin/notifications', { pending: 'maybe' }, 'pending'],
      ['/api/admin/notifications', { proposalId: 'x' }, 'proposalId'],
    ])('answers %s with %j with 422 naming the field', async (url, query, field) => {
      const res = await stack.http.get(url).query(query).auth(admin, { type: 'bearer' });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ statusCode: 422, code: 'VALIDATION_FAILED', details: expect.arrayContaining([expect.objectContaining({ field })]) });
    });

    it('refuses a repeated view parameter with 422 rather than guessing', async () => {
      const res = await stack.http.get('/api/admin/tasks?view=open&view=overdue').auth(admin, { type: 'bearer' });
      expect(res.status).toBe(422);
      expect(res.body.details[0].field).toBe('view');
    });
  });

  describe('cancel', () => {
    let cancelTpl: string;

    beforeAll(async () => {
      cancelTpl = await template(stages.cancel, { approvers: [{ kind: 'position', positionId: KASI }], sla: 'P2D' });
    });

    async function inReview(title: string): Promise<{ proposalId: string; taskId: string }> {
      const proposalId = await submit('Rina Wulandari', cancelTpl, title);
      const task = await eventually(async () => {
        const p = await adminTasks({ view: 'open', stage: stages.cancel });
        return p.items.find((t) => t.proposalId === proposalId);
      }, 20_000, `the open task of "${title}"`);
      return { proposalId, taskId: task.taskId };
    }

    it('cancels a proposal under review: tasks cancelled, record names the admin and the reason, the proposer is told', async () => {
      const { proposalId, taskId } = await inReview('To be cancelled');
      const reason = 'Usulan ganda dengan usulan Satu Data yang sudah berjalan.';
      const send = (key: string) =>
        stack.http.post(`/api/admin/proposals/${proposalId}/cancel`).auth(admin, { type: 'bearer' }).set('Idempotency-Key', key).send({ reason });
      const res = await send(`cancel-${proposalId}`).expect(200);
      expect(res.body).toEqual({ proposalStatus: 'cancelled', closedAt: expect.any(String), cancelledTasks: [taskId] });

      const rina = await stack.tokenFor('Rina Wulandari');
      const proposal = await stack.http.get(`/api/proposals/${proposalId}`).auth(rina, { type: 'bearer' }).expect(200);
      expect(proposal.body).toMatchObject({ status: 'cancelled', statusLabel: 'Dibatalkan' });
      expect(proposal.body.tasks).toEqual([expect.objectContaining({ id: taskId, status: 'cancelled' })]);

      const siti = await stack.tokenFor('Siti Rahmawati');
      const inbox = await stack.http.get('/api/tasks').auth(siti, { type: 'bearer' }).expect(200);
      expect(inbox.body.items.find((t: { id: string }) => t.id === taskId)).toBeUndefined();
      expect((await adminTasks({ view: 'open', stage: stages.cancel })).items.find((t) => t.proposalId === proposalId)).toBeUndefined();

      const history = await stack.http.get(`/api/proposals/${proposalId}/history`).auth(admin, { type: 'bearer' }).expect(200);
      expect(history.body.at(-1)).toMatchObject({
        type: 'proposal.cancelled',
        actorPersonId: personId('Yoga Permana'),
        actorName: 'Yoga Permana',
        data: { reason, cancelledTasks: [taskId] },
      });
      const verify = await stack.http.get(`/api/proposals/${proposalId}/history/verify`).auth(admin, { type: 'bearer' }).expect(200);
      expect(verify.body).toMatchObject({ valid: true });

      const told = await stack.http.get('/api/admin/notifications').query({ proposalId, kind: 'proposal.decided' }).auth(admin, { type: 'bearer' }).expect(200);
      expect(told.body.items).toEqual([
        expect.objectContaining({ recipientPersonId: personId('Rina Wulandari'), recipientName: 'Rina Wulandari', payload: { status: 'cancelled', reason } }),
      ]);

      // A retry with the same key, even after the workflow has completed, answers the first result.
      const retried = await send(`cancel-${proposalId}`).expect(200);
      expect(retried.body).toEqual(res.body);
      // Cancelling again (a new request) is a conflict: the approval has ended.
      const again = await send(`cancel-again-${proposalId}`).expect(409);
      expect(again.body).toMatchObject({ statusCode: 409, code: 'APPROVAL_CLOSED', details: { status: 'cancelled' } });
      expect(again.body.message).toMatch(/already ended \(cancelled\)/);
      const records = await stack.http.get(`/api/proposals/${proposalId}/history`).auth(admin, { type: 'bearer' }).expect(200);
      expect(records.body.filter((e: { type: string }) => e.type === 'proposal.cancelled')).toHaveLength(1);
    });

    it('answers a retried cancellation with the same Idempotency-Key with the first result, while the approval runs', async () => {
      const { proposalId, taskId } = await inReview('Cancelled by a retried request');
      const send = () =>
        stack.http.post(`/api/admin/proposals/${proposalId}/cancel`).auth(admin, { type: 'bearer' }).set('Idempotency-Key', 'retry-1').send({ reason: 'Dibatalkan.' });
      const [a, b] = await Promise.all([send(), send()]);
      expect(a.status).toBe(200);
      expect(b.status).toBe(200);
      expect(b.body).toEqual(a.body);
      expect(a.body.cancelledTasks).toEqual([taskId]);
      const history = await stack.http.get(`/api/proposals/${proposalId}/history`).auth(admin, { type: 'bearer' }).expect(200);
      expect(history.body.filter((e: { type: string }) => e.type === 'proposal.cancelled')).toHaveLength(1);
    });

    it('requires a reason (422 on reason) and leaves the proposal under review', async () => {
      const { proposalId } = await inReview('Cancel without a reason');
      for (const body of [{}, { reason: '   ' }, { reason: 42 }]) {
        const res = await stack.http.post(`/api/admin/proposals/${proposalId}/cancel`).auth(admin, { type: 'bearer' }).send(body);
        expect(res.status).toBe(422);
        expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'reason' })]));
      }
      const unknown = await stack.http.post(`/api/admin/proposals/${proposalId}/cancel`).auth(admin, { type: 'bearer' }).send({ reason: 'x', force: true });
      expect(unknown.status).toBe(422);
      expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'force' })]);
      const badKey = await stack.http.post(`/api/admin/proposals/${proposalId}/cancel`).auth(admin, { type: 'bearer' }).set('Idempotency-Key', 'not ok!').send({ reason: 'x' });
      expect(badKey.status).toBe(422);
      expect(badKey.body.details[0].field).toBe('Idempotency-Key');

      const proposal = await stack.http.get(`/api/proposals/${proposalId}`).auth(admin, { type: 'bearer' }).expect(200);
      expect(proposal.body.status).toBe('in_review');
    });

    it('refuses to cancel a draft (409), an unknown proposal (404) and a malformed id (422)', async () => {
      const draft = await submit('Rina Wulandari', cancelTpl, 'Still a draft', { submit: false });
      const res = await stack.http.post(`/api/admin/proposals/${draft}/cancel`).auth(admin, { type: 'bearer' }).send({ reason: 'Tidak jadi.' }).expect(409);
      expect(res.body).toMatchObject({ code: 'NOT_SUBMITTED', details: { status: 'draft' } });

      const missing = await stack.http.post(`/api/admin/proposals/${randomUUID()}/cancel`).auth(admin, { type: 'bearer' }).send({ reason: 'x' }).expect(404);
      expect(missing.body.code).toBe('NOT_FOUND');
      const malformed = await stack.http.post('/api/admin/proposals/not-a-uuid/cancel').auth(admin, { type: 'bearer' }).send({ reason: 'x' }).expect(422);
      expect(malformed.body.details).toEqual([{ field: 'id', messages: ['id must be a UUID'] }]);
    });

    it('refuses a non-administrator, even the proposer (403), and the approval keeps running', async () => {
      const { proposalId } = await inReview('Proposer tries to cancel');
      const rina = await stack.tokenFor('Rina Wulandari');
      const res = await stack.http.post(`/api/admin/proposals/${proposalId}/cancel`).auth(rina, { type: 'bearer' }).send({ reason: 'Saya batalkan.' }).expect(403);
      expect(res.body.code).toBe('ROLE_REQUIRED');
      const proposal = await stack.http.get(`/api/proposals/${proposalId}`).auth(rina, { type: 'bearer' }).expect(200);
      expect(proposal.body.status).toBe('in_review');
    });
  });

  describe('OpenAPI', () => {
    it('documents the admin endpoints with their parameters, bodies and examples', async () => {
      const doc = (await stack.http.get('/api/docs-json').expect(200)).body;
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/admin/tasks', '/api/admin/summary', '/api/admin/notifications', '/api/admin/proposals/{id}/cancel']),
      );
      const tasks = doc.paths['/api/admin/tasks'].get;
      expect(tasks.tags).toEqual(['admin']);
      expect(tasks.parameters).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'view', in: 'query', schema: expect.objectContaining({ enum: ['overdue', 'escalated', 'stuck', 'open', 'vacant', 'attention'] }) }),
          expect.objectContaining({ name: 'olderThan', in: 'query' }),
          expect.objectContaining({ name: 'unitId', in: 'query' }),
          expect.objectContaining({ name: 'stage', in: 'query' }),
          expect.objectContaining({ name: 'positionId', in: 'query' }),
          expect.objectContaining({ name: 'includeClosed', in: 'query' }),
          expect.objectContaining({ name: 'page', in: 'query' }),
          expect.objectContaining({ name: 'pageSize', in: 'query' }),
        ]),
      );
      expect(Object.keys(tasks.responses)).toEqual(expect.arrayContaining(['200', '403', '422']));
      const cancel = doc.paths['/api/admin/proposals/{id}/cancel'].post;
      expect(Object.keys(cancel.responses)).toEqual(expect.arrayContaining(['200', '400', '403', '404', '409', '422']));
      expect(cancel.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]));
      const schemas = doc.components.schemas;
      expect(schemas.CancelProposalDto.properties.reason.example).toEqual(expect.any(String));
      expect(schemas.CancelProposalDto.required).toEqual(['reason']);
      expect(schemas.AdminTaskView.properties.overdueSeconds.example).toEqual(expect.any(Number));
      expect(schemas.SummaryPageView.properties).toHaveProperty('totals');
      expect(schemas.NotificationView.properties.kind.enum).toContain('task.reminder');
    });
  });
});

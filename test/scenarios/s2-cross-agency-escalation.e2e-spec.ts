import { randomBytes, randomUUID } from 'node:crypto';
import { ChainTemplateEntity } from '@libs/persistence/entities';
import { idOf } from '@libs/persistence/seed/demo-organization';
import { AppStack, eventually, personId, positionId, startAppStack, validProposal } from '../support/app-stack';

interface HistoryRow {
  seq: number;
  type: string;
  occurredAt: string;
  actorPersonId: string | null;
  actorName: string | null;
  data: Record<string, unknown>;
}

interface Task {
  id: string;
  proposalId: string;
  positionId: string;
  status: string;
  createdAt: string;
}

/**
 * Story S2, "Satu Data Kesehatan dan Sosial": stage 2 needs all three agency heads (health, social,
 * civil registry). The social agency does not act: reminded, then overdue, then escalated to the
 * Sekda, who approves in its place. The story's days are seconds here: SLA PT6S, reminder at PT3S,
 * escalation PT3S after the due time.
 */
describe('S2: cross-agency data integration needs three agencies', () => {
  let stack: AppStack;
  const suffix = randomBytes(4).toString('hex');
  const stage2 = `Kepala Dinas Terkait ${suffix}`;
  const templateCode = `satu-data-${suffix}`;

  beforeAll(async () => {
    stack = await startAppStack();
    await stack.dataSource.getRepository(ChainTemplateEntity).insert({
      id: randomUUID(),
      code: templateCode,
      version: 1,
      name: 'Integrasi Data Lintas Perangkat Daerah v1',
      categories: [],
      definition: {
        stages: [
          { key: 'kepala-unit', name: `Kepala Unit Pengusul ${suffix}`, approvers: [{ kind: 'head-of-proposer-unit' }], mode: 'any', sla: 'P2D' },
          {
            key: 'kepala-dinas-terkait',
            name: stage2,
            approvers: [{ kind: 'positions', positionIds: [positionId('KADIS-DINKES'), positionId('KADIS-DINSOS'), positionId('KADIS-DUKCAPIL')] }],
            mode: 'all',
            condition: { field: 'crossAgency', op: 'eq', value: true },
            sla: 'PT6S',
            reminders: ['PT3S'],
            onTimeout: { action: 'escalate-superior', after: 'PT3S' },
          },
        ],
      },
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  async function inboxTask(name: string, proposalId: string): Promise<Task | undefined> {
    const token = await stack.tokenFor(name);
    const res = await stack.http.get('/api/tasks').auth(token, { type: 'bearer' }).expect(200);
    return (res.body.items as Task[]).find((t) => t.proposalId === proposalId);
  }

  async function decide(name: string, taskId: string, body: Record<string, unknown>, status = 200) {
    const token = await stack.tokenFor(name);
    const res = await stack.http.post(`/api/tasks/${taskId}/decision`).auth(token, { type: 'bearer' }).send(body);
    expect({ who: name, status: res.status, body: res.body }).toMatchObject({ who: name, status });
    return res.body;
  }

  it('reminds, marks overdue, escalates the silent agency to the Sekda, who approves on escalation', async () => {
    const admin = await stack.tokenFor('Yoga Permana');
    const rina = await stack.tokenFor('Rina Wulandari');
    const history = async () =>
      (await stack.http.get(`/api/proposals/${proposalId}/history`).auth(admin, { type: 'bearer' }).expect(200)).body as HistoryRow[];
    const adminTasks = async (query: Record<string, string | boolean>) =>
      (await stack.http.get('/api/admin/tasks').query({ stage: stage2, ...query }).auth(admin, { type: 'bearer' }).expect(200)).body as {
        items: { taskId: string; status: string; escalationLevel: number; escalatedFromTaskId: string | null; assigneeName: string; overdueSeconds: number; remindersSent: number }[];
        total: number;
      };

    // Rina proposes, with the health, social and civil-registry agencies collaborating: cross-agency.
    const created = await stack.http
      .post('/api/proposals')
      .auth(rina, { type: 'bearer' })
      .send(
        validProposal({
          title: 'Satu Data Kesehatan dan Sosial',
          problem: 'Data pasien, penerima bantuan sosial dan kependudukan tersebar di tiga dinas dan tidak saling cocok.',
          proposedChange: 'Integrasi data pasien, bantuan sosial dan kependudukan dengan NIK sebagai kunci bersama.',
          templateCode,
          collaboratingUnitIds: [idOf('unit', 'DINKES'), idOf('unit', 'DINSOS'), idOf('unit', 'DISDUKCAPIL')],
        }),
      )
      .expect(201);
    const proposalId: string = created.body.id;

    // Stage 1: the head of Rina's section approves.
    const stage1 = await eventually(() => inboxTask('Siti Rahmawati', proposalId), 20_000, 'the Kepala Seksi task');
    expect((await decide('Siti Rahmawati', stage1.id, { decision: 'approve', comment: 'Lanjutkan ke dinas terkait.' })).proposalStatus).toBe('in_review');

    // Stage 2 applies (cross-agency) and opens one task per agency head.
    const maya = await eventually(() => inboxTask('Maya Kusuma', proposalId), 20_000, 'the Dinkes task');
    const lestari = await eventually(() => inboxTask('Lestari Dewi', proposalId), 20_000, 'the Dukcapil task');
    const yusuf = await eventually(() => inboxTask('Yusuf Hakim', proposalId), 20_000, 'the Dinsos task');
    expect([maya.positionId, yusuf.positionId, lestari.positionId]).toEqual([positionId('KADIS-DINKES'), positionId('KADIS-DINSOS'), positionId('KADIS-DUKCAPIL')]);
    expect((await decide('Maya Kusuma', maya.id, { decision: 'approve', comment: 'Dinkes setuju.' })).proposalStatus).toBe('in_review');
    expect((await decide('Lestari Dewi', lestari.id, { decision: 'approve', comment: 'Dukcapil setuju.' })).proposalStatus).toBe('in_review');
    const opened = Date.parse(yusuf.createdAt);

    // About 3 s after the task opened: a reminder to Yusuf, recorded and queued in the outbox.
    const reminded = await eventually(
      async () => (await history()).find((e) => e.type === 'task.reminded' && e.data.taskId === yusuf.id),
      30_000,
      "the reminder of Yusuf's task",
    );
    const remindedAfter = Date.parse(reminded.occurredAt) - opened;
    expect(remindedAfter).toBeGreaterThanOrEqual(3000);
    expect(remindedAfter).toBeLessThan(6000);
    const reminders = await stack.http
      .get('/api/admin/notifications')
      .query({ proposalId, kind: 'task.reminder', recipientPersonId: personId('Yusuf Hakim') })
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(reminders.body.items).toEqual([expect.objectContaining({ taskId: yusuf.id, recipientName: 'Yusuf Hakim', payload: expect.objectContaining({ stage: stage2 }) })]);

    // Past the due time, before the grace runs out: the administrator's dashboard lists the task as overdue.
    const overdue = await eventually(
      async () => (await adminTasks({ view: 'overdue' })).items.find((t) => t.taskId === yusuf.id),
      30_000,
      "Yusuf's task in the overdue view",
    );
    expect(overdue).toMatchObject({ status: 'open', escalationLevel: 0, assigneeName: 'Yusuf Hakim', remindersSent: 1 });

    // 3 s after the due time: escalated to the superior post, the Sekda.
    const escalated = await eventually(
      async () => (await history()).find((e) => e.type === 'task.escalated' && e.data.taskId === yusuf.id),
      30_000,
      "the escalation of Yusuf's task",
    );
    expect(escalated.data).toMatchObject({ toPositionId: positionId('SEKDA'), toPersonId: personId('Budi Santoso'), toName: 'Budi Santoso', policy: 'escalate-superior', escalationLevel: 1 });
    const budi = await eventually(() => inboxTask('Budi Santoso', proposalId), 20_000, "the Sekda's escalated task");
    expect(budi).toMatchObject({ id: escalated.data.toTaskId, positionId: positionId('SEKDA'), status: 'open' });

    // The dashboard lists the Sekda's task as escalated; Yusuf's task is escalated and gone from his inbox.
    const escalatedView = await adminTasks({ view: 'escalated' });
    expect(escalatedView.items).toEqual([
      expect.objectContaining({ taskId: budi.id, status: 'open', escalationLevel: 1, escalatedFromTaskId: yusuf.id, assigneeName: 'Budi Santoso' }),
    ]);
    expect((await adminTasks({ view: 'overdue' })).items.find((t) => t.taskId === yusuf.id)).toBeUndefined();
    const during = await stack.http.get(`/api/proposals/${proposalId}`).auth(admin, { type: 'bearer' }).expect(200);
    expect(during.body.tasks.find((t: Task) => t.id === yusuf.id)).toMatchObject({ status: 'escalated' });
    expect(during.body.escalated).toBe(true);
    expect(await inboxTask('Yusuf Hakim', proposalId)).toBeUndefined();

    // Yusuf wakes up too late.
    const late = await decide('Yusuf Hakim', yusuf.id, { decision: 'approve' }, 409);
    expect(late).toMatchObject({ code: 'ALREADY_DECIDED', message: expect.stringContaining('Budi Santoso') });

    // The Sekda approves in the social agency's place: "on escalation".
    const decision = await decide('Budi Santoso', budi.id, { decision: 'approve', comment: 'Disetujui atas eskalasi; Dinsos menyusul.' });
    expect(decision).toMatchObject({ taskId: budi.id, onEscalation: true, capacity: 'definitif', actorPositionId: positionId('SEKDA'), proposalStatus: 'approved' });

    const final = await stack.http.get(`/api/proposals/${proposalId}`).auth(rina, { type: 'bearer' }).expect(200);
    expect(final.body).toMatchObject({ status: 'approved', statusLabel: 'Disetujui' });
    expect(final.body.tasks.filter((t: Task & { stageName: string }) => t.stageName === stage2).map((t: Task) => [t.id, t.status])).toEqual(
      expect.arrayContaining([[maya.id, 'approved'], [lestari.id, 'approved'], [yusuf.id, 'escalated'], [budi.id, 'approved']]),
    );

    // The record: reminded → overdue → escalated → decided on escalation, in that order, and it verifies.
    const rows = await history();
    const at = (match: (e: HistoryRow) => boolean, what: string) => {
      const i = rows.findIndex(match);
      expect({ what, found: i >= 0 }).toEqual({ what, found: true });
      return i;
    };
    const order = [
      at((e) => e.type === 'task.reminded' && e.data.taskId === yusuf.id, 'reminded'),
      at((e) => e.type === 'task.overdue' && e.data.taskId === yusuf.id, 'overdue'),
      at((e) => e.type === 'task.escalated' && e.data.taskId === yusuf.id, 'escalated'),
      at((e) => e.type === 'task.decided' && e.data.taskId === budi.id, 'decided on escalation'),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(rows[order[3]]).toMatchObject({ actorName: 'Budi Santoso', data: { onEscalation: true, decision: 'approve' } });
    expect(rows.at(-1)).toMatchObject({ type: 'proposal.approved' });
    expect(rows.some((e) => e.type === 'stage.skipped')).toBe(false);
    const verify = await stack.http.get(`/api/proposals/${proposalId}/history/verify`).auth(rina, { type: 'bearer' }).expect(200);
    expect(verify.body).toEqual({ valid: true, count: rows.length });

    // Afterwards nothing of this proposal is open; the escalation stays auditable with includeClosed.
    expect((await adminTasks({ view: 'escalated' })).total).toBe(0);
    expect((await adminTasks({ view: 'escalated', includeClosed: true })).items).toEqual([
      expect.objectContaining({ taskId: budi.id, status: 'approved', escalationLevel: 1 }),
    ]);
  }, 120_000);
});

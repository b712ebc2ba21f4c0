import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { StageDefinition } from '@libs/domain/chain';
import { AppointmentEntity, ApprovalTaskEntity, OrgUnitEntity, PersonEntity, PositionEntity } from '@libs/persistence/entities';
import { AppStack, eventually, startAppStack, validProposal } from './support/app-stack';
import { insertTemplate } from './support/templates';

interface Custody {
  taskId: string;
  stageIndex: number;
  stageName: string;
  positionId: string;
  positionTitle: string;
  personId: string | null;
  personName: string | null;
  capacity: string | null;
  status: string;
  decision: string | null;
  via: string;
  previousTaskId: string | null;
  from: string;
  to: string | null;
  escalationLevel: number;
}

interface Handover {
  position: { id: string; code: string; title: string; unitId: string; unitName: string; level: string };
  actingNow: { personId: string; name: string; capacity: string } | null;
  generatedAt: string;
  openTasks: { items: Record<string, unknown>[]; truncated: boolean };
  approvedInProgress: { items: Record<string, unknown>[]; truncated: boolean };
  escalationsPending: { items: Record<string, unknown>[]; truncated: boolean };
  proposals: Record<string, { id: string; title: string; status: string; custody: Custody[] }>;
}

// Real SLA timers and escalations run for several seconds, longer than Jest's default per-test limit.
jest.setTimeout(90_000);

const DAY = 24 * 3600 * 1000;

/**
 * GET /api/positions/:id/handover and the chain of custody on GET /api/proposals/:id, against real
 * workflows, on an organization of its own: post A (stage 1), post B (stage 2, a short SLA) whose
 * superior is post C, where B's task escalates.
 */
describe('post handover and chain of custody', () => {
  let stack: AppStack;
  const suffix = randomBytes(4).toString('hex');
  const unitId = randomUUID();
  const post = { a: randomUUID(), b: randomUUID(), c: randomUUID(), d: randomUUID(), e: randomUUID(), f: randomUUID() };
  const titles = {
    a: `Kepala Seksi Uji ${suffix}`, b: `Kepala Bidang Uji ${suffix}`, c: `Kepala Dinas Uji ${suffix}`,
    d: `Kepala Subbidang Uji ${suffix}`, e: `Sekretaris Uji ${suffix}`, f: `Kepala UPT Uji ${suffix}`,
  };
  const people = {
    holderA: { id: randomUUID(), nip: nip(), name: `Ani Pemegang A ${suffix}` },
    holderB: { id: randomUUID(), nip: nip(), name: `Budi Pemegang B ${suffix}` },
    holderC: { id: randomUUID(), nip: nip(), name: `Citra Pemegang C ${suffix}` },
    incomingA: { id: randomUUID(), nip: nip(), name: `Dedi Calon A ${suffix}` },
    formerA: { id: randomUUID(), nip: nip(), name: `Eka Mantan A ${suffix}` },
    outsider: { id: randomUUID(), nip: nip(), name: `Fani Luar ${suffix}` },
    holderD: { id: randomUUID(), nip: nip(), name: `Gita Pemegang D ${suffix}` },
    holderE: { id: randomUUID(), nip: nip(), name: `Hadi Pemegang E ${suffix}` },
    holderF: { id: randomUUID(), nip: nip(), name: `Indra Pemegang F ${suffix}` },
    deputyF: { id: randomUUID(), nip: nip(), name: `Joni Wakil F ${suffix}` },
  };
  const stageNames = { a: `Tahap A ${suffix}`, b: `Tahap B ${suffix}`, bSlow: `Tahap B lambat ${suffix}` };
  const tokens = new Map<string, string>();
  let escalatingTemplate: string;
  let slowTemplate: string;
  let vacatingTemplate: string;
  const delegatedTemplate = { withSla: '', withoutSla: '' };

  function nip(): string {
    return `9${Array.from({ length: 17 }, () => randomInt(10)).join('')}`;
  }

  async function token(person: { nip: string }): Promise<string> {
    const cached = tokens.get(person.nip);
    if (cached) return cached;
    const res = await stack.http.post('/api/auth/dev-login').send({ nip: person.nip }).expect(200);
    tokens.set(person.nip, res.body.accessToken);
    return res.body.accessToken as string;
  }

  const handover = async (positionId: string, who: { nip: string } | string = people.holderA) =>
    stack.http
      .get(`/api/positions/${positionId}/handover`)
      .auth(typeof who === 'string' ? await stack.tokenFor(who) : await token(who), { type: 'bearer' });

  const handoverOk = async (positionId: string, who: { nip: string } | string) => {
    const res = await handover(positionId, who);
    expect(res.status).toBe(200);
    return res.body as Handover;
  };

  async function submit(templateCode: string, title: string): Promise<string> {
    const res = await stack.http
      .post('/api/proposals')
      .auth(await stack.tokenFor('Rina Wulandari'), { type: 'bearer' })
      .send(validProposal({ title, templateCode }))
      .expect(201);
    return res.body.id as string;
  }

  const openTaskAt = (proposalId: string, positionId: string) =>
    eventually(
      async () => (await stack.dataSource.getRepository(ApprovalTaskEntity).findOneBy({ proposalId, positionId, status: 'open' })) ?? undefined,
      30_000,
      `an open task at post ${positionId}`,
    );

  /** Submits on `templateCode` and has A's holder approve stage 1; returns the proposal and A's task. */
  async function pastStageOne(templateCode: string, title: string) {
    const proposalId = await submit(templateCode, title);
    const taskA = await openTaskAt(proposalId, post.a);
    await stack.http.post(`/api/tasks/${taskA.id}/decision`).auth(await token(people.holderA), { type: 'bearer' }).send({ decision: 'approve' }).expect(200);
    return { proposalId, taskA };
  }

  beforeAll(async () => {
    stack = await startAppStack();
    const db = stack.dataSource;
    await db.getRepository(OrgUnitEntity).insert({ id: unitId, code: `UJI-HANDOVER-${suffix}`, name: `Dinas Uji Serah Terima ${suffix}`, kind: 'dinas', parentId: null });
    await db.getRepository(PositionEntity).insert([
      { id: post.c, code: `UJI-C-${suffix}`, title: titles.c, unitId, level: 'jpt-pratama', superiorPositionId: null, isUnitHead: true },
      { id: post.b, code: `UJI-B-${suffix}`, title: titles.b, unitId, level: 'administrator', superiorPositionId: post.c, isUnitHead: false },
      { id: post.a, code: `UJI-A-${suffix}`, title: titles.a, unitId, level: 'pengawas', superiorPositionId: post.b, isUnitHead: false },
      { id: post.e, code: `UJI-E-${suffix}`, title: titles.e, unitId, level: 'administrator', superiorPositionId: post.c, isUnitHead: false },
      { id: post.d, code: `UJI-D-${suffix}`, title: titles.d, unitId, level: 'pengawas', superiorPositionId: post.e, isUnitHead: false },
      { id: post.f, code: `UJI-F-${suffix}`, title: titles.f, unitId, level: 'administrator', superiorPositionId: post.c, isUnitHead: false },
    ]);
    await db.getRepository(PersonEntity).insert(
      Object.values(people).map((p) => ({ id: p.id, nip: p.nip, name: p.name, email: `${p.nip}@uji.example.go.id`, roles: ['approver', 'proposer'] as ('approver' | 'proposer')[] })),
    );
    const now = Date.now();
    const appointment = (personId: string, positionId: string, startsAt: Date, endsAt: Date | null = null) => ({
      id: randomUUID(), personId, positionId, capacity: 'definitif' as const, startsAt, endsAt,
    });
    await db.getRepository(AppointmentEntity).insert([
      appointment(people.formerA.id, post.a, new Date(now - 400 * DAY), new Date(now - 30 * DAY)),
      appointment(people.holderA.id, post.a, new Date(now - 30 * DAY)),
      // The incoming holder: appointed from next month.
      appointment(people.incomingA.id, post.a, new Date(now + 30 * DAY)),
      appointment(people.holderB.id, post.b, new Date(now - 30 * DAY)),
      appointment(people.holderC.id, post.c, new Date(now - 30 * DAY)),
      appointment(people.holderD.id, post.d, new Date(now - 30 * DAY)),
      appointment(people.holderE.id, post.e, new Date(now - 30 * DAY)),
      appointment(people.holderF.id, post.f, new Date(now - 30 * DAY)),
    ]);
    const stageA: StageDefinition = { key: 'a', name: stageNames.a, approvers: [{ kind: 'position', positionId: post.a }], mode: 'any', sla: 'P2D' };
    escalatingTemplate = await insertTemplate(db, [
      stageA,
      // One escalation only: C's task then stays with C (administrators are alerted instead).
      { key: 'b', name: stageNames.b, approvers: [{ kind: 'position', positionId: post.b }], mode: 'any', sla: 'PT5S', onTimeout: { action: 'escalate-superior', maxEscalations: 1 } },
    ], 'serah-terima');
    slowTemplate = await insertTemplate(db, [
      stageA,
      { key: 'b', name: stageNames.bSlow, approvers: [{ kind: 'position', positionId: post.b }], mode: 'any', sla: 'P3D' },
    ], 'serah-terima');
    vacatingTemplate = await insertTemplate(db, [
      stageA,
      { key: 'd', name: `Tahap D ${suffix}`, approvers: [{ kind: 'position', positionId: post.d }], mode: 'any', sla: 'PT3S', onTimeout: { action: 'escalate-superior', maxEscalations: 1 } },
    ], 'serah-terima');
    const stageF = (sla?: string): StageDefinition => ({ key: 'f', name: `Tahap F ${suffix}`, approvers: [{ kind: 'position', positionId: post.f }], mode: 'any', ...(sla ? { sla } : {}) });
    delegatedTemplate.withSla = await insertTemplate(db, [stageF('P3D')], 'serah-terima');
    delegatedTemplate.withoutSla = await insertTemplate(db, [stageF()], 'serah-terima');
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('follows an approval from A to B and its escalation to C: approvals in progress, open tasks, escalations pending, custody', async () => {
    const { proposalId, taskA } = await pastStageOne(escalatingTemplate, `Eskalasi ${suffix}`);

    // B holds the task: in B's open tasks, not yet late (its 5-second SLA runs).
    const taskB = await openTaskAt(proposalId, post.b);
    const beforeEscalation = await handoverOk(post.b, people.holderB);
    expect(beforeEscalation.openTasks.items.find((t) => t.taskId === taskB.id)).toMatchObject({
      proposalId,
      proposalTitle: `Eskalasi ${suffix}`,
      stageName: stageNames.b,
      assigneePersonId: people.holderB.id,
      assigneeName: people.holderB.name,
      capacity: 'definitif',
      escalationLevel: 0,
    });
    expect(beforeEscalation.escalationsPending.items.find((e) => e.proposalId === proposalId)).toBeUndefined();

    // A approved it and it is still in review: A's handover says so, with who approved and in which capacity.
    const a = await handoverOk(post.a, people.holderA);
    expect(a.position).toEqual({ id: post.a, code: `UJI-A-${suffix}`, title: titles.a, unitId, unitName: `Dinas Uji Serah Terima ${suffix}`, level: 'pengawas' });
    expect(a.actingNow).toEqual({ personId: people.holderA.id, name: people.holderA.name, capacity: 'definitif' });
    expect(a.approvedInProgress.items.find((i) => i.proposalId === proposalId)).toEqual({
      proposalId,
      proposalTitle: `Eskalasi ${suffix}`,
      proposalStatus: 'in_review',
      currentStageName: stageNames.b,
      taskId: taskA.id,
      stageName: stageNames.a,
      round: 1,
      approvedAt: expect.any(String),
      approvedByPersonId: people.holderA.id,
      approvedByName: people.holderA.name,
      capacity: 'definitif',
    });
    expect(a.approvedInProgress.truncated).toBe(false);
    expect(a.proposals[proposalId].custody.map((c) => [c.positionId, c.personName, c.status, c.via])).toEqual([
      [post.a, people.holderA.name, 'approved', 'assigned'],
      [post.b, people.holderB.name, 'open', 'assigned'],
    ]);

    // B misses the deadline: the task climbs to C.
    const taskC = await openTaskAt(proposalId, post.c);
    expect(taskC).toMatchObject({ escalatedFromTaskId: taskB.id, escalationLevel: 1, assigneePersonId: people.holderC.id });

    const b = await handoverOk(post.b, people.holderB);
    expect(b.openTasks.items.find((t) => t.proposalId === proposalId)).toBeUndefined();
    const pending = b.escalationsPending.items.filter((e) => e.proposalId === proposalId);
    expect(pending).toEqual([
      {
        taskId: taskC.id,
        missedTaskId: taskB.id,
        proposalId,
        proposalTitle: `Eskalasi ${suffix}`,
        proposalStatus: 'in_review',
        stageIndex: 1,
        stageName: stageNames.b,
        round: 1,
        missedDueAt: taskB.dueAt!.toISOString(),
        escalatedAt: expect.any(String),
        positionId: post.c,
        positionTitle: titles.c,
        assigneePersonId: people.holderC.id,
        assigneeName: people.holderC.name,
        capacity: 'definitif',
        escalationLevel: 1,
        since: taskC.createdAt.toISOString(),
        dueAt: taskC.dueAt!.toISOString(),
        overdue: expect.any(Boolean),
      },
    ]);
    expect(b.proposals[proposalId].custody.map((c) => c.taskId)).toEqual([taskA.id, taskB.id, taskC.id]);

    // C holds the escalated task as an open task that came by escalation.
    const c = await handoverOk(post.c, people.holderC);
    expect(c.openTasks.items.find((t) => t.taskId === taskC.id)).toMatchObject({
      proposalId,
      stageName: stageNames.b,
      assigneeName: people.holderC.name,
      escalationLevel: 1,
    });
    expect(c.escalationsPending.items).toEqual([]);

    // The proposal detail carries the same chain of custody, in order.
    const detail = await stack.http.get(`/api/proposals/${proposalId}`).auth(await stack.tokenFor('Rina Wulandari'), { type: 'bearer' }).expect(200);
    const custody = detail.body.custody as Custody[];
    expect(custody).toHaveLength(3);
    expect(custody[0]).toEqual({
      taskId: taskA.id,
      stageIndex: 0,
      stageName: stageNames.a,
      round: 1,
      slot: 0,
      positionId: post.a,
      positionTitle: titles.a,
      personId: people.holderA.id,
      personName: people.holderA.name,
      capacity: 'definitif',
      onBehalfOf: null,
      from: expect.any(String),
      to: expect.any(String),
      status: 'approved',
      decision: 'approve',
      via: 'assigned',
      previousTaskId: null,
      escalationLevel: 0,
    });
    expect(custody[1]).toMatchObject({ taskId: taskB.id, positionId: post.b, personName: people.holderB.name, status: 'escalated', decision: null, via: 'assigned', to: expect.any(String) });
    expect(custody[2]).toMatchObject({
      taskId: taskC.id,
      positionId: post.c,
      positionTitle: titles.c,
      personName: people.holderC.name,
      status: 'open',
      via: 'escalated',
      previousTaskId: taskB.id,
      escalationLevel: 1,
      to: null,
    });
    // The next stage opens once A has approved; C takes the baton the moment B's task is escalated.
    expect(Date.parse(custody[1].from)).toBeGreaterThanOrEqual(Date.parse(custody[0].to!));
    expect(Date.parse(custody[2].from)).toBe(Date.parse(custody[1].to!));
    // The existing fields are still there.
    expect(detail.body.tasks).toHaveLength(3);
    expect(detail.body.timeline.length).toBeGreaterThan(0);
  });

  it("lists B's open tasks earliest due first with their overdue state, each proposal with its custody", async () => {
    const first = await pastStageOne(slowTemplate, `Lambat satu ${suffix}`);
    const second = await pastStageOne(slowTemplate, `Lambat dua ${suffix}`);
    const [taskB1, taskB2] = [await openTaskAt(first.proposalId, post.b), await openTaskAt(second.proposalId, post.b)];
    const b = await handoverOk(post.b, people.holderB);
    const mine = b.openTasks.items.filter((t) => t.taskId === taskB1.id || t.taskId === taskB2.id);
    expect(mine.map((t) => t.taskId)).toEqual([taskB1.id, taskB2.id]);
    expect(mine[0]).toEqual({
      taskId: taskB1.id,
      proposalId: first.proposalId,
      proposalTitle: `Lambat satu ${suffix}`,
      proposalStatus: 'in_review',
      stageIndex: 1,
      stageName: stageNames.bSlow,
      round: 1,
      assigneePersonId: people.holderB.id,
      assigneeName: people.holderB.name,
      capacity: 'definitif',
      onBehalfOf: null,
      createdAt: taskB1.createdAt.toISOString(),
      dueAt: taskB1.dueAt!.toISOString(),
      overdue: false,
      overdueSeconds: 0,
      escalationLevel: 0,
    });
    // The whole list is sorted by due time, no due time last.
    const dues = b.openTasks.items.map((t) => (t.dueAt ? Date.parse(t.dueAt as string) : Infinity));
    expect(dues).toEqual([...dues].sort((x, y) => x - y));
    expect(b.openTasks.truncated).toBe(false);
    expect(b.proposals[first.proposalId]).toMatchObject({ id: first.proposalId, title: `Lambat satu ${suffix}`, status: 'in_review', statusLabel: 'Menunggu Persetujuan' });
    expect(b.proposals[first.proposalId].custody.map((c) => [c.taskId, c.status])).toEqual([[first.taskA.id, 'approved'], [taskB1.id, 'open']]);
    // Every proposal a list names is in the map.
    const named = [...b.openTasks.items, ...b.approvedInProgress.items, ...b.escalationsPending.items].map((i) => i.proposalId as string);
    expect(Object.keys(b.proposals).sort()).toEqual([...new Set(named)].sort());

    // Once B decides, the proposal leaves B's open tasks and shows under B's approvals in progress.
    await stack.http.post(`/api/tasks/${taskB1.id}/decision`).auth(await token(people.holderB), { type: 'bearer' }).send({ decision: 'approve' }).expect(200);
    const after = await eventually(async () => {
      const h = await handoverOk(post.b, people.holderB);
      return !h.openTasks.items.some((t) => t.taskId === taskB1.id) && h;
    }, 20_000, "B's approval in the read model");
    // The last stage approved, the proposal is no longer in progress: nothing left to hand over about it.
    expect(after.approvedInProgress.items.find((i) => i.proposalId === first.proposalId)).toBeUndefined();
    const a = await handoverOk(post.a, people.holderA);
    expect(a.approvedInProgress.items.find((i) => i.proposalId === first.proposalId)).toBeUndefined();
    expect(a.approvedInProgress.items.find((i) => i.proposalId === second.proposalId)).toMatchObject({ proposalStatus: 'in_review', currentStageName: stageNames.bSlow });
  });

  it('follows a slot through an escalation and a reassignment by the continuity workflow: escalated from D, moved at E, E now vacant', async () => {
    const admin = await stack.tokenFor('Yoga Permana');
    const { proposalId, taskA } = await pastStageOne(vacatingTemplate, `Rotasi ${suffix}`);
    const taskD = await openTaskAt(proposalId, post.d);
    const taskE = await openTaskAt(proposalId, post.e);
    expect(taskE).toMatchObject({ assigneePersonId: people.holderE.id, escalatedFromTaskId: taskD.id, escalationLevel: 1 });
    // E's holder leaves and nobody acts for E: the task waits for no one, with the same due time.
    const appointmentE = (await stack.http.get(`/api/positions/${post.e}/acting`).auth(admin, { type: 'bearer' }).expect(200)).body.current[0].id;
    await stack.http.post(`/api/appointments/${appointmentE}/end`).auth(admin, { type: 'bearer' }).send({ reason: 'Pensiun' }).expect(200);
    const vacant = await eventually(
      async () => (await stack.dataSource.getRepository(ApprovalTaskEntity).findOneBy({ proposalId, positionId: post.e, status: 'open', reassignedFromTaskId: taskE.id })) ?? undefined,
      30_000,
      'the task moved off the vacated post',
    );
    expect(vacant).toMatchObject({ assigneePersonId: null, capacity: null, dueAt: taskE.dueAt });
    const movedAt = (await stack.dataSource.getRepository(ApprovalTaskEntity).findOneByOrFail({ id: taskE.id })).decidedAt!;

    const d = await handoverOk(post.d, people.holderD);
    expect(d.escalationsPending.items.filter((e) => e.proposalId === proposalId)).toEqual([
      expect.objectContaining({
        taskId: vacant.id,
        missedTaskId: taskD.id,
        missedDueAt: taskD.dueAt!.toISOString(),
        positionId: post.e,
        positionTitle: titles.e,
        assigneePersonId: null,
        assigneeName: null,
        capacity: null,
        since: movedAt.toISOString(),
        dueAt: taskE.dueAt!.toISOString(),
      }),
    ]);
    expect(d.proposals[proposalId].custody.map((c) => [c.taskId, c.positionId, c.personName, c.capacity, c.via, c.status, c.previousTaskId])).toEqual([
      [taskA.id, post.a, people.holderA.name, 'definitif', 'assigned', 'approved', null],
      [taskD.id, post.d, people.holderD.name, 'definitif', 'assigned', 'escalated', null],
      [taskE.id, post.e, people.holderE.name, 'definitif', 'escalated', 'reassigned', taskD.id],
      [vacant.id, post.e, null, null, 'reassigned', 'open', taskE.id],
    ]);

    const detail = await stack.http.get(`/api/proposals/${proposalId}`).auth(await stack.tokenFor('Rina Wulandari'), { type: 'bearer' }).expect(200);
    expect(detail.body.custody.map((c: Custody) => [c.taskId, c.via, c.to])).toEqual([
      [taskA.id, 'assigned', expect.any(String)],
      [taskD.id, 'assigned', expect.any(String)],
      [taskE.id, 'escalated', movedAt.toISOString()],
      [vacant.id, 'reassigned', null],
    ]);
  });

  it('names whom a delegate acts for, in the open tasks and in the custody', async () => {
    // F's holder delegates while away; tasks opened meanwhile go straight to the delegate.
    await stack.http
      .post('/api/delegations')
      .auth(await token(people.holderF), { type: 'bearer' })
      .send({ positionId: post.f, delegatePersonId: people.deputyF.id, endsAt: new Date(Date.now() + DAY).toISOString(), reason: 'Cuti tahunan' })
      .expect(201);
    const withDue = await submit(delegatedTemplate.withSla, `Pelimpahan berbatas ${suffix}`);
    const proposalId = await submit(delegatedTemplate.withoutSla, `Pelimpahan ${suffix}`);
    const task = await openTaskAt(proposalId, post.f);
    await openTaskAt(withDue, post.f);
    const f = await handoverOk(post.f, people.holderF);
    expect(f.openTasks.items.find((t) => t.taskId === task.id)).toMatchObject({
      assigneeName: people.deputyF.name,
      capacity: 'delegate',
      onBehalfOf: { personId: people.holderF.id, name: people.holderF.name },
      dueAt: null,
      overdue: false,
    });
    // No due time: listed after every task that has one.
    const items = f.openTasks.items;
    expect(items.findIndex((t) => t.taskId === task.id)).toBeGreaterThan(items.findLastIndex((t) => t.dueAt !== null));
    expect(f.proposals[proposalId].custody).toEqual([
      expect.objectContaining({ taskId: task.id, personName: people.deputyF.name, capacity: 'delegate', onBehalfOf: { personId: people.holderF.id, name: people.holderF.name }, via: 'assigned' }),
    ]);
  });

  describe('who may read a handover', () => {
    it('serves an administrator, the acting holder and the incoming holder', async () => {
      const admin = await handoverOk(post.a, 'Yoga Permana');
      expect(admin.position.id).toBe(post.a);
      expect(admin.actingNow).toMatchObject({ personId: people.holderA.id });
      expect((await handoverOk(post.a, people.holderA)).position.id).toBe(post.a);
      // Appointed from next month: may prepare now.
      const incoming = await handoverOk(post.a, people.incomingA);
      expect(incoming.actingNow).toMatchObject({ personId: people.holderA.id, capacity: 'definitif' });
    });

    it('refuses an unrelated person, a former holder and the holder of another post with 403', async () => {
      for (const who of [people.outsider, people.formerA, people.holderB]) {
        const res = await handover(post.a, who);
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({ statusCode: 403, code: 'NOT_POST_HOLDER', correlationId: expect.any(String) });
        expect(res.body.message).toMatch(/acting for this post now/);
      }
      // A demo approver with no tie to the post, too.
      expect((await handover(post.a, 'Maya Kusuma')).status).toBe(403);
    });

    it('answers an unknown post with 404, a malformed id with 422 and no token with 401', async () => {
      const missing = randomUUID();
      const res = await handover(missing, 'Yoga Permana');
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'NOT_FOUND', message: `Position ${missing} was not found` });
      // Unknown is unknown whoever asks.
      expect((await handover(missing, people.outsider)).status).toBe(404);
      expect((await handover('not-a-uuid', 'Yoga Permana')).body).toMatchObject({ statusCode: 422, details: [{ field: 'id', messages: ['id must be a UUID'] }] });
      await stack.http.get(`/api/positions/${post.a}/handover`).expect(401);
    });

    it('answers a vacant post with actingNow null and empty lists', async () => {
      const vacant = randomUUID();
      await stack.dataSource.getRepository(PositionEntity).insert({ id: vacant, code: `UJI-V-${suffix}`, title: `Jabatan Kosong ${suffix}`, unitId, level: 'pengawas', superiorPositionId: post.c, isUnitHead: false });
      const h = await handoverOk(vacant, 'Yoga Permana');
      expect(h).toMatchObject({
        actingNow: null,
        openTasks: { items: [], truncated: false },
        approvedInProgress: { items: [], truncated: false },
        escalationsPending: { items: [], truncated: false },
        proposals: {},
      });
    });
  });

  it('documents the handover and the custody in OpenAPI', async () => {
    const doc = (await stack.http.get('/api/docs-json').expect(200)).body;
    const op = doc.paths['/api/positions/{id}/handover'].get;
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '403', '404']));
    const schemas = doc.components.schemas;
    expect(schemas.HandoverView.properties).toEqual(
      expect.objectContaining({ position: expect.anything(), actingNow: expect.anything(), openTasks: expect.anything(), approvedInProgress: expect.anything(), escalationsPending: expect.anything(), proposals: expect.anything() }),
    );
    expect(schemas.HandoverView.properties.proposals.additionalProperties).toEqual({ $ref: '#/components/schemas/HandoverProposalView' });
    expect(schemas.HandoverProposalView.properties.custody.items).toEqual({ $ref: '#/components/schemas/CustodyEntryView' });
    expect(schemas.ProposalView.properties.custody.items).toEqual({ $ref: '#/components/schemas/CustodyEntryView' });
    expect(schemas.CustodyEntryView.properties.via.enum).toEqual(['assigned', 'reassigned', 'escalated']);
  });
});

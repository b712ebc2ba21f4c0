import type { Response } from 'supertest';
import type { StageDefinition } from '@libs/domain/chain';
import { AppStack, eventually, startAppStack, validProposal } from '../support/app-stack';
import { buildOrg, Org } from '../support/org-fixture';
import { insertTemplate } from '../support/templates';
import { expectErrorShape, historyCounts, openTasks, proposalStatus } from './security-support';

/** Rounds of each race; more with RACE_ROUNDS=20. */
const ROUNDS = Number(process.env.RACE_ROUNDS ?? 6);

/**
 * Races between real parallel requests, each run for several rounds: whichever request wins, the
 * outcome is applied once, the loser gets a clear 4xx, and the proposal's record has no duplicate or
 * missing row and verifies. Complements S5 (two approvals of an `any` stage, a sequential retry) and
 * the rotation at scale (one mutasi racing twenty decisions).
 */
describe('Races', () => {
  let stack: AppStack;
  let org: Org;
  const templates: Record<'one' | 'twoStages' | 'any' | 'all' | 'rotating' | 'delegated', string> = {} as never;
  /** Who won, per race, for the summary printed at the end. */
  const tally = new Map<string, Map<string, number>>();
  const won = (race: string, outcome: string) => {
    const counts = tally.get(race) ?? new Map<string, number>();
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    tally.set(race, counts);
  };

  beforeAll(async () => {
    stack = await startAppStack();
    org = await buildOrg(stack, {
      units: [
        { key: 'dinas', name: 'Dinas Perhubungan', kind: 'dinas' },
        { key: 'seksi', name: 'Seksi Angkutan Umum', kind: 'seksi', parent: 'dinas' },
      ],
      posts: [
        { key: 'kadis', title: 'Kepala Dinas Perhubungan', unit: 'dinas', head: true, holder: 'kadis' },
        { key: 'kasi', title: 'Kepala Seksi Angkutan Umum', unit: 'seksi', head: true, superior: 'kadis', holder: 'kasi' },
        { key: 'staf', title: 'Pengelola Angkutan', unit: 'seksi', level: 'pelaksana', superior: 'kasi', holder: 'proposer' },
        { key: 'eval1', title: 'Analis Kebijakan Transportasi', unit: 'dinas', superior: 'kadis', holder: 'eval1' },
        { key: 'eval2', title: 'Perencana Transportasi', unit: 'dinas', superior: 'kadis', holder: 'eval2' },
        { key: 'rot', title: 'Kepala Bidang Lalu Lintas', unit: 'dinas', superior: 'kadis', holder: 'rotA' },
        { key: 'del', title: 'Kepala Bidang Sarana', unit: 'dinas', superior: 'kadis', holder: 'delHolder' },
      ],
      people: {
        proposer: 'Yuliana Sari',
        kasi: 'Hadi Susanto',
        kadis: 'Ir. Bambang Wijaya',
        eval1: 'Rudi Hartono',
        eval2: 'Sri Mulyani',
        rotA: 'Andi Saputra',
        rotB: 'Maria Ulfa',
        delHolder: 'Joko Prasetyo',
        delegate: 'Dewi Kartika',
        disposee: 'Fitri Handayani',
        admin: 'Admin Dishub',
      },
      admins: ['admin'],
    });
    const at = (...posts: string[]): StageDefinition['approvers'] =>
      posts.length === 1 ? [{ kind: 'position', positionId: org.post(posts[0]) }] : [{ kind: 'positions', positionIds: posts.map((p) => org.post(p)) }];
    const stage = (key: string, approvers: StageDefinition['approvers'], mode: StageDefinition['mode'] = 'any'): StageDefinition => ({ key, name: `Tahap ${key}`, approvers, mode, sla: 'P5D', mayReturn: true });
    const ds = stack.dataSource;
    [templates.one, templates.twoStages, templates.any, templates.all, templates.rotating, templates.delegated] = await Promise.all([
      insertTemplate(ds, [stage('kasi', at('kasi'))], 'race'),
      insertTemplate(ds, [stage('kasi', at('kasi')), stage('kadis', at('kadis'))], 'race'),
      insertTemplate(ds, [stage('tim', at('eval1', 'eval2'), 'any')], 'race'),
      insertTemplate(ds, [stage('tim', at('eval1', 'eval2'), 'all')], 'race'),
      insertTemplate(ds, [stage('rot', at('rot'))], 'race'),
      insertTemplate(ds, [stage('del', at('del'))], 'race'),
    ]);
  }, 60_000);

  afterAll(async () => {
    const lines = [...tally].map(([race, counts]) => `  ${race}: ${[...counts].map(([o, n]) => `${o} ×${n}`).join(', ')}`);
    if (lines.length) process.stdout.write(`Race outcomes over ${ROUNDS} rounds:\n${lines.join('\n')}\n`);
    await stack?.close();
  });

  const as = (key: string) => org.as(key);
  const decide = async (who: string, taskId: string, body: object, key?: string) => {
    const req = stack.http.post(`/api/tasks/${taskId}/decision`).auth(await bearer(who), { type: 'bearer' });
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  };
  const tokens = new Map<string, string>();
  const bearer = async (key: string) => {
    if (!tokens.has(key)) tokens.set(key, (await stack.http.post('/api/auth/dev-login').send({ nip: org.nip(key) }).expect(200)).body.accessToken);
    return tokens.get(key)!;
  };

  /** A proposal of the proposer on `template`, with its first stage's tasks open. */
  async function submitted(template: string, tasks = 1) {
    const proposer = await as('proposer');
    const res = await proposer.post('/api/proposals', validProposal({ title: `Bus sekolah gratis ${org.suffix}`, templateCode: template })).expect(201);
    const open = await openTasks(stack.dataSource, res.body.id, tasks);
    return { proposalId: res.body.id as string, tasks: open };
  }

  interface HistoryRow {
    seq: number;
    type: string;
    actorPersonId: string | null;
    data: Record<string, unknown>;
  }

  /**
   * The record of the proposal is whole: it verifies, its rows are numbered 1..n without gaps, no task
   * is decided, moved or created twice, and nothing follows the row that ended the approval.
   */
  async function soundRecord(proposalId: string): Promise<HistoryRow[]> {
    const proposer = await as('proposer');
    const history = (await proposer.get(`/api/proposals/${proposalId}/history`).expect(200)).body as HistoryRow[];
    expect((await proposer.get(`/api/proposals/${proposalId}/history/verify`).expect(200)).body).toEqual({ valid: true, count: history.length });
    expect(history.map((h) => h.seq)).toEqual(history.map((_, i) => i + 1));
    const perTask = history.filter((h) => h.type.startsWith('task.')).map((h) => `${h.type}:${String(h.data.taskId)}`);
    expect(perTask.filter((k, i) => perTask.indexOf(k) !== i)).toEqual([]);
    const final = history.findIndex((h) => ['proposal.approved', 'proposal.rejected', 'proposal.withdrawn', 'proposal.cancelled'].includes(h.type));
    if (final >= 0) expect(final).toBe(history.length - 1);
    return history;
  }

  const decisionsOf = (history: HistoryRow[]) => history.filter((h) => h.type === 'task.decided');
  const rounds = () => Array.from({ length: ROUNDS }, (_, i) => i + 1);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Sends the requests together, the first one first in odd rounds and last in even ones; answers in the given order. */
  async function together<T>(round: number, requests: (() => PromiseLike<T>)[]): Promise<T[]> {
    const order = requests.map((_, i) => i);
    if (round % 2 === 0) order.reverse();
    const started = new Map(order.map((i) => [i, Promise.resolve(requests[i]())] as const));
    return Promise.all(requests.map((_, i) => started.get(i)!));
  }

  /** In (d), the decision leaves a little later each round, so that both the decision and the move get to win. */
  const staggered = async <T>(round: number, send: () => PromiseLike<T>): Promise<T> => {
    await sleep((round - 1) * 60);
    return send();
  };

  /** One 200 and one 409 (code among `codes`), in either order: returns [winner, loser] and the winner's index. */
  function oneWins(responses: Response[], codes = ['ALREADY_DECIDED']): { winner: Response; loser: Response; index: number } {
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const index = responses.findIndex((r) => r.status === 200);
    const loser = responses[1 - index];
    expect(codes).toContain(loser.body.code);
    expectErrorShape(loser, 409, loser.body.code);
    return { winner: responses[index], loser, index };
  }

  describe('(a) conflicting decisions on one task', () => {
    it('approve and reject by the same holder at once: exactly one applies, the other is 409 ALREADY_DECIDED', async () => {
      for (const round of rounds()) {
        const { proposalId, tasks: [task] } = await submitted(templates.one);
        const bodies = [{ decision: 'approve' }, { decision: 'reject', comment: `Anggaran belum jelas (${round}).` }];
        const responses = await together(round, bodies.map((b) => () => decide('kasi', task.id, b)));
        const { winner, index } = oneWins(responses);
        expect(winner.body).toMatchObject({ taskId: task.id, decision: bodies[index].decision });
        won('approve vs reject (same holder)', bodies[index].decision);
        await proposalStatus(stack.dataSource, proposalId, index === 0 ? 'approved' : 'rejected');
        const history = await soundRecord(proposalId);
        expect(decisionsOf(history).map((h) => h.data.decision)).toEqual([bodies[index].decision]);
      }
    }, 180_000);

    it('the same approval sent twice without an Idempotency-Key (a double click): one applies, the other is 409', async () => {
      for (const _round of rounds()) {
        const { proposalId, tasks: [task] } = await submitted(templates.one);
        oneWins(await Promise.all([decide('kasi', task.id, { decision: 'approve' }), decide('kasi', task.id, { decision: 'approve' })]));
        await proposalStatus(stack.dataSource, proposalId, 'approved');
        expect(decisionsOf(await soundRecord(proposalId))).toHaveLength(1);
      }
    }, 180_000);

    it('an `any` stage: one member approves while the other rejects; the first to land settles the stage', async () => {
      for (const round of rounds()) {
        const { proposalId, tasks } = await submitted(templates.any, 2);
        const taskOf = (key: string) => tasks.find((t) => t.assigneePersonId === org.person(key))!.id;
        const responses = await together(round, [
          () => decide('eval1', taskOf('eval1'), { decision: 'approve' }),
          () => decide('eval2', taskOf('eval2'), { decision: 'reject', comment: 'Rute tumpang tindih dengan angkot.' }),
        ]);
        const { index } = oneWins(responses);
        won('any stage: approve vs reject', index === 0 ? 'approve' : 'reject');
        await proposalStatus(stack.dataSource, proposalId, index === 0 ? 'approved' : 'rejected');
        const history = await soundRecord(proposalId);
        expect(decisionsOf(history).map((h) => h.data.taskId)).toEqual([index === 0 ? taskOf('eval1') : taskOf('eval2')]);
        // The other slot was closed by the settlement, not left open.
        expect(await historyCounts(stack.dataSource, proposalId)).toMatchObject({ 'task.created': 2, 'task.decided': 1 });
        const [{ open }] = await stack.dataSource.query(`SELECT COUNT(*)::int AS open FROM approval_task WHERE proposal_id = $1 AND status = 'open'`, [proposalId]);
        expect(open).toBe(0);
      }
    }, 180_000);

    it('an `all` stage: both members reject at once; the first rejection settles it, the second is 409', async () => {
      for (const round of rounds()) {
        const { proposalId, tasks } = await submitted(templates.all, 2);
        const responses = await Promise.all(
          tasks.map((t) => decide(t.assigneePersonId === org.person('eval1') ? 'eval1' : 'eval2', t.id, { decision: 'reject', comment: `Belum layak (${round}).` })),
        );
        const { index } = oneWins(responses);
        await proposalStatus(stack.dataSource, proposalId, 'rejected');
        expect(decisionsOf(await soundRecord(proposalId)).map((h) => h.data.taskId)).toEqual([tasks[index].id]);
      }
    }, 180_000);

    it('an `all` stage: one approves while the other rejects; rejected either way, with exactly the decisions that were answered 200', async () => {
      for (const round of rounds()) {
        const { proposalId, tasks } = await submitted(templates.all, 2);
        const taskOf = (key: string) => tasks.find((t) => t.assigneePersonId === org.person(key))!.id;
        const [approve, reject] = await together(round, [
          () => decide('eval1', taskOf('eval1'), { decision: 'approve' }),
          () => decide('eval2', taskOf('eval2'), { decision: 'reject', comment: 'Tidak sesuai RPJMD.' }),
        ]);
        // The rejection always lands: a "no" in an `all` stage cannot be outvoted, and the approval alone cannot settle it.
        expect(reject.status).toBe(200);
        expect([200, 409]).toContain(approve.status);
        won('all stage: approve vs reject', approve.status === 200 ? 'both applied' : 'reject first');
        await proposalStatus(stack.dataSource, proposalId, 'rejected');
        const decided = decisionsOf(await soundRecord(proposalId)).map((h) => h.data.decision);
        expect(decided.sort()).toEqual(approve.status === 200 ? ['approve', 'reject'] : ['reject']);
      }
    }, 180_000);
  });

  describe('(b) one Idempotency-Key', () => {
    it('five identical requests at once: applied once, all answered 200 with the same body', async () => {
      for (const round of rounds()) {
        const { proposalId, tasks: [task] } = await submitted(templates.one);
        const key = `race-${org.suffix}-${round}`;
        const responses = await Promise.all(Array.from({ length: 5 }, () => decide('kasi', task.id, { decision: 'approve', comment: 'Setuju.' }, key)));
        expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
        for (const r of responses) expect(r.body).toEqual(responses[0].body);
        expect(responses[0].body).toMatchObject({ taskId: task.id, decision: 'approve', proposalStatus: 'approved' });
        // A retry after the approval has ended still gets the first answer.
        const late = await decide('kasi', task.id, { decision: 'approve', comment: 'Setuju.' }, key);
        expect({ status: late.status, body: late.body }).toEqual({ status: 200, body: responses[0].body });
        expect(decisionsOf(await soundRecord(proposalId))).toHaveLength(1);
      }
    }, 180_000);

    it('the same key with a different body at once: one applies, the other is 422 IDEMPOTENCY_KEY_REUSED, never a 200 for what was not done', async () => {
      for (const round of rounds()) {
        const { proposalId, tasks: [task] } = await submitted(templates.one);
        const key = `reuse-${org.suffix}-${round}`;
        const bodies = [{ decision: 'approve' }, { decision: 'reject', comment: 'Ditolak.' }];
        const responses = await together(round, bodies.map((b) => () => decide('kasi', task.id, b, key)));
        expect(responses.map((r) => r.status).sort()).toEqual([200, 422]);
        const index = responses.findIndex((r) => r.status === 200);
        expect(responses[index].body.decision).toBe(bodies[index].decision);
        const refused = responses[1 - index];
        expectErrorShape(refused, 422, 'IDEMPOTENCY_KEY_REUSED');
        expect(refused.body.details).toEqual([{ field: 'Idempotency-Key', messages: [expect.any(String)] }]);
        won('same key, different body', bodies[index].decision);
        const history = await soundRecord(proposalId);
        expect(decisionsOf(history).map((h) => h.data.decision)).toEqual([bodies[index].decision]);
      }
    }, 180_000);

    it('the same key with another comment after the decision: 422 IDEMPOTENCY_KEY_REUSED; with the same body: the first answer', async () => {
      const { proposalId, tasks: [task] } = await submitted(templates.one);
      const key = `reuse-later-${org.suffix}`;
      const first = await decide('kasi', task.id, { decision: 'approve', comment: 'Setuju.' }, key);
      expect(first.status).toBe(200);
      expectErrorShape(await decide('kasi', task.id, { decision: 'approve', comment: 'Setuju, dengan catatan.' }, key), 422, 'IDEMPOTENCY_KEY_REUSED');
      expectErrorShape(await decide('kasi', task.id, { decision: 'reject', comment: 'Setuju.' }, key), 422, 'IDEMPOTENCY_KEY_REUSED');
      const again = await decide('kasi', task.id, { decision: 'approve', comment: '  Setuju.  ' }, key);
      expect({ status: again.status, body: again.body }).toEqual({ status: 200, body: first.body });
      expect(decisionsOf(await soundRecord(proposalId))).toHaveLength(1);
    }, 60_000);

    it("an administrator's cancellation sent three times at once with one key: cancelled once, the same answer three times", async () => {
      const admin = await bearer('admin');
      for (const round of rounds()) {
        const { proposalId } = await submitted(templates.one);
        const key = `cancel-${org.suffix}-${round}`;
        const responses = await Promise.all(
          Array.from({ length: 3 }, () => stack.http.post(`/api/admin/proposals/${proposalId}/cancel`).auth(admin, { type: 'bearer' }).set('Idempotency-Key', key).send({ reason: 'Usulan ganda.' })),
        );
        expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
        for (const r of responses) expect(r.body).toEqual(responses[0].body);
        expect(responses[0].body.proposalStatus).toBe('cancelled');
        expect((await soundRecord(proposalId)).filter((h) => h.type === 'proposal.cancelled')).toHaveLength(1);
      }
    }, 180_000);
  });

  describe('(c) withdrawal racing an approval', () => {
    /** The answers agree with the record, whichever came first. */
    async function settle(proposalId: string, approve: Response, withdraw: Response, expectedIfApproved: string) {
      expect([200, 409]).toContain(approve.status);
      expect([200, 409]).toContain(withdraw.status);
      expect(approve.status === 200 || withdraw.status === 200).toBe(true);
      if (approve.status === 409) expect(['ALREADY_DECIDED', 'APPROVAL_CLOSED']).toContain(approve.body.code);
      if (withdraw.status === 409) expect(['APPROVAL_ENDED', 'INVALID_STATE', 'APPROVAL_CLOSED']).toContain(withdraw.body.code);
      const final = withdraw.status === 200 ? 'withdrawn' : expectedIfApproved;
      await proposalStatus(stack.dataSource, proposalId, final);
      const history = await soundRecord(proposalId);
      const types = history.map((h) => h.type);
      // Every 200 left exactly its row; every 409 left none.
      expect(decisionsOf(history)).toHaveLength(approve.status === 200 ? 1 : 0);
      expect(types.filter((t) => t === 'proposal.withdrawn')).toHaveLength(withdraw.status === 200 ? 1 : 0);
      if (withdraw.status === 200) {
        // Withdrawn: no decision after the withdrawal, nothing left open, and the decision (if it landed first) says so.
        expect(types.at(-1)).toBe('proposal.withdrawn');
        const [{ open }] = await stack.dataSource.query(`SELECT COUNT(*)::int AS open FROM approval_task WHERE proposal_id = $1 AND status = 'open'`, [proposalId]);
        expect(open).toBe(0);
        // A decision answered before the withdrawal landed reports the stage it left behind; one caught by it, the withdrawal.
        if (approve.status === 200) expect(['withdrawn', ...(expectedIfApproved === 'in_review' ? ['in_review'] : [])]).toContain(approve.body.proposalStatus);
      } else {
        expect(approve.body.proposalStatus).toBe(expectedIfApproved);
      }
      return approve.status === 200 && withdraw.status === 200 ? 'decided, then withdrawn' : approve.status === 200 ? 'decided' : 'withdrawn';
    }

    it('on the last stage: approved (withdrawal refused), withdrawn (approval refused), or decided and then withdrawn', async () => {
      const proposer = await as('proposer');
      for (const round of rounds()) {
        const { proposalId, tasks: [task] } = await submitted(templates.one);
        const [approve, withdraw] = await together(round, [
          () => decide('kasi', task.id, { decision: 'approve' }),
          () => proposer.post(`/api/proposals/${proposalId}/withdraw`, { reason: `Ditarik (${round}).` }),
        ]);
        won('withdraw vs last approval', await settle(proposalId, approve, withdraw, 'approved'));
      }
    }, 180_000);

    it('on the first of two stages: the next stage opens only if the approval won, and a withdrawal closes whatever is open', async () => {
      const proposer = await as('proposer');
      for (const round of rounds()) {
        const { proposalId, tasks: [task] } = await submitted(templates.twoStages);
        const [approve, withdraw] = await together(round, [
          () => decide('kasi', task.id, { decision: 'approve' }),
          () => proposer.post(`/api/proposals/${proposalId}/withdraw`, { reason: `Ditarik (${round}).` }),
        ]);
        won('withdraw vs first-stage approval', await settle(proposalId, approve, withdraw, 'in_review'));
        if (withdraw.status === 409) {
          const [next] = await openTasks(stack.dataSource, proposalId);
          expect(next.assigneePersonId).toBe(org.person('kadis'));
        }
      }
    }, 180_000);

    it('the proposer withdrawing twice at once: one withdrawal, the other 409', async () => {
      const proposer = await as('proposer');
      for (const _round of rounds()) {
        const { proposalId } = await submitted(templates.one);
        const responses = await Promise.all([1, 2].map(() => proposer.post(`/api/proposals/${proposalId}/withdraw`, { reason: 'Ditarik.' })));
        oneWins(responses, ['APPROVAL_ENDED', 'INVALID_STATE', 'APPROVAL_CLOSED']);
        expect((await soundRecord(proposalId)).filter((h) => h.type === 'proposal.withdrawn')).toHaveLength(1);
      }
    }, 180_000);
  });

  describe('(d) the task moving while its holder decides', () => {
    /**
     * Decided once by the outgoing person or moved once to the incoming one, never both, never
     * neither; a moved task is then decided by the person it moved to.
     */
    async function decidedOrMoved(proposalId: string, taskId: string, decision: Response, from: string, to: string) {
      expect([200, 409]).toContain(decision.status);
      if (decision.status === 409) expect(decision.body.code).toBe('ALREADY_DECIDED');
      let outcome: string;
      if (decision.status === 200) {
        await proposalStatus(stack.dataSource, proposalId, 'approved');
        outcome = 'decided by the outgoing person';
      } else {
        // The refusal may come as the move is being written: the record catches up a moment later.
        const next = await eventually(async () => (await openTasks(stack.dataSource, proposalId)).find((t) => t.assigneePersonId === org.person(to)), 20_000, 'the moved task');
        expect((await decide(to, next.id, { decision: 'approve' })).status).toBe(200);
        await proposalStatus(stack.dataSource, proposalId, 'approved');
        outcome = 'moved, then decided by the incoming person';
      }
      const history = await soundRecord(proposalId);
      const moves = history.filter((h) => h.type === 'task.reassigned');
      const decided = decisionsOf(history);
      expect(decided).toHaveLength(1);
      if (decision.status === 200) {
        expect(moves).toEqual([]);
        expect(decided[0]).toMatchObject({ actorPersonId: org.person(from), data: expect.objectContaining({ taskId }) });
      } else {
        expect(moves).toHaveLength(1);
        expect(moves[0].data.taskId).toBe(taskId);
        expect(decided[0].actorPersonId).toBe(org.person(to));
      }
      return outcome;
    }

    it('Disposisi by an administrator racing the holder\'s approval', async () => {
      const admin = await bearer('admin');
      for (const round of rounds()) {
        const { proposalId, tasks: [task] } = await submitted(templates.one);
        const [decision, assign] = await together(round, [
          () => decide('kasi', task.id, { decision: 'approve' }),
          () => stack.http.post('/api/admin/tasks/reassign').auth(admin, { type: 'bearer' }).send({ taskIds: [task.id], toPersonId: org.person('disposee'), reason: `Disposisi (${round}).` }),
        ]);
        expect(assign.status).toBe(200);
        const [result] = assign.body.results;
        // The administrator is told what happened to the task: moved, or skipped because it was decided.
        expect(result.outcome).toBe(decision.status === 200 ? 'skipped' : 'moved');
        won('Disposisi vs decision', await decidedOrMoved(proposalId, task.id, decision, 'kasi', 'disposee'));
      }
    }, 180_000);

    it('a new definitive holder appointed (mutasi) racing the outgoing holder\'s approval', async () => {
      const admin = await bearer('admin');
      let holder = 'rotA';
      for (const round of rounds()) {
        const incoming = holder === 'rotA' ? 'rotB' : 'rotA';
        const { proposalId, tasks: [task] } = await submitted(templates.rotating);
        expect(task.assigneePersonId).toBe(org.person(holder));
        const [decision, appointment] = await Promise.all([
          staggered(round, () => decide(holder, task.id, { decision: 'approve' })),
          stack.http
            .post(`/api/positions/${org.post('rot')}/appointments`)
            .auth(admin, { type: 'bearer' })
            .send({ personId: org.person(incoming), capacity: 'definitif', basis: `SK mutasi ${round}` }),
        ]);
        expect(appointment.status).toBe(201);
        won('mutasi vs decision', await decidedOrMoved(proposalId, task.id, decision, holder, incoming));
        holder = incoming;
      }
    }, 180_000);

    it('a delegation starting now racing the holder\'s own approval', async () => {
      const delHolder = await as('delHolder');
      for (const round of rounds()) {
        const { proposalId, tasks: [task] } = await submitted(templates.delegated);
        const [decision, delegation] = await Promise.all([
          staggered(round, () => decide('delHolder', task.id, { decision: 'approve' })),
          delHolder.post('/api/delegations', { positionId: org.post('del'), delegatePersonId: org.person('delegate'), endsAt: new Date(Date.now() + 86_400_000).toISOString(), reason: `Dinas luar (${round}).` }),
        ]);
        expect(delegation.status).toBe(201);
        won('delegation vs decision', await decidedOrMoved(proposalId, task.id, decision, 'delHolder', 'delegate'));
        // Back from leave before the next round, so its delegation does not overlap this one.
        await delHolder.post(`/api/delegations/${delegation.body.delegation.id}/revoke`, { reason: 'Kembali.' }).expect(200);
        await eventually(async () => {
          const res = await stack.http.get(`/api/positions/${org.post('del')}/acting`).auth(await bearer('delHolder'), { type: 'bearer' });
          return res.body.actingNow?.personId === org.person('delHolder');
        }, 10_000, 'the holder acting again');
      }
    }, 180_000);
  });

  it('leaves no proposal of this organization with a task open after its approval ended', async () => {
    const [{ n }] = await stack.dataSource.query(
      `SELECT COUNT(*)::int AS n FROM approval_task t JOIN proposal p ON p.id = t.proposal_id
        WHERE p.proposer_id = $1 AND t.status = 'open' AND p.status IN ('approved', 'rejected', 'withdrawn', 'cancelled')`,
      [org.person('proposer')],
    );
    expect(n).toBe(0);
  });
});

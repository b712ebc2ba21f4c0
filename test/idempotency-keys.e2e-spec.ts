import type { Response } from 'supertest';
import type { StageDefinition } from '@libs/domain/chain';
import { IdempotencyKeyEntity } from '@libs/persistence/entities';
import { expectErrorShape, historyCounts, openTasks, proposalStatus } from './security/security-support';
import { AppStack, startAppStack, validProposal } from './support/app-stack';
import { buildOrg, Org } from './support/org-fixture';
import { insertTemplate } from './support/templates';

/**
 * The one Idempotency-Key rule on every write that takes a key (decision, resubmission, an
 * administrator's cancellation, Disposisi): the same key with the same request answers the first
 * result, however late; the same key with another request is 422 IDEMPOTENCY_KEY_REUSED naming the
 * difference, and changes nothing; a key whose first request was refused may be used again.
 */
describe('Idempotency-Key rule', () => {
  let stack: AppStack;
  let org: Org;
  let oneStage: string;
  let twoStages: string;

  beforeAll(async () => {
    stack = await startAppStack();
    org = await buildOrg(stack, {
      units: [
        { key: 'dinas', name: 'Dinas Perikanan', kind: 'dinas' },
        { key: 'seksi', name: 'Seksi Budidaya', kind: 'seksi', parent: 'dinas' },
      ],
      posts: [
        { key: 'kadis', title: 'Kepala Dinas Perikanan', unit: 'dinas', head: true, holder: 'kadis' },
        { key: 'kasi', title: 'Kepala Seksi Budidaya', unit: 'seksi', head: true, superior: 'kadis', holder: 'kasi' },
        { key: 'staf', title: 'Penyuluh Perikanan', unit: 'seksi', level: 'pelaksana', superior: 'kasi', holder: 'proposer' },
      ],
      people: { proposer: 'Nur Aini', kasi: 'Bayu Aji', kadis: 'Ratna Dewi', x: 'Teguh Santoso', y: 'Wulan Sari', admin: 'Admin Perikanan' },
      admins: ['admin'],
    });
    const stage = (key: string, post: string): StageDefinition => ({ key, name: `Tahap ${key}`, approvers: [{ kind: 'position', positionId: org.post(post) }], mode: 'any', sla: 'P5D', mayReturn: true });
    [oneStage, twoStages] = await Promise.all([
      insertTemplate(stack.dataSource, [stage('kasi', 'kasi')], 'idem'),
      insertTemplate(stack.dataSource, [stage('kasi', 'kasi'), stage('kadis', 'kadis')], 'idem'),
    ]);
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  const keyed = async (who: string, path: string, body: object, key: string): Promise<Response> =>
    (await org.as(who)).post(path, body).set('Idempotency-Key', `${key}-${org.suffix}`);

  async function submitted(template: string, title: string) {
    const res = await (await org.as('proposer')).post('/api/proposals', validProposal({ title: `${title} ${org.suffix}`, templateCode: template })).expect(201);
    const [task] = await openTasks(stack.dataSource, res.body.id);
    return { proposalId: res.body.id as string, taskId: task.id };
  }

  const reusedFor = (res: Response, ...named: string[]) => {
    expectErrorShape(res, 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(res.body.details).toEqual([{ field: 'Idempotency-Key', messages: [expect.any(String)] }]);
    for (const field of named) expect(res.body.message).toContain(field);
  };

  describe('Disposisi', () => {
    it('answers a reused key for other tasks or another person with 422 naming the difference, and moves nothing', async () => {
      const a = await submitted(oneStage, 'Disposisi A');
      const b = await submitted(oneStage, 'Disposisi B');
      const first = await keyed('admin', '/api/admin/tasks/reassign', { taskIds: [a.taskId], toPersonId: org.person('x'), reason: 'Kasi cuti.' }, 'assign');
      expect(first.status).toBe(200);
      expect(first.body.results).toEqual([expect.objectContaining({ taskId: a.taskId, outcome: 'moved' })]);

      reusedFor(await keyed('admin', '/api/admin/tasks/reassign', { taskIds: [b.taskId], toPersonId: org.person('y'), reason: 'Kasi cuti.' }, 'assign'), 'taskIds', 'toPersonId');
      const [newTaskOfA] = await openTasks(stack.dataSource, a.proposalId);
      reusedFor(await keyed('admin', '/api/admin/tasks/reassign', { taskIds: [newTaskOfA.id], toPersonId: org.person('y'), reason: 'Kasi cuti.' }, 'assign'), 'taskIds');
      // Nothing moved: B's task is still with its holder, A's with X.
      expect(await openTasks(stack.dataSource, b.proposalId)).toEqual([{ id: b.taskId, assigneePersonId: org.person('kasi') }]);
      expect(await openTasks(stack.dataSource, a.proposalId)).toEqual([{ id: newTaskOfA.id, assigneePersonId: org.person('x') }]);

      // The same request again is answered with the first result.
      const again = await keyed('admin', '/api/admin/tasks/reassign', { taskIds: [a.taskId], toPersonId: org.person('x'), reason: '  Kasi cuti.  ' }, 'assign');
      expect({ status: again.status, body: again.body }).toEqual({ status: 200, body: first.body });
      expect((await historyCounts(stack.dataSource, a.proposalId))['task.reassigned']).toBe(1);
    }, 60_000);
  });

  describe('resubmission', () => {
    it('refuses a key reused for the next round, edited or not, and leaves the proposal returned', async () => {
      const { proposalId, taskId } = await submitted(oneStage, 'Resubmit');
      const proposer = await org.as('proposer');
      const returnIt = async (task: string) => {
        await (await org.as('kasi')).post(`/api/tasks/${task}/decision`, { decision: 'return', comment: 'Lengkapi indikator.' }).expect(200);
        await proposalStatus(stack.dataSource, proposalId, 'returned');
      };
      await returnIt(taskId);
      const first = await keyed('proposer', `/api/proposals/${proposalId}/resubmit`, { note: 'Indikator dilengkapi.' }, 'resubmit');
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ round: 2, proposalStatus: 'in_review' });
      // A retry while round 2 runs gets the first answer.
      const retried = await keyed('proposer', `/api/proposals/${proposalId}/resubmit`, { note: 'Indikator dilengkapi.' }, 'resubmit');
      expect({ status: retried.status, round: retried.body.round }).toEqual({ status: 200, round: 2 });

      const [round2] = await openTasks(stack.dataSource, proposalId);
      await returnIt(round2.id);
      // Returned again, not edited, same note: a new resubmission, not a retry of the first.
      reusedFor(await keyed('proposer', `/api/proposals/${proposalId}/resubmit`, { note: 'Indikator dilengkapi.' }, 'resubmit'));
      await proposer.patch(`/api/proposals/${proposalId}`, { goals: 'Waktu layanan turun setengahnya.' }).expect(200);
      reusedFor(await keyed('proposer', `/api/proposals/${proposalId}/resubmit`, { note: 'Tujuan diperjelas.' }, 'resubmit'), 'note', 'proposalVersion');

      const view = await proposer.get(`/api/proposals/${proposalId}`).expect(200);
      expect(view.body.status).toBe('returned');
      expect((await historyCounts(stack.dataSource, proposalId))['proposal.resubmitted']).toBe(1);

      // A new key resubmits: round 3.
      const next = await keyed('proposer', `/api/proposals/${proposalId}/resubmit`, { note: 'Tujuan diperjelas.' }, 'resubmit-3');
      expect(next.body).toMatchObject({ round: 3, proposalStatus: 'in_review' });
    }, 90_000);
  });

  describe("an administrator's cancellation", () => {
    it('refuses the same key with another reason, and answers an identical retry after the end with the first result', async () => {
      const { proposalId } = await submitted(twoStages, 'Cancel');
      const first = await keyed('admin', `/api/admin/proposals/${proposalId}/cancel`, { reason: 'Usulan ganda.' }, 'cancel');
      expect(first.status).toBe(200);
      expect(first.body.proposalStatus).toBe('cancelled');
      reusedFor(await keyed('admin', `/api/admin/proposals/${proposalId}/cancel`, { reason: 'Alasan lain.' }, 'cancel'), 'reason');
      const late = await keyed('admin', `/api/admin/proposals/${proposalId}/cancel`, { reason: 'Usulan ganda.' }, 'cancel');
      expect({ status: late.status, body: late.body }).toEqual({ status: 200, body: first.body });
      // The key belongs to its request whatever the endpoint: a decision under it is refused too.
      const other = await submitted(oneStage, 'Cancel other');
      reusedFor(await keyed('admin', `/api/admin/proposals/${other.proposalId}/cancel`, { reason: 'Usulan ganda.' }, 'cancel'));
      const history = await (await org.as('admin')).get(`/api/proposals/${proposalId}/history`).expect(200);
      expect(history.body.filter((e: { type: string }) => e.type === 'proposal.cancelled')).toEqual([
        expect.objectContaining({ data: expect.objectContaining({ reason: 'Usulan ganda.' }) }),
      ]);
    }, 60_000);
  });

  describe('decisions', () => {
    it('frees a key whose first request was refused, so it can carry the next request', async () => {
      const { proposalId, taskId } = await submitted(oneStage, 'Refused first');
      // A rejection without a reason is refused before anything changes…
      const refused = await keyed('kasi', `/api/tasks/${taskId}/decision`, { decision: 'reject' }, 'decide');
      expectErrorShape(refused, 422, 'REASON_REQUIRED');
      expect(await stack.dataSource.getRepository(IdempotencyKeyEntity).countBy({ personId: org.person('kasi'), key: `decide-${org.suffix}` })).toBe(0);
      // …so the key carries the corrected request, and then stays bound to it.
      const approved = await keyed('kasi', `/api/tasks/${taskId}/decision`, { decision: 'approve' }, 'decide');
      expect(approved.status).toBe(200);
      await proposalStatus(stack.dataSource, proposalId, 'approved');
      reusedFor(await keyed('kasi', `/api/tasks/${taskId}/decision`, { decision: 'reject', comment: 'Tidak.' }, 'decide'), 'decision', 'comment');
      const late = await keyed('kasi', `/api/tasks/${taskId}/decision`, { decision: 'approve' }, 'decide');
      expect({ status: late.status, body: late.body }).toEqual({ status: 200, body: approved.body });
    }, 60_000);
  });
});

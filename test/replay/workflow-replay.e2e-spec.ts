import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import type { History } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, Worker, type ReplayWorkerOptions } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { IsNull } from 'typeorm';
import {
  cancelUpdate,
  resubmitUpdate,
  withdrawUpdate,
  workflowIdForProposal,
} from '@libs/contracts/approval.contract';
import type { StageDefinition } from '@libs/domain/chain';
import { ApprovalTaskEntity, HistoryEventEntity, ProposalEntity } from '@libs/persistence/entities';
import { DEMO_PEOPLE, idOf } from '@libs/persistence/seed/demo-organization';
import { TEMPORAL_CLIENT } from '@libs/temporal/temporal-client.module';
import { AppStack, eventually, personId, positionId, startAppStack, validProposal } from '../support/app-stack';
import { buildOrg } from '../support/org-fixture';
import { insertTemplate, startApprovalDirectly } from '../support/templates';
import { historyFromJson, historyToJson } from './history-json';
import { workflowBundlerOptions } from '@libs/temporal/workflow-bundler';

/**
 * Approvals run for weeks, so a new release of workflows/ must replay the histories of approvals
 * started by earlier releases without a non-determinism error (see docs/WORKFLOW-VERSIONING.md).
 *
 * 1. Fresh histories are recorded through the real stack, one per scenario, and replayed against the
 *    current bundle; with UPDATE_REPLAY_HISTORIES=1 they are also saved to histories/.
 * 2. Every saved history (histories/*.json, kept from earlier releases) is replayed.
 * 3. A deliberately reordered workflow must fail that replay, so the check is known to bite.
 */
const HISTORIES = join(__dirname, 'histories');
const UPDATE = process.env.UPDATE_REPLAY_HISTORIES === '1';
const MIN_SAVED = 5;
const PROPOSER = 'Rina Wulandari';

const replayOptions = (): ReplayWorkerOptions => {
  const codePath = process.env.WORKFLOW_BUNDLE_PATH;
  if (!codePath) throw new Error('WORKFLOW_BUNDLE_PATH is not set: run this file through the e2e project (its global setup builds the bundle)');
  return { workflowBundle: { codePath }, replayName: 'estafet-replay' };
};

interface SavedHistory {
  file: string;
  history: History;
}

const savedHistories = (): Promise<SavedHistory[]> =>
  Promise.all(
    readdirSync(HISTORIES)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map(async (file) => ({ file, history: await historyFromJson(JSON.parse(readFileSync(join(HISTORIES, file), 'utf8'))) })),
  );

/** Replays each history in one replay worker; answers `file: error` for every one that fails. */
async function replayFailures(options: ReplayWorkerOptions, histories: SavedHistory[]): Promise<Map<string, Error>> {
  const failures = new Map<string, Error>();
  const input = histories.map(({ file, history }) => ({ workflowId: file, history }));
  for await (const result of Worker.runReplayHistories(options, input)) {
    if (result.error) failures.set(result.workflowId, result.error);
  }
  return failures;
}

const describeFailures = (failures: Map<string, Error>) => [...failures].map(([file, err]) => `${file}: ${err.name}: ${err.message}`);

/**
 * Writes a fresh history as the saved one of its scenario. A saved file recorded on an earlier day
 * (an earlier release) is kept beside it as `<scenario>.<yyyy-mm-dd>.json`, so approvals that release
 * started stay covered until the file is deleted by hand once none of them is running.
 */
async function saveHistory(scenario: string, history: History): Promise<void> {
  const file = join(HISTORIES, `${scenario}.json`);
  if (existsSync(file)) {
    const recordedOn = String(JSON.parse(readFileSync(file, 'utf8')).events?.[0]?.eventTime ?? '').slice(0, 10);
    const today = new Date().toISOString().slice(0, 10);
    if (recordedOn && recordedOn !== today) renameSync(file, join(HISTORIES, `${scenario}.${recordedOn}.json`));
  }
  writeFileSync(file, `${await historyToJson(history)}\n`);
}

describe('workflow replay', () => {
  describe('fresh histories recorded through the real stack', () => {
    let stack: AppStack;
    let temporal: Client;
    const nameOf = new Map(DEMO_PEOPLE.map(([nip, name]) => [idOf('person', nip), name]));
    const facts = { budgetEstimate: 75_000_000, category: 'tata-kelola', crossAgency: false };

    beforeAll(async () => {
      stack = await startAppStack();
      temporal = stack.api.get<Client>(TEMPORAL_CLIENT);
    }, 60_000);
    afterAll(() => stack?.close());

    const stageOf = (over: Partial<StageDefinition>): StageDefinition => ({
      key: 'tahap',
      name: 'Tahap Uji',
      approvers: [{ kind: 'head-of-proposer-unit' }],
      mode: 'any',
      ...over,
    });
    const post = (code: string) => ({ kind: 'position' as const, positionId: positionId(code) });

    /** Submits through the API; the proposal carries only required fields so saved histories stay small. */
    async function submit(stages: StageDefinition[]): Promise<string> {
      const templateCode = await insertTemplate(stack.dataSource, stages, 'replay');
      const res = await stack.http
        .post('/api/proposals')
        .set('Authorization', `Bearer ${await stack.tokenFor(PROPOSER)}`)
        .send(validProposal({ templateCode, goals: undefined, benefits: undefined, pilotPlan: undefined, indicators: undefined }))
        .expect(201);
      return res.body.id;
    }

    const openTask = (proposalId: string, positionCode: string) =>
      eventually(
        async () =>
          (await stack.dataSource.getRepository(ApprovalTaskEntity).findBy({ proposalId, status: 'open' })).find(
            (t) => t.positionId === positionId(positionCode),
          ),
        20_000,
        `an open task for ${positionCode}`,
      );
    // findOneBy answers null while nothing matches; eventually() only keeps polling on undefined/false.
    const historyEvent = (proposalId: string, type: string) =>
      eventually(async () => (await stack.dataSource.getRepository(HistoryEventEntity).findOneBy({ proposalId, type })) ?? undefined, 20_000, `a ${type} event`);

    async function decide(task: ApprovalTaskEntity, decision: 'approve' | 'return') {
      const res = await stack.http
        .post(`/api/tasks/${task.id}/decision`)
        .set('Authorization', `Bearer ${await stack.tokenFor(nameOf.get(task.assigneePersonId!)!)}`)
        .send({ decision, ...(decision === 'approve' ? {} : { comment: 'Mohon dilengkapi analisis biaya.' }) });
      expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
    }

    const handleOf = (proposalId: string, runId?: string) => temporal.workflow.getHandle(workflowIdForProposal(proposalId), runId);

    /**
     * Fetches the finished run's history, replays it against the current bundle and, when refreshing,
     * saves it. `ending` names the attribute of the run's last event, proving it reached its end.
     */
    async function replayAndKeep(scenario: string, proposalId: string, ending: 'workflowExecutionCompletedEventAttributes' | 'workflowExecutionContinuedAsNewEventAttributes', runId?: string) {
      const history = await handleOf(proposalId, runId).fetchHistory();
      expect(history.events?.at(-1)?.[ending]).toBeTruthy();
      await Worker.runReplayHistory(replayOptions(), history, workflowIdForProposal(proposalId));
      if (UPDATE) await saveHistory(scenario, history);
    }

    it('two-stage chain approved', async () => {
      const id = await submit([stageOf({ key: 'seksi', name: 'Kepala Seksi' }), stageOf({ key: 'bidang', name: 'Kepala Bidang', approvers: [post('KABID-YAN')] })]);
      await decide(await openTask(id, 'KASI-USAHA'), 'approve');
      await decide(await openTask(id, 'KABID-YAN'), 'approve');
      expect((await handleOf(id).result()).status).toBe('approved');
      await replayAndKeep('two-stage-approved', id, 'workflowExecutionCompletedEventAttributes');
    }, 60_000);

    it('returned for revision, resubmitted, then approved', async () => {
      const id = await submit([stageOf({ mayReturn: true })]);
      await decide(await openTask(id, 'KASI-USAHA'), 'return');
      await eventually(async () => (await stack.dataSource.getRepository(ProposalEntity).findOneByOrFail({ id })).status === 'returned', 20_000, 'the return');
      const resubmitted = await handleOf(id).executeUpdate(resubmitUpdate, { args: [{ actorPersonId: personId(PROPOSER), proposalVersion: 1, facts }] });
      expect(resubmitted).toMatchObject({ round: 2, proposalStatus: 'in_review' });
      await decide(await openTask(id, 'KASI-USAHA'), 'approve');
      expect(await handleOf(id).result()).toMatchObject({ status: 'approved', round: 2 });
      await replayAndKeep('returned-resubmitted-approved', id, 'workflowExecutionCompletedEventAttributes');
    }, 60_000);

    it('SLA missed, escalated to the superior post, approved there', async () => {
      const id = await submit([stageOf({ approvers: [post('KADIS-DINSOS')], sla: 'PT2S' })]);
      const escalated = await openTask(id, 'SEKDA');
      expect(escalated.escalationLevel).toBe(1);
      await decide(escalated, 'approve');
      expect((await handleOf(id).result()).status).toBe('approved');
      await replayAndKeep('sla-escalated-approved', id, 'workflowExecutionCompletedEventAttributes');
    }, 60_000);

    it('`all` stage of three posts withdrawn by the proposer halfway', async () => {
      const heads = { kind: 'positions' as const, positionIds: ['KADIS-DINKES', 'KADIS-DINSOS', 'KADIS-DUKCAPIL'].map(positionId) };
      const id = await submit([stageOf({ approvers: [heads], mode: 'all' })]);
      await decide(await openTask(id, 'KADIS-DINKES'), 'approve');
      await openTask(id, 'KADIS-DINSOS');
      const closed = await handleOf(id).executeUpdate(withdrawUpdate, { args: [{ actorPersonId: personId(PROPOSER), reason: 'Digabung dengan usulan lain.' }] });
      expect(closed.cancelledTasks).toHaveLength(2);
      expect((await handleOf(id).result()).status).toBe('withdrawn');
      await replayAndKeep('all-stage-withdrawn', id, 'workflowExecutionCompletedEventAttributes');
    }, 60_000);

    it('reminder, missed SLA under notify-admin, then approved', async () => {
      const id = await submit([stageOf({ sla: 'PT1S', reminders: ['PT0.5S'], onTimeout: { action: 'notify-admin' } })]);
      await historyEvent(id, 'task.timeout');
      const task = await openTask(id, 'KASI-USAHA');
      expect(task.remindersSent).toBe(1);
      await decide(task, 'approve');
      expect((await handleOf(id).result()).status).toBe('approved');
      await replayAndKeep('reminder-notify-admin-approved', id, 'workflowExecutionCompletedEventAttributes');
    }, 60_000);

    it('first run of an approval that continued as new', async () => {
      const posts = ['KASI-USAHA', 'KABID-YAN', 'KADIS-DPMPTSP'];
      const stages = posts.map((code, n) => stageOf({ key: `tahap-${n + 1}`, name: `Tahap ${n + 1}`, approvers: [post(code)] }));
      const templateCode = await insertTemplate(stack.dataSource, stages, 'replay');
      const { proposal, handle: started } = await startApprovalDirectly(stack, templateCode, stages, { continueAsNewAfterEvents: 12 });
      for (const code of posts) await decide(await openTask(proposal.id, code), 'approve');
      const final = await handleOf(proposal.id).result();
      expect(final).toMatchObject({ status: 'approved' });
      expect(final.run).toBeGreaterThan(1);
      await replayAndKeep('continue-as-new-first-run', proposal.id, 'workflowExecutionContinuedAsNewEventAttributes', started.firstExecutionRunId);
    }, 60_000);

    it('holder of the post changed while its task was open; the new holder approves', async () => {
      const org = await buildOrg(stack, {
        units: [{ key: 'unit', name: 'Unit Uji Rotasi', kind: 'dinas' }],
        posts: [{ key: 'post', title: 'Kepala Unit Uji', unit: 'unit', head: true, holder: 'before' }],
        people: { before: 'Pejabat Lama', after: 'Pejabat Baru', admin: 'Admin Uji' },
        admins: ['admin'],
      });
      const id = await submit([stageOf({ approvers: [{ kind: 'position', positionId: org.post('post') }] })]);
      const open = (personKey: string) =>
        eventually(async () => (await stack.dataSource.getRepository(ApprovalTaskEntity).findOneBy({ proposalId: id, status: 'open', assigneePersonId: org.person(personKey) })) ?? undefined, 20_000, `a task for ${personKey}`);
      await open('before');
      await (await org.as('admin')).post(`/api/positions/${org.post('post')}/appointments`, { personId: org.person('after'), capacity: 'definitif' }).expect(201);
      const moved = await open('after');
      await (await org.as('after')).post(`/api/tasks/${moved.id}/decision`, { decision: 'approve' }).expect(200);
      expect((await handleOf(id).result()).status).toBe('approved');
      await replayAndKeep('holder-changed-approved', id, 'workflowExecutionCompletedEventAttributes');
    }, 60_000);

    it('post left vacant while its task was open, assigned by Disposisi, approved', async () => {
      const org = await buildOrg(stack, {
        units: [{ key: 'unit', name: 'Unit Uji Kosong', kind: 'dinas' }],
        posts: [{ key: 'post', title: 'Kepala Unit Uji', unit: 'unit', head: true, holder: 'before' }],
        people: { before: 'Pejabat Pensiun', helper: 'Pelaksana Disposisi', admin: 'Admin Uji' },
        admins: ['admin'],
      });
      const id = await submit([stageOf({ approvers: [{ kind: 'position', positionId: org.post('post') }] })]);
      const tasks = stack.dataSource.getRepository(ApprovalTaskEntity);
      await eventually(async () => (await tasks.findOneBy({ proposalId: id, status: 'open', assigneePersonId: org.person('before') })) ?? undefined, 20_000, 'the first task');
      const admin = await org.as('admin');
      const [appointment] = (await admin.get(`/api/positions/${org.post('post')}/acting`).expect(200)).body.current as { id: string }[];
      await admin.post(`/api/appointments/${appointment.id}/end`, { reason: 'Pensiun' }).expect(200);
      const vacant = await eventually(async () => (await tasks.findOneBy({ proposalId: id, status: 'open', assigneePersonId: IsNull() })) ?? undefined, 20_000, 'the task left vacant');
      await admin.post('/api/admin/tasks/reassign', { taskIds: [vacant.id], toPersonId: org.person('helper'), reason: 'Dikerjakan sementara.' }).expect(200);
      const assigned = await eventually(async () => (await tasks.findOneBy({ proposalId: id, status: 'open', assigneePersonId: org.person('helper') })) ?? undefined, 20_000, 'the assigned task');
      await (await org.as('helper')).post(`/api/tasks/${assigned.id}/decision`, { decision: 'approve' }).expect(200);
      expect((await handleOf(id).result()).status).toBe('approved');
      await replayAndKeep('vacant-disposisi-approved', id, 'workflowExecutionCompletedEventAttributes');
    }, 60_000);

    it('stage whose posts do not resolve, held, then cancelled', async () => {
      // The mayor's unit is the top of the tree: no parent unit whose head could decide.
      const templateCode = await insertTemplate(stack.dataSource, [stageOf({ approvers: [{ kind: 'head-of-parent-unit' }] })], 'replay');
      const created = await stack.http
        .post('/api/proposals')
        .set('Authorization', `Bearer ${await stack.tokenFor('Wahyu Hidayat')}`)
        .send(validProposal({ templateCode, goals: undefined, benefits: undefined, pilotPlan: undefined, indicators: undefined }))
        .expect(201);
      const id = created.body.id as string;
      await historyEvent(id, 'stage.blocked');
      await handleOf(id).executeUpdate(cancelUpdate, { args: [{ actorPersonId: personId('Yoga Permana'), reason: 'Rantai tidak dapat dijalankan.' }] });
      expect((await handleOf(id).result()).status).toBe('cancelled');
      await replayAndKeep('stage-blocked-cancelled', id, 'workflowExecutionCompletedEventAttributes');
    }, 60_000);
  });

  describe('saved histories of earlier releases', () => {
    it(`holds at least ${MIN_SAVED} histories, so an emptied folder cannot pass`, async () => {
      expect((await savedHistories()).length).toBeGreaterThanOrEqual(MIN_SAVED);
    });

    it('replays every saved history against the current workflow code', async () => {
      const saved = await savedHistories();
      const failures = await replayFailures(replayOptions(), saved);
      expect(describeFailures(failures)).toEqual([]);
    }, 60_000);

    it('fails a workflow that schedules the same activities in a different order', async () => {
      const saved = await savedHistories();
      const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('./fixtures/reordered-activities.workflow'), logger: quietLogger, ...workflowBundlerOptions });
      const failures = await replayFailures({ workflowBundle: { code }, replayName: 'estafet-replay-broken' }, saved);
      expect([...failures.keys()]).toEqual(saved.map((s) => s.file));
      for (const err of failures.values()) expect(err).toBeInstanceOf(DeterminismViolationError);
    }, 120_000);
  });
});

const noop = () => undefined;
const quietLogger = { trace: noop, debug: noop, info: noop, warn: noop, error: (m: string) => console.error(m), log: noop };

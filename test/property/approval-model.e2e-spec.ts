import fc from 'fast-check';
import type { Client } from '@temporalio/client';
import { cancelUpdate, resubmitUpdate, withdrawUpdate, workflowIdForProposal } from '@libs/contracts/approval.contract';
import type { StageDefinition, StageMode, TimeoutAction } from '@libs/domain/chain';
import type { Decision } from '@libs/domain/proposal';
import {
  applyStep,
  initialModel,
  ModelStage,
  ModelState,
  ModelStep,
  openTasksOf,
  taskSignature,
} from '@libs/domain/reference-model';
import { ApprovalTaskEntity, HistoryEventEntity, ProposalEntity } from '@libs/persistence/entities';
import { DEMO_PEOPLE, idOf } from '@libs/persistence/seed/demo-organization';
import { TEMPORAL_CLIENT } from '@libs/temporal/temporal-client.module';
import { AppStack, eventually, personId, positionId, startAppStack, validProposal } from '../support/app-stack';
import { insertTemplate } from '../support/templates';

/**
 * Random chains and random sequences of decisions, timeouts, resubmissions and withdrawals, run through
 * the real workflow (API → Temporal → worker → Postgres) and compared after every step with the
 * reference model in libs/domain/reference-model.ts.
 *
 * Fixed seed by default; more cases: PROPERTY_RUNS=10 PROPERTY_SEED=123 npx jest test/property
 * (each run is a batch of BATCH scenarios executed concurrently).
 */
const SEED = Number(process.env.PROPERTY_SEED ?? 20261123);
const RUNS = Number(process.env.PROPERTY_RUNS ?? 2);
const BATCH = Number(process.env.PROPERTY_BATCH ?? 6);
const SLA = 'PT5S';

/** Posts with a superior chain at least two deep, none held by the proposer. */
const POSTS = ['KADIS-DINKES', 'KADIS-DINSOS', 'KADIS-DUKCAPIL', 'KA-BRIDA', 'EVAL-BRIDA-1', 'EVAL-BRIDA-2', 'EVAL-BRIDA-3', 'KABID-YAN'];
const PROPOSER = 'Rina Wulandari';
const BUDGET = 5_000_000;

interface GenStage {
  mode: StageMode;
  posts: string[];
  mayReturn: boolean;
  action: TimeoutAction;
  maxEscalations: number;
  applies: boolean;
}
interface GenStep {
  kind: 'decide' | 'timeout' | 'withdraw';
  pick: number;
  decision: Decision;
}
interface Scenario {
  stages: GenStage[];
  steps: GenStep[];
}

const stageArb: fc.Arbitrary<GenStage> = fc
  .record({
    mode: fc.constantFrom<StageMode>('any', 'all', 'quorum:2'),
    posts: fc.shuffledSubarray(POSTS, { minLength: 1, maxLength: 3 }),
    mayReturn: fc.boolean(),
    action: fc.constantFrom<TimeoutAction>('escalate-superior', 'escalate-to', 'return', 'notify-admin'),
    maxEscalations: fc.integer({ min: 0, max: 2 }),
    applies: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  })
  .map((s) => ({ ...s, mode: s.mode === 'quorum:2' && s.posts.length < 2 ? 'any' : s.mode }));

const stepArb: fc.Arbitrary<GenStep> = fc.record({
  kind: fc.oneof(
    { weight: 8, arbitrary: fc.constant<'decide'>('decide') },
    { weight: 4, arbitrary: fc.constant<'timeout'>('timeout') },
    { weight: 1, arbitrary: fc.constant<'withdraw'>('withdraw') },
  ),
  pick: fc.nat({ max: 8 }),
  decision: fc.constantFrom<Decision>('approve', 'approve', 'approve', 'reject', 'return'),
});

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  stages: fc.array(stageArb, { minLength: 1, maxLength: 3 }),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 10 }),
});

function toDefinition(stages: GenStage[]): StageDefinition[] {
  return stages.map((s, i) => ({
    key: `tahap-${i + 1}`,
    name: `Tahap ${i + 1}`,
    approvers: [{ kind: 'positions', positionIds: s.posts.map(positionId) }],
    mode: s.mode,
    sla: SLA,
    mayReturn: s.mayReturn,
    onTimeout: { action: s.action, maxEscalations: s.maxEscalations, ...(s.action === 'escalate-to' ? { positionId: positionId('INSPEKTUR') } : {}) },
    condition: { field: 'budgetEstimate', op: 'gte', value: s.applies ? 1000 : 1e12 },
  }));
}

const toModel = (stages: GenStage[]): ModelStage[] =>
  stages.map((s) => ({ mode: s.mode, slots: s.posts.length, mayReturn: s.mayReturn, onTimeout: { action: s.action, maxEscalations: s.maxEscalations }, applies: s.applies }));

/** Turns a generated step into a step that makes sense in the model's current state. */
function interpret(step: GenStep, model: ModelState): ModelStep | null {
  if (['approved', 'rejected', 'withdrawn', 'cancelled'].includes(model.status)) return null;
  if (step.kind === 'withdraw') return { kind: 'withdraw' };
  if (model.status === 'returned') return { kind: 'resubmit' };
  if (step.kind === 'timeout') return { kind: 'timeout' };
  const open = openTasksOf(model);
  return { kind: 'decide', slot: open[step.pick % open.length].slot, decision: step.decision };
}

const REFUSAL_STATUS: Record<string, number> = { ReturnNotAllowed: 422, AlreadyDecided: 409, WrongState: 409 };
const nameOf = new Map(DEMO_PEOPLE.map(([nip, name]) => [idOf('person', nip), name]));

describe('the workflow agrees with the reference model (property)', () => {
  let stack: AppStack;
  let temporal: Client;
  beforeAll(async () => {
    stack = await startAppStack();
    temporal = stack.api.get<Client>(TEMPORAL_CLIENT);
  });
  afterAll(() => stack?.close());

  async function observed(proposalId: string) {
    const [proposal, tasks] = await Promise.all([
      stack.dataSource.getRepository(ProposalEntity).findOneByOrFail({ id: proposalId }),
      stack.dataSource.getRepository(ApprovalTaskEntity).findBy({ proposalId }),
    ]);
    return {
      status: proposal.status,
      tasks: taskSignature(tasks.map((t) => ({ stage: t.stageIndex, round: t.round, slot: t.slot, level: t.escalationLevel, status: t.status, overdue: t.overdueAt !== null }))),
    };
  }

  async function runScenario(scenario: Scenario): Promise<void> {
    const code = await insertTemplate(stack.dataSource, toDefinition(scenario.stages), 'prop');
    const created = await stack.http
      .post('/api/proposals')
      .set('Authorization', `Bearer ${await stack.tokenFor(PROPOSER)}`)
      .send(validProposal({ templateCode: code, budgetEstimate: BUDGET }))
      .expect(201);
    const proposalId: string = created.body.id;
    const handle = temporal.workflow.getHandle(workflowIdForProposal(proposalId));
    const stages = toModel(scenario.stages);
    const model = initialModel(stages);
    const trail: string[] = [];
    const expectMatch = async (timeoutMs: number) => {
      const want = { status: model.status, tasks: taskSignature(model.tasks) };
      let got: Awaited<ReturnType<typeof observed>> | undefined;
      try {
        await eventually(async () => {
          got = await observed(proposalId);
          return JSON.stringify(got) === JSON.stringify(want);
        }, timeoutMs);
      } catch {
        throw new Error(`proposal ${proposalId} differs from the model after ${trail.join(' → ')}\nexpected ${JSON.stringify(want)}\nobserved ${JSON.stringify(got)}\nchain ${JSON.stringify(scenario.stages)}`);
      }
    };
    await expectMatch(15_000);

    let decided = 0;
    for (const generated of scenario.steps) {
      const step = interpret(generated, model);
      if (!step) break;
      const before = JSON.stringify(model);
      const at = { stageIndex: model.stage, round: model.round };
      const refusal = applyStep(stages, model, step);
      trail.push(JSON.stringify(step) + (refusal ? `(refused ${refusal})` : ''));
      if (step.kind === 'decide') {
        // The read model still shows the slot's task open: the decision has not been sent yet.
        const task = await stack.dataSource.getRepository(ApprovalTaskEntity).findOneByOrFail({ proposalId, ...at, slot: step.slot, status: 'open' });
        const who = nameOf.get(task.assigneePersonId!)!;
        const res = await stack.http
          .post(`/api/tasks/${task.id}/decision`)
          .set('Authorization', `Bearer ${await stack.tokenFor(who)}`)
          .send({ decision: step.decision, comment: step.decision === 'approve' ? undefined : 'Perlu dilengkapi kajian biaya.' });
        expect(res.status).toBe(refusal ? REFUSAL_STATUS[refusal] : 200);
        if (!refusal) decided++;
      } else if (step.kind === 'resubmit') {
        await handle.executeUpdate(resubmitUpdate, {
          args: [{ actorPersonId: personId(PROPOSER), proposalVersion: 1, facts: { budgetEstimate: BUDGET, category: 'tata-kelola', crossAgency: false } }],
        });
      } else if (step.kind === 'withdraw') {
        await handle.executeUpdate(withdrawUpdate, { args: [{ actorPersonId: personId(PROPOSER), reason: 'Ditarik untuk uji model.' }] });
      }
      const changed = JSON.stringify(model) !== before;
      await expectMatch(step.kind === 'timeout' && changed ? 25_000 : 15_000);
    }

    // Leave nothing running; then the record must agree with what happened.
    if (!['approved', 'rejected', 'withdrawn', 'cancelled'].includes(model.status)) {
      await handle.executeUpdate(cancelUpdate, { args: [{ actorPersonId: personId('Yoga Permana'), reason: 'Selesai diuji.' }] });
    }
    await handle.result();
    if (process.env.PROPERTY_TRACE) console.log(`${proposalId}: ${model.status} after ${trail.join(" → ")}`);
    const history = await stack.dataSource.getRepository(HistoryEventEntity).find({ where: { proposalId }, order: { seq: 'ASC' } });
    const count = (type: string) => history.filter((h) => h.type === type).length;
    expect(count('task.created')).toBe(model.tasks.length);
    expect(count('task.decided')).toBe(decided);
    expect(count('task.escalated')).toBe(model.tasks.filter((t) => t.status === 'escalated').length);
    expect(count('proposal.resubmitted')).toBe(model.round - 1);
    expect(history.map((h) => h.seq)).toEqual(history.map((_, i) => i + 1));
    const verify = await stack.http
      .get(`/api/proposals/${proposalId}/history/verify`)
      .set('Authorization', `Bearer ${await stack.tokenFor(PROPOSER)}`)
      .expect(200);
    expect(verify.body).toMatchObject({ valid: true, count: history.length });
  }

  it('matches the model for random chains and random decision/timeout sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(scenarioArb, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        await Promise.all(batch.map(runScenario));
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true, verbose: true },
    );
  }, 600_000);
});

import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { ApprovalWorkflowInput } from '@libs/contracts/approval.contract';
import { ESTAFET_SEARCH_ATTRIBUTES } from '@libs/contracts/search-attributes';
import { PROJECT_ROOT } from '@libs/devstack/paths';
import { ensureTemporalTestServer } from '@libs/devstack/temporal-test-server';
import type { ChainDefinition } from '@libs/domain/chain';
import { durationToMs } from '@libs/domain/duration';
import { installTemporalRuntime } from '@libs/temporal/runtime';
import { workflowBundlerOptions } from '@libs/temporal/workflow-bundler';
import type { approvalWorkflow } from '@workflows/index';
import { Approval, PROPOSER } from './approval';
import { FakeRecord } from './fake-record';
import { fakeApprovalActivities, FakeOrganization, type Post } from './fake-organization';

type Duration = Parameters<TestWorkflowEnvironment['sleep']>[0];
type IsoDuration = `P${string}`;
const isIso = (d: IsoDuration | Duration): d is IsoDuration => typeof d === 'string' && d.startsWith('P');

/** A day in ms, to compare the ISO times the workflow writes (e.g. a P3D SLA is `3 * DAY` after a task opens). */
export const DAY = 24 * 60 * 60 * 1000;

/** An ISO time the workflow wrote (a task's `dueAt`, an event's `occurredAt`), in ms of server time. */
export const timeOf = (iso: string | null | undefined): number => Date.parse(iso ?? '');

/**
 * Expects an ISO time the workflow wrote to be `at` (ms of server time) or a moment after: a timer
 * fires at its moment of server time and the workflow task that handles it starts a little later.
 */
export function expectAt(iso: string | null | undefined, at: number): void {
  expect(timeOf(iso)).toBeGreaterThanOrEqual(at);
  expect(timeOf(iso)).toBeLessThan(at + 60_000);
}

/**
 * The real approval workflow on Temporal's time-skipping test server, with a worker whose activities
 * are in-memory fakes: a fixed organization and a record that keeps every batch. The server's clock
 * stands still until a test sleeps (`sleep`) or awaits a workflow's result, then jumps from timer to
 * timer, so a three-day SLA passes in milliseconds. One bench per test file: the server and the
 * workflow bundle take a few seconds to start.
 */
export class WorkflowBench {
  private readonly started: WorkflowHandle<typeof approvalWorkflow>[] = [];

  private constructor(
    readonly env: TestWorkflowEnvironment,
    readonly org: FakeOrganization,
    readonly record: FakeRecord,
    private readonly worker: Worker,
    private readonly running: Promise<void>,
  ) {}

  private get taskQueue(): string {
    return this.worker.options.taskQueue;
  }

  static async start(posts: Post[]): Promise<WorkflowBench> {
    installTemporalRuntime('ERROR');
    const path = ensureTemporalTestServer((line) => process.stdout.write(`${line}\n`));
    const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
    try {
      await registerSearchAttributes(env);
      const org = new FakeOrganization(posts);
      const record = new FakeRecord();
      const worker = await Worker.create({
        connection: env.nativeConnection,
        taskQueue: `approvals-${randomUUID()}`,
        workflowsPath: join(PROJECT_ROOT, 'workflows', 'index.ts'),
        bundlerOptions: workflowBundlerOptions,
        activities: fakeApprovalActivities(org, record),
      });
      return new WorkflowBench(env, org, record, worker, worker.run());
    } catch (err) {
      await env.teardown();
      throw err;
    }
  }

  /** Starts an approval of a proposal by PROPOSER on this chain, as the API would. */
  async startApproval(chain: ChainDefinition, extra: Partial<ApprovalWorkflowInput> = {}): Promise<Approval> {
    const proposalId = randomUUID();
    const input: ApprovalWorkflowInput = {
      proposalId,
      proposerPersonId: PROPOSER,
      unitId: 'unit-uji',
      unitCode: 'UJI',
      template: { id: 'template-uji', code: 'uji', version: 1 },
      chain,
      facts: { budgetEstimate: null, category: 'umum', crossAgency: false },
      proposalVersion: 1,
      snapshot: { title: 'Antrean daring' },
      ...extra,
    };
    const handle = await this.env.client.workflow.start<typeof approvalWorkflow>('approvalWorkflow', {
      taskQueue: this.taskQueue,
      workflowId: `proposal-${proposalId}`,
      args: [input],
    });
    this.started.push(handle);
    const approval = new Approval(handle, proposalId, this.record.of(proposalId));
    // The first stage has opened (or the approval ended or was blocked) once the first write is in.
    await approval.until('the first write', () => approval.record.batches.length > 0);
    return approval;
  }

  /**
   * Lets server time pass; the workflows' timers fire on the way. An ISO-8601 duration (`P3D`), as
   * the chain writes SLAs and reminders, or anything the test environment takes (ms, `'2 days'`).
   */
  sleep(duration: IsoDuration | Duration): Promise<void> {
    return this.env.sleep(isIso(duration) ? durationToMs(duration) : duration);
  }

  /** The server's clock, in ms since the epoch. */
  now(): Promise<number> {
    return this.env.currentTimeMs();
  }

  /**
   * Ends the approvals a test left running, so their timers do not fire during the next test, and
   * undoes the appointments it made.
   */
  async terminateRunning(): Promise<void> {
    const handles = this.started.splice(0);
    await Promise.all(handles.map((h) => h.terminate('end of test').catch(() => undefined)));
    this.org.reset();
  }

  async stop(): Promise<void> {
    await this.terminateRunning();
    this.worker.shutdown();
    await this.running;
    await this.env.teardown();
  }
}

/** The test server has no ListSearchAttributes; adding them all to its fresh namespace is enough. */
async function registerSearchAttributes(env: TestWorkflowEnvironment): Promise<void> {
  const IndexedValueType = temporal.api.enums.v1.IndexedValueType;
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(ESTAFET_SEARCH_ATTRIBUTES.map((k) => [k.name, IndexedValueType[`INDEXED_VALUE_TYPE_${k.type}`]])),
  });
}

/**
 * The bench of the describe block that calls this: started once before its tests (one server and
 * bundle per file), the approvals a test left running ended after each, stopped after the last.
 */
export function useWorkflowBench(posts: Post[]): () => WorkflowBench {
  let bench: WorkflowBench | undefined;
  beforeAll(async () => {
    bench = await WorkflowBench.start(posts);
  });
  afterEach(() => bench?.terminateRunning());
  afterAll(() => bench?.stop());
  return () => {
    if (!bench) throw new Error('the workflow bench has not started');
    return bench;
  };
}

import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { benchOrg, benchTemplate, proposalBody } from '../lib/bench-org';
import { call, expectCall, sleep } from '../lib/http';
import { cpuPerUnit, cpuSnapshot } from '../lib/process-usage';
import { Progress } from '../lib/progress';
import type { BenchApi } from '../lib/stack';
import { latency, Latency } from '../lib/stats';
import { bareApproval, bareDecideUpdate } from '../workflows/bare.workflow';

export const STAGES = 3;

export interface ThroughputRun {
  concurrency: number;
  seconds: number;
  completed: number;
  perSecond: number;
  /** One sample per decision (engine: the HTTP request; bare: the Update call). */
  decision: Latency;
  /** Engine only: from submission until the first task was open. */
  submit?: Latency;
  /** Engine only: inbox requests per completed approval (one per stage when each task is open at the first look). */
  inboxPollsPerApproval?: number;
  errors: number;
  /**
   * CPU milliseconds per completed approval in each process during the run: the Temporal server, the
   * worker (engine or bare), `self` (the API and the load generator: this process), all Postgres processes.
   */
  cpuMsPerApproval?: Record<string, number | null>;
}

export interface ThroughputResult {
  stages: number;
  engine: ThroughputRun[];
  bare: ThroughputRun[];
}

interface Loop {
  /** One complete approval; pushes one latency sample per decision. */
  once(decisions: number[]): Promise<void>;
  /** Called when the warm-up is over and the measured loops start. */
  reset?(): void;
}

/** Runs `concurrency` loops of `once` for `seconds` after a warm-up; counts completed approvals. */
async function drive(label: string, loop: Loop, concurrency: number, seconds: number, pids: Record<string, number>, extra?: (run: ThroughputRun) => void): Promise<ThroughputRun> {
  const warm: number[] = [];
  await Promise.all(Array.from({ length: Math.min(concurrency, 8) }, () => loop.once(warm)));
  loop.reset?.();
  const progress = new Progress(`  ${label} at concurrency ${concurrency}`);
  const decisions: number[] = [];
  let completed = 0;
  let errors = 0;
  const cpuBefore = cpuSnapshot(pids);
  const started = Date.now();
  const deadline = started + seconds * 1000;
  const ticker = setInterval(() => progress.update(Math.min(seconds, Math.round((Date.now() - started) / 1000)), seconds, `s, ${completed} approvals`), 1000);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        try {
          await loop.once(decisions);
          completed += 1;
        } catch (err) {
          errors += 1;
          if (errors > 20) throw err;
        }
      }
    }),
  );
  clearInterval(ticker);
  const elapsed = (Date.now() - started) / 1000;
  const cpuMsPerApproval = cpuPerUnit(cpuBefore, cpuSnapshot(pids), completed);
  const run: ThroughputRun = { concurrency, seconds: Math.round(elapsed * 10) / 10, completed, perSecond: Math.round((completed / elapsed) * 10) / 10, decision: latency(decisions), errors, cpuMsPerApproval };
  extra?.(run);
  progress.done(`${run.perSecond} approvals/s, decision p99 ${run.decision.p99} ms${errors ? `, ${errors} errors` : ''}`);
  return run;
}

/**
 * Workloads 1 and 2: complete 3-stage approvals through the HTTP API (submit; each stage's holder finds
 * the task in their inbox and approves), at each concurrency, beside the bare-Temporal ceiling: a
 * workflow with the same Update round trips (start + one Update per stage) and nothing else, driven
 * with the Temporal client at the same concurrency on the same server.
 */
export interface ThroughputProcesses {
  temporal: number;
  worker: number;
  bareWorker: number;
}

export async function throughput(ds: DataSource, api: BenchApi, temporalAddress: string, bareQueue: string, levels: number[], seconds: number, pids: ThroughputProcesses): Promise<ThroughputResult> {
  const org = await benchOrg(ds, 'Uji Throughput', STAGES);
  const templateCode = await benchTemplate(
    ds,
    `bench-throughput-${org.suffix}`,
    'Rantai tiga tahap (benchmark)',
    org.posts.map((positionId, i) => ({ key: `tahap-${i + 1}`, name: `Tahap ${i + 1}`, approvers: [{ kind: 'position', positionId }], mode: 'any', sla: 'P5D' })),
  );
  const proposer = await api.tokenFor(org.proposerNip);
  const approvers = await Promise.all(org.holderNips.map((n) => api.tokenFor(n)));
  const submitSamples: number[] = [];
  let n = 0;
  let polls = 0;

  const openTask = async (token: string, proposalId: string): Promise<string> => {
    for (let wait = 5; ; wait = Math.min(50, wait * 2)) {
      polls += 1;
      const page = await expectCall<{ items: { id: string }[] }>(200, api.baseUrl, token, 'GET', `/api/tasks?proposalId=${proposalId}`);
      if (page.items.length > 0) return page.items[0].id;
      await sleep(wait);
    }
  };
  const engine: Loop = {
    reset() {
      polls = 0;
      submitSamples.length = 0;
    },
    async once(decisions) {
      const submitted = Date.now();
      const proposal = await expectCall<{ id: string }>(201, api.baseUrl, proposer, 'POST', '/api/proposals', proposalBody(`Usulan benchmark ${++n}`, templateCode));
      for (let stage = 0; stage < STAGES; stage++) {
        const taskId = await openTask(approvers[stage], proposal.id);
        if (stage === 0) submitSamples.push(Date.now() - submitted);
        const started = process.hrtime.bigint();
        const res = await call<{ proposalStatus: string }>(api.baseUrl, approvers[stage], 'POST', `/api/tasks/${taskId}/decision`, { decision: 'approve' });
        decisions.push(Number(process.hrtime.bigint() - started) / 1e6);
        if (res.status !== 200) throw new Error(`decision: ${res.status} ${JSON.stringify(res.body)}`);
        if (stage === STAGES - 1 && res.body.proposalStatus !== 'approved') throw new Error(`last decision left the proposal ${res.body.proposalStatus}`);
      }
    },
  };

  const connection = await Connection.connect({ address: temporalAddress });
  const client = new Client({ connection });
  const bare: Loop = {
    async once(decisions) {
      const handle = await client.workflow.start(bareApproval, { taskQueue: bareQueue, workflowId: `bench-bare-${randomUUID()}`, args: [STAGES] });
      for (let stage = 0; stage < STAGES; stage++) {
        const started = process.hrtime.bigint();
        await handle.executeUpdate(bareDecideUpdate, { args: [stage] });
        decisions.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      if ((await handle.result()) !== STAGES) throw new Error('the bare workflow ended early');
    },
  };

  const result: ThroughputResult = { stages: STAGES, engine: [], bare: [] };
  try {
    for (const c of levels) {
      result.bare.push(await drive('bare Temporal', bare, c, seconds, { temporal: pids.temporal, worker: pids.bareWorker }));
      result.engine.push(await drive('Estafet via HTTP', engine, c, seconds, { temporal: pids.temporal, worker: pids.worker }, (run) => {
        run.submit = latency(submitSamples);
        run.inboxPollsPerApproval = run.completed ? Math.round((polls / run.completed) * 10) / 10 : undefined;
      }));
    }
  } finally {
    await connection.close();
  }
  return result;
}

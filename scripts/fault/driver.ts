import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { DEMO_PEOPLE } from '@libs/persistence/seed/demo-organization';
import { checkRecords, CheckTotals } from './checks';
import { FaultHttp, Outcome, Sample } from './http';
import { planFor, seeded } from './plans';
import { Cast, newRecord, Person, ScenarioRunner } from './scenario';
import { FaultStack, UnplannedExit } from './stack';

export type FaultKind = 'worker-kill' | 'temporal-restart' | 'postgres-restart' | 'postgres-terminate';

export interface FaultRunOptions {
  /** Proposals driven through the approval (K). */
  approvals: number;
  /** Proposals in flight at once. */
  concurrency: number;
  workerKills: number;
  temporalRestarts: number;
  postgresRestarts: number;
  /** Rounds of pg_terminate_backend on every session of the database. */
  terminations: number;
  /** Seeds the mix of plans (approve, reject, return and resubmit, withdraw). */
  seed: number;
  /** No request may take longer than this, outage or not. */
  boundMs: number;
  /** The client gives up on a request after this long and counts it as a hang. */
  clientTimeoutMs: number;
  /** How long a killed worker stays dead before another is started: [min, max] ms. */
  workerDownMs: [number, number];
  /** How long Temporal and Postgres stay down when restarted. */
  serverDownMs: number;
  /** The least time between one fault's recovery and the next fault. */
  minGapMs: number;
  /** A proposal whose run takes longer than this is reported as stuck. */
  scenarioTimeoutMs: number;
  /** Compiled apps: dist/ for `npm run fault-run`, a build of its own for the e2e test. */
  buildDir: string;
  /** Extra settings for the API and the worker. */
  env?: Record<string, string>;
  /** Keep the servers' folders and logs. */
  keep?: boolean;
  log?: (line: string) => void;
}

export interface Spread {
  median: number | null;
  max: number | null;
}

export interface FaultRecord {
  index: number;
  kind: FaultKind;
  /** Seconds since the load started. */
  atS: number;
  /** Proposals in flight when the fault was injected. */
  inFlight: number;
  /** How long the component was gone: from the kill or stop until it ran again. */
  componentDownMs: number | null;
  /** From the fault until the first state-changing request sent after it succeeded. */
  recoveryMs: number | null;
  /** Sessions ended (postgres-terminate). */
  terminated?: number;
  /** Requests that overlapped the outage (fault to recovery). */
  requests: number;
  count503: number;
  maxMs: number;
  statuses: Record<string, number>;
  injectedAt: number;
  recoveredAt: number | null;
}

export interface FaultRunResult {
  date: string;
  machine: { os: string; cpu: string; cores: number; memoryGiB: number; node: string; postgres: string; temporal: string };
  options: Omit<FaultRunOptions, 'log' | 'buildDir'>;
  runTag: string;
  seconds: { total: number; setup: number; load: number; checks: number };
  approvals: { planned: number; completed: number; byPlan: Record<string, number>; byExpectedStatus: Record<string, number>; decisions: number };
  steps: { retried: number; appliedEarlier: number };
  requests: {
    total: number;
    byStatus: Record<string, number>;
    byOp: Record<string, number>;
    p50Ms: number;
    p99Ms: number;
    maxMs: number;
    /** The ten slowest, with when they started (seconds since the load started). */
    slowest: { op: string; status: string; code?: string; ms: number; atS: number }[];
  };
  outages: { requests: number; byStatus: Record<string, number>; count503: number; maxMs: number };
  faults: FaultRecord[];
  byKind: Partial<Record<FaultKind, { count: number; componentDownMs: Spread; recoveryMs: Spread; count503: number; maxMs: number }>>;
  unplannedWorkerExits: Omit<UnplannedExit, 'how'>[];
  checks: CheckTotals | null;
  violations: string[];
  logDir?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const UPDATES = new Set(['decide', 'resubmit', 'withdraw']);
const ok = (s: Outcome) => typeof s === 'number' && s >= 200 && s < 300;
const tally = (items: string[]) => items.reduce<Record<string, number>>((acc, k) => ((acc[k] = (acc[k] ?? 0) + 1), acc), {});
const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : 0);
const spread = (values: (number | null)[]): Spread => {
  const v = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
  return { median: v.length ? v[Math.floor((v.length - 1) / 2)] : null, max: v.length ? v[v.length - 1] : null };
};

/** Worker kills spread over the run, the other faults among them at even intervals. */
export function faultSchedule(o: Pick<FaultRunOptions, 'workerKills' | 'temporalRestarts' | 'postgresRestarts' | 'terminations'>): FaultKind[] {
  const others: FaultKind[] = [
    ...Array<FaultKind>(o.terminations).fill('postgres-terminate'),
    ...Array<FaultKind>(o.temporalRestarts).fill('temporal-restart'),
    ...Array<FaultKind>(o.postgresRestarts).fill('postgres-restart'),
  ];
  const schedule: FaultKind[] = Array<FaultKind>(o.workerKills).fill('worker-kill');
  others.forEach((kind, j) => {
    const at = Math.round(((j + 1) * o.workerKills) / (others.length + 1)) + j;
    schedule.splice(at, 0, kind);
  });
  return schedule;
}

/**
 * The fault run: K proposals through the real API, worker, Temporal and Postgres, while the worker is
 * SIGKILLed again and again, Temporal and Postgres are restarted and Postgres sessions are cut. Faults
 * are injected as the load progresses (never after it), one at a time, each after the previous one
 * recovered. Then every proposal's final state and record are checked.
 */
export async function runFaultRun(o: FaultRunOptions): Promise<FaultRunResult> {
  const log = o.log ?? (() => undefined);
  const started = Date.now();
  const runTag = randomBytes(4).toString('hex');
  const violations: string[] = [];
  const stack = new FaultStack({ buildDir: o.buildDir, env: o.env, log });
  const faults: FaultRecord[] = [];
  let watch: { fault: FaultRecord; backAt: number | null; resolve: () => void } | null = null;
  const onSample = (s: Sample) => {
    if (!watch || !ok(s.status) || !UPDATES.has(s.op) || s.start < watch.fault.injectedAt) return;
    if (!s.first && (watch.backAt === null || s.start < watch.backAt)) return;
    watch.fault.recoveredAt = s.end;
    watch.resolve();
  };

  // Ctrl-C (or a SIGTERM) stops the run's own servers before leaving.
  const interrupted = () => {
    log('interrupted: stopping the servers');
    void stack.stop(o.keep).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    log(`building the workflow bundle and starting Temporal (SQLite file), Postgres, the worker and the API in ${stack.workDir}`);
    const { code } = await bundleWorkflowCode({
      workflowsPath: join(o.buildDir, 'workflows', 'index.js'),
      logger: { trace() {}, debug() {}, info() {}, warn() {}, error: (m: string) => log(m), log() {} },
    });
    writeFileSync(stack.bundlePath, code);
    await stack.start();
    const machine = {
      os: `${platform()} ${release()}`,
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      postgres: await stack.postgresVersion(),
      temporal: stack.temporalVersion().replace(/\s+/g, ' '),
    };
    const http = new FaultHttp(stack.apiUrl, o.clientTimeoutMs, onSample);
    const cast = await signIn(http);
    const templateCode = await createTemplate(http, cast.admin, runTag);
    const random = seeded(o.seed);
    const records = Array.from({ length: o.approvals }, (_, i) => newRecord(i, runTag, planFor(random), cast.proposers[i % cast.proposers.length].personId));
    const runner = new ScenarioRunner(http, cast, runTag, templateCode, o.scenarioTimeoutMs);
    const setupDone = Date.now();
    // The load: `concurrency` proposals in flight until all are through. Fault j waits until the first
    // boundaries[j] proposals have started; until it is injected, no more than `concurrency` proposals
    // past that boundary start, and a few are kept for after the last fault. So every fault meets a
    // full load, the faults follow the load (and the load the faults), and load is left after the last.
    const schedule = faultSchedule(o);
    const boundaries = schedule.map((_, j) => Math.floor((o.approvals * (j + 1)) / (schedule.length + 1)));
    const reserve = Math.max(1, Math.floor(o.approvals / (schedule.length + 1) / 2));
    log(`run ${runTag}: ${o.approvals} proposals, ${o.concurrency} at a time; faults: ${schedule.join(', ')}`);
    let launched = 0;
    let settled = 0;
    let gateOpen = false;
    const queue = [...records];
    const mayStart = () =>
      gateOpen || faults.length >= schedule.length || launched < Math.min(boundaries[faults.length] + o.concurrency, o.approvals - reserve);
    const load = Promise.all(Array.from({ length: o.concurrency }, async () => {
      for (;;) {
        while (!mayStart()) await sleep(50);
        const r = queue.shift();
        if (!r) return;
        launched++;
        await runner.run(r);
        settled++;
      }
    }));
    const ticker = setInterval(() => {
      if (settled === o.approvals) return;
      const n503 = http.samples.filter((s) => s.status === 503).length;
      log(`  ${settled}/${o.approvals} proposals through, ${faults.length} faults, ${http.samples.length} requests, ${n503} answered 503`);
    }, 10_000);

    // The faults, one at a time, each once its segment has started and the previous one has recovered.
    const injectAll = async () => {
      let lastRecovered = Date.now();
      for (const [j, kind] of schedule.entries()) {
        // Its segment has started; then the gap after the previous recovery, unless the load drains first.
        const draining = () => launched - settled <= Math.max(1, Math.floor(o.concurrency / 2));
        while (launched < boundaries[j] || (Date.now() - lastRecovered < o.minGapMs && !draining())) await sleep(50);
        const inFlight = launched - settled;
        if (inFlight === 0) violations.push(`fault ${j + 1} (${kind}) met no proposal in flight`);
        const fault: FaultRecord = {
          index: j + 1, kind, atS: Math.round((Date.now() - setupDone) / 100) / 10, inFlight, componentDownMs: null, recoveryMs: null,
          requests: 0, count503: 0, maxMs: 0, statuses: {}, injectedAt: Date.now(), recoveredAt: null,
        };
        faults.push(fault);
        const recovered = new Promise<void>((resolve) => {
          watch = { fault, backAt: null, resolve };
        });
        const detail = await inject(stack, kind, o);
        fault.componentDownMs = detail.componentDownMs;
        if (detail.terminated !== undefined) fault.terminated = detail.terminated;
        watch!.backAt = Date.now();
        const timedOut = await Promise.race([recovered.then(() => false), sleep(180_000).then(() => true)]);
        watch = null;
        if (timedOut) violations.push(`fault ${j + 1} (${kind}): no state-changing request succeeded within 180 s`);
        fault.recoveryMs = fault.recoveredAt === null ? null : fault.recoveredAt - fault.injectedAt;
        lastRecovered = Date.now();
        log(`  fault ${j + 1}/${schedule.length} ${kind}${fault.terminated !== undefined ? ` (${fault.terminated} sessions)` : ''}: ` +
          `back after ${fault.componentDownMs ?? '-'} ms, first success after ${fault.recoveryMs ?? '-'} ms`);
      }
    };
    await Promise.all([
      load,
      injectAll().catch((err: unknown) => {
        violations.push(`injecting faults failed: ${err instanceof Error ? err.message : String(err)}`);
        gateOpen = true;
      }),
    ]);
    clearInterval(ticker);
    const loadDone = Date.now();

    log('checking every proposal: final state, history rows, verification, workflow');
    for (const r of records) if (r.error) violations.push(`proposal ${r.index + 1} (${r.plan.kind}): ${r.error}`);
    let checks: CheckTotals | null = null;
    try {
      checks = await checkRecords(http, cast.admin, cast.approvers, records, runTag, stack.temporalAddress, violations);
    } catch (err) {
      violations.push(`the checks could not run: ${err instanceof Error ? err.message : String(err)}`);
    }
    const checksDone = Date.now();

    const loadSamples = http.samples.filter((s) => s.start >= setupDone && s.op !== 'check');
    measureOutages(faults, loadSamples);
    judgeSamples(http.samples, o, stack, violations);
    if (stack.apiCrashed) violations.push(`the API process exited: ${stack.apiCrashed.slice(0, 500)}`);

    const durations = http.samples.map((s) => s.end - s.start).sort((a, b) => a - b);
    const inOutage = loadSamples.filter((s) => faults.some((f) => overlaps(s, f)));
    const { log: _log, buildDir: _buildDir, ...options } = o;
    return {
      date: new Date(started).toISOString(),
      machine,
      options,
      runTag,
      seconds: { total: Math.round((checksDone - started) / 1000), setup: Math.round((setupDone - started) / 1000), load: Math.round((loadDone - setupDone) / 1000), checks: Math.round((checksDone - loadDone) / 1000) },
      approvals: {
        planned: o.approvals,
        completed: records.filter((r) => r.done).length,
        byPlan: tally(records.map((r) => r.plan.kind)),
        byExpectedStatus: tally(records.map((r) => r.expectedStatus)),
        decisions: records.reduce((n, r) => n + r.decisions, 0),
      },
      steps: { retried: records.reduce((n, r) => n + r.retriedSteps, 0), appliedEarlier: records.reduce((n, r) => n + r.appliedEarlier, 0) },
      requests: {
        total: http.samples.length,
        byStatus: tally(http.samples.map((s) => String(s.status))),
        byOp: tally(http.samples.map((s) => s.op)),
        p50Ms: quantile(durations, 0.5),
        p99Ms: quantile(durations, 0.99),
        maxMs: durations.at(-1) ?? 0,
        slowest: [...http.samples]
          .sort((a, b) => b.end - b.start - (a.end - a.start))
          .slice(0, 10)
          .map((s) => ({ op: s.op, status: String(s.status), ...(s.code ? { code: s.code } : {}), ms: s.end - s.start, atS: Math.round((s.start - setupDone) / 100) / 10 })),
      },
      outages: {
        requests: inOutage.length,
        byStatus: tally(inOutage.map((s) => String(s.status))),
        count503: inOutage.filter((s) => s.status === 503).length,
        maxMs: Math.max(0, ...inOutage.map((s) => s.end - s.start)),
      },
      faults,
      byKind: summarizeKinds(faults),
      unplannedWorkerExits: stack.unplannedWorkerExits.map(({ at, generation }) => ({ at, generation })),
      checks,
      violations,
      ...(o.keep ? { logDir: stack.logDir } : {}),
    };
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await stack.stop(o.keep);
  }
}

async function inject(stack: FaultStack, kind: FaultKind, o: FaultRunOptions): Promise<{ componentDownMs: number | null; terminated?: number }> {
  const at = Date.now();
  switch (kind) {
    case 'worker-kill': {
      await stack.killWorker();
      const [min, max] = o.workerDownMs;
      await sleep(min + Math.random() * (max - min));
      await stack.ensureWorker();
      return { componentDownMs: Date.now() - at };
    }
    case 'temporal-restart':
      await stack.restartTemporal(o.serverDownMs);
      return { componentDownMs: Date.now() - at };
    case 'postgres-restart':
      await stack.restartPostgres(o.serverDownMs);
      return { componentDownMs: Date.now() - at };
    case 'postgres-terminate':
      return { componentDownMs: null, terminated: await stack.terminateBackends() };
  }
}

const overlaps = (s: Sample, f: FaultRecord) => s.end > f.injectedAt && s.start < (f.recoveredAt ?? f.injectedAt);

function measureOutages(faults: FaultRecord[], samples: Sample[]): void {
  for (const f of faults) {
    const during = samples.filter((s) => overlaps(s, f));
    f.requests = during.length;
    f.count503 = during.filter((s) => s.status === 503).length;
    f.maxMs = Math.max(0, ...during.map((s) => s.end - s.start));
    f.statuses = tally(during.map((s) => String(s.status)));
  }
}

function summarizeKinds(faults: FaultRecord[]): FaultRunResult['byKind'] {
  const kinds: FaultRunResult['byKind'] = {};
  for (const kind of [...new Set(faults.map((f) => f.kind))]) {
    const of = faults.filter((f) => f.kind === kind);
    kinds[kind] = {
      count: of.length,
      componentDownMs: spread(of.map((f) => f.componentDownMs)),
      recoveryMs: spread(of.map((f) => f.recoveryMs)),
      count503: of.reduce((n, f) => n + f.count503, 0),
      maxMs: Math.max(0, ...of.map((f) => f.maxMs)),
    };
  }
  return kinds;
}

/** No hang (no answer within the client's timeout, or slower than the bound), no dropped connection, no 5xx but 503. */
function judgeSamples(samples: Sample[], o: FaultRunOptions, stack: FaultStack, violations: string[]): void {
  const serverErrors = samples.filter((s) => typeof s.status === 'number' && s.status >= 500 && s.status !== 503);
  if (serverErrors.length) {
    violations.push(`${serverErrors.length} answers were a 5xx other than 503`);
    for (const s of serverErrors.slice(0, 5)) {
      violations.push(`  ${s.op} answered ${s.status} ${s.code ?? ''} (correlation id ${s.correlationId ?? '-'}) ${s.correlationId ? stack.apiLogLines(s.correlationId).slice(0, 800) : ''}`);
    }
  }
  const timeouts = samples.filter((s) => s.status === 'timeout');
  if (timeouts.length) violations.push(`${timeouts.length} requests had no answer within ${o.clientTimeoutMs} ms (${[...new Set(timeouts.map((s) => s.op))].join(', ')})`);
  const dropped = samples.filter((s) => s.status === 'network-error');
  if (dropped.length) violations.push(`${dropped.length} requests lost their connection (${[...new Set(dropped.map((s) => s.op))].join(', ')})`);
  const slow = samples.filter((s) => s.end - s.start > o.boundMs);
  if (slow.length) {
    const max = Math.max(...slow.map((s) => s.end - s.start));
    violations.push(`${slow.length} requests took longer than ${o.boundMs} ms (longest ${max} ms: ${[...new Set(slow.map((s) => `${s.op}→${s.status}`))].join(', ')})`);
  }
}

/** Tokens for the demo people the run acts as. */
async function signIn(http: FaultHttp): Promise<Cast> {
  const as = async (name: string): Promise<Person> => {
    const nip = DEMO_PEOPLE.find(([, n]) => n === name)?.[0];
    if (!nip) throw new Error(`no demo person named ${name}`);
    for (let attempt = 1; ; attempt++) {
      const answer = await http.once<{ accessToken: string; person: { id: string } }>('sign-in', null, 'POST', '/api/auth/dev-login', { body: { nip } });
      if (answer.status === 200) return { name, personId: answer.body.person.id, token: answer.body.accessToken };
      if (attempt >= 10) throw new Error(`sign-in as ${name}: ${answer.status} ${JSON.stringify(answer.body)}`);
      await sleep(1000);
    }
  };
  return {
    proposers: [await as('Rina Wulandari'), await as('Dimas Pratama')],
    approvers: [await as('Siti Rahmawati'), await as('Agus Setiawan'), await as('Hendra Gunawan')],
    admin: await as('Yoga Permana'),
  };
}

/** The run's chain, written through the templates API as an administrator would. */
async function createTemplate(http: FaultHttp, admin: Person, runTag: string): Promise<string> {
  const code = `uji-gangguan-${runTag}`;
  const sla = 'P30D';
  const answer = await http.once('template', admin.token, 'POST', '/api/templates', {
    body: {
      code,
      name: `Rantai uji gangguan ${runTag}`,
      stages: [
        { key: 'kepala-seksi', name: 'Kepala Seksi', approvers: [{ kind: 'head-of-proposer-unit' }], mode: 'any', sla },
        { key: 'kepala-bidang', name: 'Kepala Bidang', approvers: [{ kind: 'head-of-parent-unit' }], mode: 'any', sla, mayReturn: true },
        { key: 'kepala-dinas', name: 'Kepala Dinas', approvers: [{ kind: 'position', positionCode: 'KADIS-DPMPTSP' }], mode: 'any', sla, mayReturn: true },
      ],
    },
  });
  if (answer.status !== 201) throw new Error(`creating the template: ${answer.status} ${JSON.stringify(answer.body)}`);
  return code;
}


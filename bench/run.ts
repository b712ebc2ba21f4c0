import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '@libs/devstack/paths';
import { startChild } from './lib/child';
import { commitRate, CommitRate } from './lib/commit-rate';
import { updateSection } from './lib/doc-section';
import { describeMachine } from './lib/machine';
import { note } from './lib/progress';
import { benchDatabase, configureEnvironment, startApi, startTemporal } from './lib/stack';
import { latencyTable, listQueriesTable, rotationTable, throughputTable, waitingTable } from './report';
import { listQueries, ListQueryResult } from './workloads/list-queries';
import { rotation, RotationResult } from './workloads/rotation';
import { throughput, ThroughputResult } from './workloads/throughput';
import { waiting, WaitingResult } from './workloads/waiting';

const WORKLOADS = ['throughput', 'list-queries', 'waiting', 'rotation'] as const;
type Workload = (typeof WORKLOADS)[number];

/** `--name value` from the command line. */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/**
 * `npm run bench` (or `npm run bench -- --quick`): runs the workloads against real servers, writes the
 * raw results to bench/results/ and, for a full run of every workload, the tables in docs/BENCHMARKS.md.
 * `--waiting 50000` sets the number of waiting approvals of workload 4; `--only a,b` runs some workloads.
 */
async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const mode = quick ? 'quick' : 'full';
  const only = (option('only')?.split(',') ?? [...WORKLOADS]) as Workload[];
  const unknown = only.filter((w) => !WORKLOADS.includes(w));
  if (unknown.length) throw new Error(`unknown workload(s) ${unknown.join(', ')}; known: ${WORKLOADS.join(', ')}`);
  const waitingCount = Number(option('waiting') ?? (quick ? 400 : 10_000));
  // The workflow cache is set below the number of waiting approvals, so workload 4 shows the memory past it.
  const workflowCache = Number(process.env.WORKER_MAX_CACHED_WORKFLOWS ?? (quick ? 200 : 2000));
  note(`mode: ${mode}; workloads: ${only.join(', ')}`);

  const db = await benchDatabase();
  note('starting a Temporal dev server, the worker, the bare-Temporal worker and the API …');
  const temporal = await startTemporal();
  configureEnvironment(db.url, temporal.address);
  const worker = await startChild('apps/worker/main.js', 'Worker polling task queue', { LOG_LEVEL: 'info', WORKER_MAX_CACHED_WORKFLOWS: String(workflowCache) });
  const bareQueue = 'estafet-bench-bare';
  const bareWorker = await startChild('bench/bare-worker.js', 'bare worker ready', { BENCH_BARE_QUEUE: bareQueue });
  const api = await startApi();
  const results: {
    mode: string;
    machine: Awaited<ReturnType<typeof describeMachine>>;
    workerOptions: { maxCachedWorkflows: number };
    throughput?: ThroughputResult;
    commitRates?: CommitRate[];
    listQueries?: ListQueryResult[];
    waiting?: WaitingResult;
    rotation?: RotationResult[];
  } = { mode, machine: await describeMachine(db.ds), workerOptions: { maxCachedWorkflows: workflowCache } };
  try {
    // The database's own single-row commit rate: the ceiling of workloads 1 and 5.
    results.commitRates = [];
    for (const connections of [1, 8]) {
      results.commitRates.push(await commitRate(db.url, connections, quick ? 2 : 5));
      note(`commit rate, ${connections} connection(s): ${results.commitRates.at(-1)!.commitsPerSecond}/s`);
    }
    if (only.includes('throughput')) {
      note('workloads 1 and 2: complete 3-stage approvals, beside a bare Temporal workflow with the same Updates');
      results.throughput = await throughput(db.ds, api, temporal.address, bareQueue, quick ? [1, 8] : [1, 8, 32, 64], quick ? 6 : 30, {
        temporal: temporal.pid,
        worker: worker.pid,
        bareWorker: bareWorker.pid,
      });
    }
    if (only.includes('list-queries')) {
      note('workload 3: inbox and admin lists');
      results.listQueries = [];
      let seeded = 0;
      for (const size of quick ? [10_000] : [10_000, 100_000]) {
        results.listQueries.push(await listQueries(db.ds, api, size, seeded, quick ? 200 : 500));
        seeded = size;
      }
    }
    if (only.includes('waiting')) {
      note(`workload 4: ${waitingCount} approvals waiting, then every deadline at once`);
      results.waiting = await waiting(db.ds, api, { worker: worker.pid, temporal: temporal.pid }, waitingCount, workflowCache, quick ? 20_000 : 60_000);
    }
    if (only.includes('rotation')) {
      note('workload 5: a rotation');
      results.rotation = [await rotation(db.ds, api, quick ? 200 : 1000)];
    }

    const dir = join(PROJECT_ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    // Quick and partial runs are named apart (and git-ignored): only full runs stand behind docs/BENCHMARKS.md.
    const kind = quick ? 'quick' : only.length === WORKLOADS.length ? 'full' : `only-${only.join('+')}`;
    const file = join(dir, `${results.machine.date.replace(/[:.]/g, '-')}-${kind}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    note(`raw results: ${file}`);
    const raw = file.slice(PROJECT_ROOT.length + 1);
    const m = results.machine;
    const tables: Record<string, string> = {};
    if (results.throughput) {
      tables.throughput = throughputTable(m, results.throughput, results.commitRates ?? [], raw);
      tables.latency = latencyTable(m, results.throughput, raw);
    }
    if (results.listQueries) tables['list-queries'] = listQueriesTable(m, results.listQueries, raw);
    if (results.waiting) tables.waiting = waitingTable(m, results.waiting, raw);
    if (results.rotation) tables.rotation = rotationTable(m, results.rotation, results.commitRates ?? [], raw);
    if (!quick && only.length === WORKLOADS.length) {
      for (const [name, body] of Object.entries(tables)) updateSection(name, body);
      note('docs/BENCHMARKS.md updated');
    }
    process.stdout.write(`${Object.values(tables).join('\n\n')}\n`);
  } finally {
    await api.app.close();
    await bareWorker.stop();
    await worker.stop();
    await temporal.stop();
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

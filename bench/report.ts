import type { Machine } from './lib/machine';
import type { Latency } from './lib/stats';
import type { CommitRate } from './lib/commit-rate';
import type { ListQueryResult } from './workloads/list-queries';
import type { RotationResult } from './workloads/rotation';
import type { ThroughputResult } from './workloads/throughput';
import type { WaitingResult } from './workloads/waiting';

const ms = (v: number) => `${v.toFixed(1)} ms`;
const ratio = (v: number, ceiling: number) => `${(v / ceiling).toFixed(1)}×`;

export function machineLine(m: Machine): string {
  return `Measured ${m.date.slice(0, 10)} on ${m.cpu} (${m.cores} cores, ${m.memoryGiB} GiB), ${m.os}, Node ${m.node}, PostgreSQL ${m.postgres}.`;
}

/** Workload 3 as a Markdown table: each list's p50/p99 beside the HTTP floor of the same run. */
export function listQueriesTable(machine: Machine, runs: ListQueryResult[], rawFile: string): string {
  const rows: string[] = [];
  const line = (open: number, name: string, l: Latency, floor: Latency, target?: number) =>
    `| ${open.toLocaleString('en')} | ${name} | ${ms(l.p50)} | ${ms(l.p99)} | ${ms(floor.p99)} | ${ratio(l.p99, floor.p99)} | ${target === undefined ? '—' : `≤ ${target} ms: ${l.p99 <= target ? 'met' : 'missed'}`} |`;
  for (const r of runs) {
    rows.push(line(r.openTasks, 'inbox `GET /api/tasks` (50 own open tasks)', r.inbox, r.floor, 50));
    rows.push(line(r.openTasks, 'admin `GET /api/admin/tasks?view=overdue`', r.adminOverdue, r.floor));
    rows.push(line(r.openTasks, 'admin `GET /api/admin/tasks?view=open`', r.adminOpen, r.floor));
    rows.push(line(r.openTasks, 'admin `GET /api/admin/summary`', r.adminSummary, r.floor));
  }
  return [
    machineLine(machine),
    `Raw results: \`${rawFile}\`. Sequential requests, ${runs[0]?.inbox.count ?? 0} per figure after a warm-up; the ceiling is the p99 of \`GET /api/auth/me\` (same HTTP, auth and framework path, no query) in the same run.`,
    '',
    '| open tasks | query | p50 | p99 | ceiling p99 | ratio | target |',
    '|---:|---|---:|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
}

/** Workload 5 as a Markdown table: tasks moved per second beside the database's single-row commit rate. */
export function rotationTable(machine: Machine, runs: RotationResult[], ceilings: CommitRate[], rawFile: string): string {
  const rows: string[] = [];
  for (const r of runs) {
    for (const c of ceilings) {
      rows.push(
        `| ${r.tasks.toLocaleString('en')} | ${r.seconds.toFixed(2)} s | ${r.tasksPerSecond}/s | ${c.commitsPerSecond}/s (${c.connections} connection${c.connections > 1 ? 's' : ''}) | ${((100 * r.tasksPerSecond) / c.commitsPerSecond).toFixed(0)}% | ${r.reassignedEvents} moves, ${r.taskRows} task rows |`,
      );
    }
  }
  return [
    machineLine(machine),
    `Raw results: \`${rawFile}\`. Clock from the appointment request to the last task with the new holder; ceiling: single-row INSERT commits per second on the same database in the same run.`,
    '',
    '| open tasks moved | time | tasks/s | ceiling | share of ceiling | none lost or duplicated |',
    '|---:|---:|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
}

const pct = (v: number, of: number) => `${Math.round((100 * v) / of)}%`;

/** Workload 1: complete approvals per second beside the bare-Temporal ceiling at the same concurrency. */
export function throughputTable(machine: Machine, r: ThroughputResult, commits: CommitRate[], rawFile: string): string {
  const rows = r.engine.map((e, i) => {
    const bare = r.bare[i];
    const share = e.perSecond / bare.perSecond;
    return `| ${e.concurrency} | ${e.perSecond}/s | ${bare.perSecond}/s | ${pct(e.perSecond, bare.perSecond)} | ≥ 50%: ${share >= 0.5 ? 'met' : 'missed'} | ${e.completed} in ${e.seconds} s${e.errors ? `, ${e.errors} errors` : ''} | ${e.inboxPollsPerApproval ?? 'n/a'} |`;
  });
  const commitLine = commits.map((c) => `${c.commitsPerSecond}/s with ${c.connections} connection${c.connections > 1 ? 's' : ''}`).join(', ');
  return [
    machineLine(machine),
    `Raw results: \`${rawFile}\`. Each figure: closed loops for the stated time after a warm-up. Estafet: \`POST /api/proposals\` (created and submitted), then for each of the ${r.stages} stages the holder polls \`GET /api/tasks?proposalId=\` until the task is open and approves it with \`POST /api/tasks/:id/decision\`. Ceiling: a bare workflow started with the Temporal client, then ${r.stages} Updates, no activities, on the same server. Database ceiling in the same run: ${commitLine} single-row INSERT commits.`,
    '',
    '| concurrency | Estafet approvals/s | bare Temporal /s | share | target | completed | inbox requests per approval |',
    '|---:|---:|---:|---:|---|---|---:|',
    ...rows,
    '',
    'Where the CPU goes: milliseconds of CPU per completed approval in each process during the same runs (Temporal server; worker; the API with the load generator, or the client alone for bare; every Postgres process on the machine).',
    '',
    '| concurrency | Estafet: Temporal | worker | API + client | Postgres | total | bare: Temporal | worker | client | total |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...r.engine.map((e, i) => {
      const c = e.cpuMsPerApproval ?? {};
      const b = r.bare[i].cpuMsPerApproval ?? {};
      const v = (x: number | null | undefined) => (x === null || x === undefined ? 'n/a' : `${x}`);
      const sum = (o: Record<string, number | null>, keys: string[]) => keys.reduce((t, k) => t + (o[k] ?? 0), 0);
      return `| ${e.concurrency} | ${v(c.temporal)} | ${v(c.worker)} | ${v(c.self)} | ${v(c.postgres)} | ${sum(c, ['temporal', 'worker', 'self', 'postgres'])} | ${v(b.temporal)} | ${v(b.worker)} | ${v(b.self)} | ${sum(b, ['temporal', 'worker', 'self', 'postgres'])} |`;
    }),
  ].join('\n');
}

/** Workload 2: decision round trips beside bare Update round trips at the same concurrency. */
export function latencyTable(machine: Machine, r: ThroughputResult, rawFile: string): string {
  const rows = r.engine.map((e, i) => {
    const bare = r.bare[i];
    return `| ${e.concurrency} | ${ms(e.decision.p50)} | ${ms(e.decision.p95)} | ${ms(e.decision.p99)} | ${ms(bare.decision.p50)} | ${ms(bare.decision.p99)} | ${ratio(e.decision.p99, bare.decision.p99)} | ≤ 2×: ${e.decision.p99 <= 2 * bare.decision.p99 ? 'met' : 'missed'} |`;
  });
  return [
    machineLine(machine),
    `Raw results: \`${rawFile}\`. The decisions of workload 1: \`POST /api/tasks/:id/decision\` until its answer (the decision is recorded and the stage settled), beside the bare workflow's Update round trips at the same concurrency.`,
    '',
    '| concurrency | decision p50 | p95 | p99 | bare Update p50 | bare p99 | p99 ratio | target |',
    '|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
}

/** Workload 4: worker memory and CPU with N approvals waiting, then all deadlines at once. */
export function waitingTable(machine: Machine, w: WaitingResult, rawFile: string): string {
  const mem = (v: number | null) => (v === null ? 'n/a' : `${v.toFixed(0)} MiB`);
  const e = w.escalation;
  const expected = e.escalated;
  return [
    machineLine(machine),
    `Raw results: \`${rawFile}\`. ${w.approvals.toLocaleString('en')} approvals submitted through the API (${w.submitSeconds} s) wait on one official; the worker runs as its own process with a workflow cache of ${w.workflowCache.toLocaleString('en')}. Memory is the worker's resident set once each level of waiting approvals was open.`,
    '',
    '| approvals waiting | worker memory |',
    '|---:|---:|',
    ...w.memory.map((m) => `| ${m.openApprovals.toLocaleString('en')} | ${mem(m.rssMiB)} |`),
    '',
    `At rest (${w.approvals.toLocaleString('en')} waiting, nothing due): worker ${mem(w.rest.rssMiB)}, CPU ${w.rest.cpuCores === null ? 'n/a' : `${(w.rest.cpuCores * 100).toFixed(1)}% of one core`} over ${w.rest.sampleSeconds} s.`,
    '',
    '| deadlines falling together | spread of due times | last recorded after the last due time | lateness p50 | p99 | max | within 60 s of due | target | worker peak memory |',
    '|---:|---:|---:|---:|---:|---:|---:|---|---:|',
    `| ${expected.toLocaleString('en')} | ${e.dueSpreadSeconds} s | ${e.secondsAfterLastDue} s | ${ms(e.lateness.p50)} | ${ms(e.lateness.p99)} | ${ms(e.lateness.max)} | ${e.within60s.toLocaleString('en')} (${pct(e.within60s, Math.max(1, expected))}) | all within 60 s: ${e.within60s === expected ? 'met' : 'missed'} | ${mem(e.peakRssMiB)} |`,
    ...(e.cpuMsPerEscalation
      ? ['', `CPU per escalation while the deadlines were handled: Temporal server ${e.cpuMsPerEscalation.temporal ?? 'n/a'} ms, worker ${e.cpuMsPerEscalation.worker ?? 'n/a'} ms, Postgres ${e.cpuMsPerEscalation.postgres ?? 'n/a'} ms, the API and the benchmark ${e.cpuMsPerEscalation.self ?? 'n/a'} ms.`]
      : []),
  ].join('\n');
}

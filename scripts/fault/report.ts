import type { FaultRunResult } from './driver';

const ms = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v} ms`);

/** The run in a few lines and a table of its faults, for the terminal. */
export function summary(r: FaultRunResult): string {
  const lines = [
    `Fault run ${r.runTag}, ${r.date} on ${r.machine.cpu} (${r.machine.cores} cores, ${r.machine.memoryGiB} GiB), Node ${r.machine.node}, PostgreSQL ${r.machine.postgres}, ${r.machine.temporal}`,
    `  proposals: ${r.approvals.completed}/${r.approvals.planned} through (${Object.entries(r.approvals.byPlan).map(([k, n]) => `${k} ${n}`).join(', ')}), ${r.approvals.decisions} decisions`,
    `  time: ${r.seconds.total} s (set-up ${r.seconds.setup} s, load under faults ${r.seconds.load} s, checks ${r.seconds.checks} s)`,
    `  requests: ${r.requests.total} (${Object.entries(r.requests.byStatus).map(([k, n]) => `${k}: ${n}`).join(', ')}), p50 ${ms(r.requests.p50Ms)}, p99 ${ms(r.requests.p99Ms)}, max ${ms(r.requests.maxMs)}`,
    `  during outages: ${r.outages.requests} requests, ${r.outages.count503} answered 503, longest ${ms(r.outages.maxMs)}`,
    `  steps repeated after an outage: ${r.steps.retried}; repeats that found the first attempt applied: ${r.steps.appliedEarlier}`,
    `  worker exits the run did not cause: ${r.unplannedWorkerExits.length}`,
    r.checks
      ? `  checked: ${r.checks.proposals} proposals, ${r.checks.historyRows} history rows, ${r.checks.decidedTasks} decided tasks, ${r.checks.verified} verified, ${r.checks.workflowsCompleted} workflows completed`
      : '  checked: (the checks did not run)',
    '',
    '  #  fault               at (s)  back after  first success  requests  503  longest',
    ...r.faults.map((f) =>
      `  ${String(f.index).padStart(2)} ${f.kind.padEnd(19)} ${String(f.atS).padStart(6)}  ${ms(f.componentDownMs).padStart(10)}  ${ms(f.recoveryMs).padStart(13)}  ${String(f.requests).padStart(8)}  ${String(f.count503).padStart(3)}  ${ms(f.maxMs).padStart(7)}` +
      (f.terminated !== undefined ? `  (${f.terminated} sessions ended)` : ''),
    ),
    '',
    r.violations.length ? `VIOLATIONS (${r.violations.length}):\n${r.violations.map((v) => `  - ${v}`).join('\n')}` : 'Violations: 0 — nothing lost, nothing duplicated, every record verifies.',
  ];
  return lines.join('\n');
}

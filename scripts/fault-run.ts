import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PROJECT_ROOT } from '@libs/devstack/paths';
import { FaultRunOptions, runFaultRun } from './fault/driver';
import { summary } from './fault/report';

/** `--name value` from the command line, as a number when `fallback` is one. */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const num = (name: string, fallback: number) => {
  const value = Number(option(name) ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number ≥ 0`);
  return value;
};

/**
 * `npm run fault-run` (options after `--`): K approvals through the real API while the worker is
 * SIGKILLed repeatedly, Temporal and Postgres are restarted and Postgres sessions are cut; then every
 * proposal's state and record are checked. Prints a summary, writes the results as JSON
 * (test-results/fault-run/, or --out) and exits 1 on any violation. See docs/RELIABILITY.md.
 */
async function main(): Promise<void> {
  const options: FaultRunOptions = {
    approvals: num('k', 300),
    concurrency: num('concurrency', 32),
    workerKills: num('kills', 12),
    temporalRestarts: num('temporal-restarts', 1),
    postgresRestarts: num('postgres-restarts', 1),
    terminations: num('terminations', 1),
    seed: num('seed', 1),
    boundMs: num('bound-ms', 15_000),
    clientTimeoutMs: num('client-timeout-ms', 30_000),
    workerDownMs: [num('worker-down-min-ms', 500), num('worker-down-max-ms', 2000)],
    serverDownMs: num('server-down-ms', 3000),
    minGapMs: num('gap-ms', 2000),
    scenarioTimeoutMs: num('scenario-timeout-ms', 15 * 60_000),
    // Run from dist/scripts/: the compiled apps are beside it.
    buildDir: resolve(__dirname, '..'),
    keep: process.argv.includes('--keep'),
    log: (line) => console.log(`[fault-run] ${line}`),
  };
  const result = await runFaultRun(options);
  const out = option('out') ? resolve(option('out')!) : join(PROJECT_ROOT, 'test-results', 'fault-run', `${result.date.replace(/[:.]/g, '-')}-k${options.approvals}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${summary(result)}\n\nResults: ${out}${result.logDir ? `\nLogs: ${result.logDir}` : ''}`);
  process.exit(result.violations.length ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

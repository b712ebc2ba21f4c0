import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '@libs/devstack/paths';
import type { FaultRunResult } from '../../scripts/fault/driver';

const BOUND_MS = 15_000;

/**
 * The fault run of `npm run fault-run` (docs/RELIABILITY.md), small: 30 proposals through the real API
 * while the worker is SIGKILLed three times, the Temporal dev server is restarted on its SQLite file,
 * Postgres is restarted and its sessions are cut. The run starts servers of its own (not the shared
 * ones of the global setup), since it stops and starts them. It runs as the script does, from a build
 * of the current sources, in a process of its own: the worker and the API are child processes of it.
 * FAULT_KEEP=1 keeps the servers' folders and logs.
 */
describe('Fault run', () => {
  const buildDir = join(PROJECT_ROOT, 'dist', `fault-e2e-${process.pid}`);
  const resultDir = mkdtempSync(join(tmpdir(), 'estafet-fault-result-'));
  let result: FaultRunResult;

  beforeAll(async () => {
    const built = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(PROJECT_ROOT, 'tsconfig.build.json'), '--outDir', buildDir], {
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`compiling the apps failed:\n${built.stdout}${built.stderr}`);
    // The path aliases (@libs/…) become relative paths in the build, as `npm run build` does.
    const aliased = spawnSync(process.execPath, [require.resolve('tsc-alias/dist/bin/index.js'), '-p', join(PROJECT_ROOT, 'tsconfig.build.json'), '--outDir', buildDir], {
      encoding: 'utf8',
    });
    if (aliased.status !== 0) throw new Error(`rewriting the path aliases failed:\n${aliased.stdout}${aliased.stderr}`);
    const out = join(resultDir, 'result.json');
    const args = [
      '--k', '30', '--concurrency', '10', '--kills', '3', '--temporal-restarts', '1', '--postgres-restarts', '1', '--terminations', '1',
      '--seed', '7', '--bound-ms', String(BOUND_MS), '--worker-down-min-ms', '300', '--worker-down-max-ms', '1500',
      '--server-down-ms', '2000', '--gap-ms', '500', '--scenario-timeout-ms', String(4 * 60_000), '--out', out,
      ...(process.env.FAULT_KEEP === '1' ? ['--keep'] : []),
    ];
    const run = spawn(process.execPath, [join(buildDir, 'scripts', 'fault-run.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    run.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    run.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((done) => run.once('exit', done));
    try {
      result = JSON.parse(readFileSync(out, 'utf8')) as FaultRunResult;
    } catch {
      throw new Error(`the fault run ended with ${code} and no results:\n${output.slice(-5000)}`);
    }
    // The run's own summary (and, when something failed, its progress lines).
    process.stdout.write(code === 0 ? output.slice(output.indexOf('Fault run ')) : output);
  }, 8 * 60_000);

  afterAll(() => {
    rmSync(buildDir, { recursive: true, force: true });
    rmSync(resultDir, { recursive: true, force: true });
  });

  it('injects every fault while proposals are in flight, and each is recovered from', () => {
    const kinds = result.faults.map((f) => f.kind);
    expect(kinds.filter((k) => k === 'worker-kill')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'temporal-restart')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'postgres-restart')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'postgres-terminate')).toHaveLength(1);
    for (const f of result.faults) {
      expect({ fault: f.index, inFlight: f.inFlight > 0, recovered: f.recoveryMs !== null }).toEqual({ fault: f.index, inFlight: true, recovered: true });
    }
    expect(result.outages.requests).toBeGreaterThan(0);
  });

  it('brings every proposal to its expected final state with exactly the expected record, which verifies', () => {
    expect(result.approvals.completed).toBe(30);
    expect(result.checks).toEqual({ proposals: 30, historyRows: expect.any(Number), decidedTasks: result.approvals.decisions, verified: 30, workflowsCompleted: 30 });
    expect(result.violations).toEqual([]);
  });

  it('answers every request within the bound, and during outages with 503 rather than any other 5xx', () => {
    const statuses = Object.keys(result.requests.byStatus);
    expect(statuses.filter((s) => s === 'timeout' || s === 'network-error' || (/^5/.test(s) && s !== '503'))).toEqual([]);
    expect(result.requests.maxMs).toBeLessThan(BOUND_MS);
    expect(result.outages.maxMs).toBeLessThan(BOUND_MS);
  });
});

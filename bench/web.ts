import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '@libs/devstack/paths';
import { updateSection } from './lib/doc-section';
import { describeMachine } from './lib/machine';
import { note, Progress } from './lib/progress';
import { benchDatabase, configureEnvironment, startApi } from './lib/stack';
import { firstPaint, firstPaintTable } from './workloads/first-paint';

/** `--name value` from the command line. */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/**
 * `npm run bench:web`: the web app's first paint on a slow phone. Builds the app as `npm run build`
 * does, serves it from the real API (fresh database with the demo organization; Masuk reads its people),
 * loads /masuk cold in Chromium, compressed and uncompressed, writes the raw results to bench/results/
 * and the table in docs/BENCHMARKS.md. `--loads 9` sets the loads per row (default 9); `--quick` (3
 * loads) prints the table and leaves the file alone. Needs no Temporal: Masuk only signs in.
 */
async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const loads = Number(option('loads') ?? (quick ? 3 : 9));
  const db = await benchDatabase();
  configureEnvironment(db.url);
  note('building the web app …');
  const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--config', join(PROJECT_ROOT, 'apps/web/vite.config.mts'), '--logLevel', 'warn'], {
    env: { ...process.env, WEB_OUT_DIR: process.env.WEB_ROOT },
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`building the web app failed:\n${built.stdout}${built.stderr}`);
  const api = await startApi();
  try {
    const machine = await describeMachine(db.ds);
    note(`first paint of /masuk: ${loads} cold loads each, compressed and not`);
    const progress = new Progress('first paint');
    const result = await firstPaint(api.baseUrl, loads, (done, total) => progress.update(done, total));
    progress.done('done');
    const dir = join(PROJECT_ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${machine.date.replace(/[:.]/g, '-')}-${quick ? 'quick' : 'web'}.json`);
    writeFileSync(file, `${JSON.stringify({ mode: quick ? 'quick' : 'web', machine, firstPaint: result }, null, 2)}\n`);
    note(`raw results: ${file}`);
    const table = firstPaintTable(machine, result, file.slice(PROJECT_ROOT.length + 1));
    if (!quick) {
      updateSection('first-paint', table);
      note('docs/BENCHMARKS.md updated');
    }
    process.stdout.write(`${table}\n`);
  } finally {
    await api.app.close();
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

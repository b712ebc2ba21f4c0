import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '@libs/devstack/paths';

/** Replaces the text between `<!-- bench:name -->` and `<!-- /bench:name -->` in docs/BENCHMARKS.md. */
export function updateSection(name: string, body: string): void {
  const path = join(PROJECT_ROOT, 'docs', 'BENCHMARKS.md');
  const doc = readFileSync(path, 'utf8');
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/BENCHMARKS.md has no section ${start} … ${end}`);
  writeFileSync(path, `${doc.slice(0, from + start.length)}\n${body}\n${doc.slice(to)}`);
}

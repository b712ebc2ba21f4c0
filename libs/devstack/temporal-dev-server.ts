import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { ESTAFET_SEARCH_ATTRIBUTES, searchAttributeCliArgs } from '@libs/contracts/search-attributes';
import { freePort, waitFor } from './ports';

export interface DevServerOptions {
  cli: string;
  port: number;
  uiPort?: number;
  /** SQLite file for a persistent server; in memory when absent. */
  dbFile?: string;
  namespace?: string;
  startTimeoutMs?: number;
  onOutput?: (line: string) => void;
}

export interface RunningDevServer {
  address: string;
  uiUrl?: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Is a Temporal frontend answering at this address? */
export async function temporalAnswers(address: string, namespace = 'default'): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1000 }).catch(() => undefined);
  if (!connection) return false;
  try {
    await connection.withDeadline(Date.now() + 2000, () => connection.workflowService.describeNamespace({ namespace }));
    return true;
  } catch {
    return false;
  } finally {
    await connection.close();
  }
}

/**
 * Registers the Estafet search attributes a namespace lacks; answers their names. A dev server started
 * on an existing database (npm start's) keeps the attributes it had and ignores new `--search-attribute`
 * flags, and a workflow upserting an unregistered attribute fails its workflow task.
 */
export async function registerSearchAttributes(address: string, namespace = 'default'): Promise<string[]> {
  const connection = await Connection.connect({ address });
  try {
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
    const missing = ESTAFET_SEARCH_ATTRIBUTES.filter((k) => !(customAttributes && k.name in customAttributes));
    if (missing.length === 0) return [];
    const IndexedValueType = temporal.api.enums.v1.IndexedValueType;
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map((k) => [k.name, IndexedValueType[`INDEXED_VALUE_TYPE_${k.type}`]])),
    });
    return missing.map((k) => k.name);
  } finally {
    await connection.close();
  }
}

/** Starts `temporal server start-dev` with Estafet's search attributes and waits until it answers. */
export async function startTemporalDevServer(options: DevServerOptions): Promise<RunningDevServer> {
  // The server's HTTP API and metrics ports are picked free here; another process may take one of them
  // before the server binds it (several servers start side by side in tests): then try new ones.
  for (let attempt = 1; ; attempt++) {
    try {
      const [httpPort, metricsPort] = await sidePorts([options.port, options.uiPort ?? 0]);
      return await startOnce(options, httpPort, metricsPort);
    } catch (err) {
      if (attempt < 3 && err instanceof SidePortTaken) continue;
      throw err;
    }
  }
}

class SidePortTaken extends Error {}

/**
 * Two free ports other than `taken`: a port just released (the caller's own pick for the frontend)
 * is often handed out again at once, and the server would then try to bind it twice.
 */
async function sidePorts(taken: number[]): Promise<[number, number]> {
  const picked: number[] = [];
  while (picked.length < 2) {
    const port = await freePort();
    if (!taken.includes(port) && !picked.includes(port)) picked.push(port);
  }
  return [picked[0], picked[1]];
}

async function startOnce(options: DevServerOptions, httpPort: number, metricsPort: number): Promise<RunningDevServer> {
  const namespace = options.namespace ?? 'default';
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--namespace', namespace,
    '--http-port', String(httpPort), '--metrics-port', String(metricsPort),
    '--log-level', 'error', ...searchAttributeCliArgs(),
    // A workflow task that schedules an activity gets the activity task back in the same answer, without a
    // trip through the task queue (the server's flag; the SDK asks for it by default). Production clusters
    // can set the same dynamic config.
    '--dynamic-config-value', 'system.enableActivityEagerExecution=true'];
  if (options.uiPort) args.push('--ui-port', String(options.uiPort));
  else args.push('--headless');
  if (options.dbFile) {
    mkdirSync(dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile);
  }
  const child = spawn(options.cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let exited: string | undefined;
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      output.push(line);
      if (output.length > 50) output.shift();
      options.onOutput?.(line);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exitPromise = new Promise<void>((done) => child.once('exit', (code, signal) => {
    exited = `exited with ${signal ?? code}`;
    done();
  }));
  const address = `127.0.0.1:${options.port}`;
  // Stops polling once the process is gone (`died` then says why).
  const answering = waitFor(`Temporal dev server on ${address}`, async () => !!exited || temporalAnswers(address, namespace), options.startTimeoutMs ?? 60_000);
  const died = exitPromise.then(() => {
    const text = output.join('\n');
    const taken = /listen tcp 127\.0\.0\.1:(\d+): bind: address already in use/.exec(text);
    if (taken && Number(taken[1]) !== options.port) throw new SidePortTaken(`port ${taken[1]} was taken`);
    throw new Error(`Temporal dev server ${exited}:\n${text}`);
  });
  try {
    await Promise.race([answering, died]);
    if (exited) await died;
  } catch (err) {
    child.kill('SIGKILL');
    answering.catch(() => undefined);
    throw err;
  }
  died.catch(() => undefined);
  if (options.dbFile) {
    try {
      await registerSearchAttributes(address, namespace);
    } catch (err) {
      child.kill('SIGKILL');
      throw err;
    }
  }
  return {
    address,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : undefined,
    process: child,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exitPromise;
      clearTimeout(timer);
    },
  };
}

import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ensureDatabase, EmbeddedPostgresHandle, startEmbeddedPostgres } from '@libs/devstack/postgres';
import { runMigrations } from '@libs/persistence/run-migrations';
import { freePort, waitFor } from '@libs/devstack/ports';
import { ensureTemporalCli } from '@libs/devstack/temporal-cli';
import { RunningDevServer, startTemporalDevServer } from '@libs/devstack/temporal-dev-server';
import { dataSourceOptions } from '@libs/persistence/data-source-options';
import { seedDemoOrganization } from '@libs/persistence/seed/demo-organization';

export interface FaultStackOptions {
  /** Folder holding the compiled apps (`apps/worker/main.js`, `apps/api/main.js`): dist/ or a test build. */
  buildDir: string;
  /** Extra settings for the API and the worker (e.g. TEMPORAL_RPC_TIMEOUT_MS). */
  env?: Record<string, string>;
  log: (line: string) => void;
}

/** A worker process that exited without the stack asking it to. */
export interface UnplannedExit {
  at: number;
  generation: number;
  how: string;
}

interface Proc {
  child: ChildProcess;
  generation: number;
  planned: boolean;
  exited: Promise<void>;
  output: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Servers of one fault run, all its own so that it can stop and start them without touching anything
 * else on the machine: a Temporal dev server persisted to a SQLite file, an embedded Postgres on a
 * free port (stopped and started again on the same data folder), the worker as a child process that
 * is killed with SIGKILL and started again, and the API as a child process.
 */
export class FaultStack {
  readonly workDir = mkdtempSync(join(tmpdir(), 'estafet-fault-'));
  readonly logDir = join(this.workDir, 'logs');
  /** Where the caller puts the prebuilt workflow bundle before `start`; the worker loads it. */
  readonly bundlePath = join(this.workDir, 'workflow-bundle.js');
  /** Postgres refuses root; as root the cluster belongs to a `postgres` user, so it lives in a folder of its own under /tmp. */
  private readonly pgDir = mkdtempSync(join(tmpdir(), 'estafet-fault-pg-'));
  private readonly pgPassword = randomBytes(12).toString('hex');
  private readonly jwtSecret = randomBytes(32).toString('hex');
  private readonly temporalDb = join(this.workDir, 'temporal', 'temporal.db');
  private cli = '';
  private temporalPort = 0;
  private pgPort = 0;
  private apiPort = 0;
  private temporal?: RunningDevServer;
  private pg?: EmbeddedPostgresHandle;
  private worker?: Proc;
  private workerStarting?: Promise<number>;
  private api?: Proc;
  private generation = 0;
  private stopping = false;
  private readonly logs = new Map<string, WriteStream>();
  readonly unplannedWorkerExits: UnplannedExit[] = [];
  apiCrashed: string | null = null;
  databaseUrl = '';

  constructor(private readonly options: FaultStackOptions) {
    mkdirSync(this.logDir, { recursive: true });
  }

  get temporalAddress(): string {
    return `127.0.0.1:${this.temporalPort}`;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.apiPort}`;
  }

  get workerPid(): number | undefined {
    return this.worker?.child.pid;
  }

  /** Starts everything: Temporal, Postgres (migrated and seeded with the demo organization), the worker, the API. */
  async start(): Promise<void> {
    this.cli = ensureTemporalCli(this.options.log);
    // Each port is picked just before its server binds it: a port found free stays free only until
    // someone binds it, and the next free port the system offers is often the same one again.
    this.temporalPort = await freePort();
    await this.startTemporal();
    this.pgPort = await freePort();
    await this.startPostgres();
    this.databaseUrl = this.pg!.url;
    await ensureDatabase(this.databaseUrl);
    await runMigrations(this.databaseUrl);
    const ds = await new DataSource(dataSourceOptions(this.databaseUrl, { logging: false })).initialize();
    try {
      await seedDemoOrganization(ds);
    } finally {
      await ds.destroy();
    }
    await this.ensureWorker();
    this.apiPort = await freePort();
    await this.startApi();
  }

  // --- Temporal -------------------------------------------------------------------------------

  /** Starts the dev server on the run's port and SQLite file; tried again if it fails to come up (e.g. a port it wanted was taken meanwhile). */
  private async startTemporal(): Promise<void> {
    const out = this.logFile('temporal');
    for (let attempt = 1; ; attempt++) {
      try {
        this.temporal = await startTemporalDevServer({
          cli: this.cli,
          port: this.temporalPort,
          dbFile: this.temporalDb,
          startTimeoutMs: 120_000,
          onOutput: (line) => out.write(`${line}\n`),
        });
        return;
      } catch (err) {
        if (attempt >= 5) throw err;
        this.options.log(`the Temporal dev server did not start (attempt ${attempt}); retrying`);
        await sleep(1000);
      }
    }
  }

  /** Stops the Temporal dev server (SIGTERM), leaves it down for `downMs`, starts it on the same SQLite file; returns when it answers. */
  async restartTemporal(downMs: number): Promise<void> {
    await this.temporal?.stop();
    this.temporal = undefined;
    await sleep(downMs);
    await this.startTemporal();
  }

  // --- Postgres -------------------------------------------------------------------------------

  private async startPostgres(): Promise<void> {
    this.pg = await startEmbeddedPostgres(this.pgDir, this.pgPort, this.pgPassword);
  }

  /** Stops Postgres (a fast shutdown: every session is ended), leaves it down for `downMs`, starts it on the same data folder. */
  async restartPostgres(downMs: number): Promise<void> {
    await this.pg?.stop();
    this.pg = undefined;
    await sleep(downMs);
    await this.startPostgres();
  }

  /** Ends every session of the Estafet database (pg_terminate_backend), as a failover or a DBA would; returns how many. */
  async terminateBackends(): Promise<number> {
    const admin = new URL(this.databaseUrl);
    const database = decodeURIComponent(admin.pathname.slice(1));
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      const { rows } = await client.query<{ ended: string }>(
        'SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) AS ended FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [database],
      );
      return Number(rows[0].ended);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  /** What `temporal --version` says (CLI and server versions). */
  temporalVersion(): string {
    return spawnSync(this.cli, ['--version'], { encoding: 'utf8' }).stdout.trim();
  }

  /** `SHOW server_version` of the embedded server. */
  async postgresVersion(): Promise<string> {
    const client = new Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  // --- worker and API -------------------------------------------------------------------------

  private childEnv(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      NODE_ENV: 'development',
      // The driver signs Rina, Dimas and their approvers in with dev-login.
      DEV_LOGIN: 'true',
      LOG_LEVEL: 'info',
      DATABASE_URL: this.databaseUrl,
      TEMPORAL_ADDRESS: this.temporalAddress,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'estafet-approvals',
      WORKFLOW_BUNDLE_PATH: this.bundlePath,
      JWT_SECRET: this.jwtSecret,
      PORT: String(this.apiPort),
      WEB_ROOT: join(this.workDir, 'web'),
      // The run decides far faster than any official: the per-person limits would only slow it down.
      RATE_LIMIT_DECISIONS: '1000000/1m',
      RATE_LIMIT_SIGN_IN: '1000000/1m',
      ...this.options.env,
    };
  }

  private spawnApp(name: 'worker' | 'api', script: string, env: NodeJS.ProcessEnv): Proc {
    const generation = ++this.generation;
    const out = this.logFile(name);
    out.write(`--- ${name} #${generation} started ${new Date().toISOString()}\n`);
    const child = spawn(process.execPath, [join(this.options.buildDir, script)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const proc: Proc = { child, generation, planned: false, output: '', exited: Promise.resolve() };
    const onData = (chunk: Buffer) => {
      out.write(chunk);
      proc.output = (proc.output + chunk.toString()).slice(-20_000);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    proc.exited = new Promise<void>((done) => child.once('exit', (code, signal) => {
      out.write(`--- ${name} #${generation} exited with ${signal ?? code} ${new Date().toISOString()}\n`);
      done();
    }));
    return proc;
  }

  /** Starts a worker unless one runs or is starting; retried while Temporal or Postgres is still coming back. Returns ms until it polls. */
  ensureWorker(): Promise<number> {
    if (this.worker && this.worker.child.exitCode === null && this.worker.child.signalCode === null && !this.workerStarting) return Promise.resolve(0);
    this.workerStarting ??= this.startWorkerUntilReady().finally(() => {
      this.workerStarting = undefined;
    });
    return this.workerStarting;
  }

  private async startWorkerUntilReady(): Promise<number> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      const proc = this.spawnApp('worker', 'apps/worker/main.js', this.childEnv());
      this.worker = proc;
      const ready = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), 90_000);
        const check = () => {
          if (proc.output.includes('Worker polling task queue')) {
            clearTimeout(timer);
            resolve(true);
          }
        };
        proc.child.stdout!.on('data', check);
        proc.child.stderr!.on('data', check);
        void proc.exited.then(() => {
          clearTimeout(timer);
          resolve(false);
        });
      });
      if (ready) {
        void proc.exited.then(() => this.onWorkerExit(proc));
        return Date.now() - started;
      }
      proc.planned = true;
      proc.child.kill('SIGKILL');
      await proc.exited;
      if (this.stopping) throw new Error('stopping');
      if (attempt >= 20) throw new Error(`the worker did not start after ${attempt} attempts:\n${proc.output.slice(-3000)}`);
      this.options.log(`worker #${proc.generation} did not start (attempt ${attempt}); retrying`);
      await sleep(1000);
    }
  }

  private onWorkerExit(proc: Proc): void {
    if (proc.planned || this.stopping) return;
    const how = `${proc.child.signalCode ?? proc.child.exitCode}: ${proc.output.slice(-1500)}`;
    this.unplannedWorkerExits.push({ at: Date.now(), generation: proc.generation, how });
    this.options.log(`worker #${proc.generation} exited on its own (${proc.child.signalCode ?? proc.child.exitCode}); starting another`);
    void this.ensureWorker().catch((err: unknown) => this.options.log(`could not restart the worker: ${String(err)}`));
  }

  /** SIGKILLs the worker: no shutdown, no goodbye to Temporal; its workflow tasks and local activities die mid-flight. */
  async killWorker(): Promise<void> {
    await this.workerStarting?.catch(() => undefined);
    const proc = this.worker;
    if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
    proc.planned = true;
    proc.child.kill('SIGKILL');
    await proc.exited;
  }

  private async startApi(): Promise<void> {
    const proc = this.spawnApp('api', 'apps/api/main.js', { ...this.childEnv(), LOG_LEVEL: 'warn' });
    this.api = proc;
    void proc.exited.then(() => {
      if (!proc.planned && !this.stopping) this.apiCrashed = `${proc.child.signalCode ?? proc.child.exitCode}: ${proc.output.slice(-1500)}`;
    });
    await waitFor('the API to become healthy', async () => {
      if (proc.child.exitCode !== null) throw new Error(`the API exited:\n${proc.output.slice(-3000)}`);
      return (await fetch(`${this.apiUrl}/health`, { signal: AbortSignal.timeout(5000) })).ok;
    }, 120_000, 250);
  }

  // --- end ------------------------------------------------------------------------------------

  async stop(keep = false): Promise<void> {
    this.stopping = true;
    await this.workerStarting?.catch(() => undefined);
    for (const proc of [this.api, this.worker]) {
      if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) continue;
      proc.planned = true;
      const timer = setTimeout(() => proc.child.kill('SIGKILL'), 15_000);
      proc.child.kill('SIGTERM');
      await proc.exited;
      clearTimeout(timer);
    }
    await this.temporal?.stop().catch((err: unknown) => this.options.log(`stopping Temporal: ${String(err)}`));
    await this.pg?.stop().catch((err: unknown) => this.options.log(`stopping Postgres: ${String(err)}`));
    await Promise.all([...this.logs.values()].map((s) => new Promise<void>((done) => s.end(done))));
    if (!keep) {
      rmSync(this.workDir, { recursive: true, force: true });
      rmSync(this.pgDir, { recursive: true, force: true });
    }
  }

  private logFile(name: string): WriteStream {
    let stream = this.logs.get(name);
    if (!stream) {
      stream = createWriteStream(join(this.logDir, `${name}.log`), { flags: 'a' });
      this.logs.set(name, stream);
    }
    return stream;
  }

  /** Lines of the API's log that mention this correlation id (to explain an unexpected answer). */
  apiLogLines(correlationId: string): string {
    const file = join(this.logDir, 'api.log');
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    return text.split('\n').filter((l) => l.includes(correlationId)).join('\n').slice(0, 2000);
  }
}

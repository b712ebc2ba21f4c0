import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { canConnect, dropDatabase, ensureDatabase, startEmbeddedPostgres } from '@libs/devstack/postgres';
import { runMigrations } from '@libs/persistence/run-migrations';
import { freePort } from '@libs/devstack/ports';
import { ensureTemporalCli } from '@libs/devstack/temporal-cli';
import { startTemporalDevServer } from '@libs/devstack/temporal-dev-server';
import { dataSourceOptions } from '@libs/persistence/data-source-options';
import { seedDemoOrganization } from '@libs/persistence/seed/demo-organization';
import { note } from './progress';

export interface BenchDatabase {
  url: string;
  ds: DataSource;
  close(): Promise<void>;
}

/**
 * A fresh database for one run, on BENCH_DATABASE_URL / DATABASE_URL's server, the local server, or an
 * embedded one (as `npm start` uses), migrated and seeded with the demo organization.
 */
export async function benchDatabase(): Promise<BenchDatabase> {
  const explicit = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  let server = explicit ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!explicit && !(await canConnect(server))) {
    note('no Postgres on 127.0.0.1:5432: starting an embedded one');
    const embedded = await startEmbeddedPostgres(mkdtempSync(join(tmpdir(), 'estafet-bench-pg-')), await freePort(), randomBytes(12).toString('hex'));
    server = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const url = new URL(server);
  url.pathname = `/estafet_bench_${Date.now()}`;
  await ensureDatabase(url.toString());
  await runMigrations(url.toString());
  const ds = await new DataSource(dataSourceOptions(url.toString(), { logging: false })).initialize();
  await seedDemoOrganization(ds);
  return {
    url: url.toString(),
    ds,
    async close() {
      await ds.destroy();
      await dropDatabase(url.toString());
      await stopEmbedded?.();
    },
  };
}

/** A Temporal dev server (in memory) for the workloads that run approvals. */
export async function startTemporal(): Promise<{ address: string; pid: number; stop(): Promise<void> }> {
  const server = await startTemporalDevServer({ cli: ensureTemporalCli((line) => note(line)), port: await freePort() });
  return { address: server.address, pid: server.process.pid!, stop: server.stop };
}

/**
 * The worker process's Nest context (Temporal worker with the approval and continuity workflows),
 * in this process. Call after `configureEnvironment`.
 */
export async function startWorker(): Promise<INestApplicationContext> {
  const { NestFactory } = await import('@nestjs/core');
  const { WorkerModule } = await import('@apps/worker/worker.module.js');
  const { installTemporalRuntime } = await import('@libs/temporal/runtime.js');
  installTemporalRuntime('ERROR');
  const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
  await worker.init();
  return worker;
}

/** The settings the API and the worker read at start; set once, before either is loaded. */
export function configureEnvironment(databaseUrl: string, temporalAddress = '127.0.0.1:7233'): void {
  Object.assign(process.env, {
    NODE_ENV: 'development',
    // The workloads sign their people in with dev-login.
    DEV_LOGIN: 'true',
    LOG_LEVEL: 'error',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: process.env.BENCH_JWT_SECRET ?? randomBytes(32).toString('hex'),
    TEMPORAL_ADDRESS: temporalAddress,
    WEB_ROOT: mkdtempSync(join(tmpdir(), 'estafet-bench-web-')),
    // The workloads decide far faster than any official: the per-person limits would measure themselves.
    RATE_LIMIT_DECISIONS: '9999999/1m',
    RATE_LIMIT_SIGN_IN: '9999999/1m',
  });
}

export interface BenchApi {
  baseUrl: string;
  app: INestApplication;
  tokenFor(nip: string): Promise<string>;
}

/** The real API (as apps/api/main.ts builds it) on a free port. Call after `configureEnvironment`. */
export async function startApi(): Promise<BenchApi> {  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import('@apps/api/app.module.js');
  const { configureApp } = await import('@apps/api/configure-app.js');
  const app = configureApp(await NestFactory.create<NestExpressApplication>(AppModule, { logger: ['error'], bodyParser: false }));
  await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return {
    baseUrl,
    app,
    async tokenFor(nip: string) {
      const res = await fetch(`${baseUrl}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nip }) });
      if (!res.ok) throw new Error(`dev-login ${nip}: ${res.status}`);
      return ((await res.json()) as { accessToken: string }).accessToken;
    },
  };
}

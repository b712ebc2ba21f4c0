import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { AppModule } from '@apps/api/app.module';
import { configureApp } from '@apps/api/configure-app';
import { WorkerModule } from '@apps/worker/worker.module';
import { installTemporalRuntime } from '@libs/temporal/runtime';
import { DEMO_PEOPLE, idOf } from '@libs/persistence/seed/demo-organization';
import { checkedAgent, OpenApiContract, type OpenApiDocument } from './openapi-contract';

/** The API and the worker, as their processes build them, against the servers global setup started. */
export interface AppStack {
  api: NestExpressApplication;
  worker: INestApplicationContext;
  /** Every answer is checked against the OpenAPI document (see openapi-contract.ts), unless the stack was started without. */
  http: TestAgent;
  /** The live OpenAPI document, as /api/docs-json serves it. */
  contract: OpenApiContract;
  dataSource: DataSource;
  tokenFor(name: string): Promise<string>;
  /** An HTTP client signed in as the demo person with this name. */
  as(name: string): Promise<SignedInClient>;
  /**
   * Stops the worker (no workflow task runs until the returned function starts a new one), so a test
   * can look at what the API alone has written.
   */
  pauseWorker(): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface SignedInClient {
  get(url: string): request.Test;
  post(url: string, body?: object): request.Test;
  patch(url: string, body: object): request.Test;
}

export interface AppStackOptions {
  /**
   * Check every answer against the OpenAPI document (default). Off only where a test sends what no
   * client of the document would, on purpose and in bulk.
   */
  checkResponses?: boolean;
}

export async function startAppStack(options: AppStackOptions = {}): Promise<AppStack> {
  installTemporalRuntime('WARN');
  const startWorker = async () => {
    const context = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await context.init();
    return context;
  };
  const worker = await startWorker();
  const api = configureApp(await NestFactory.create<NestExpressApplication>(AppModule, { logger: ['error'], bodyParser: false }));
  await api.init();
  const server = request(api.getHttpServer());
  const contract = new OpenApiContract((await server.get('/api/docs-json').expect(200)).body as OpenApiDocument);
  const http = options.checkResponses === false ? server : checkedAgent(server, contract);
  const tokens = new Map<string, string>();
  const stack: AppStack = {
    api,
    worker,
    http,
    contract,
    dataSource: api.get(DataSource),
    async tokenFor(name: string) {
      const cached = tokens.get(name);
      if (cached) return cached;
      const nip = personByName(name)[0];
      const res = await http.post('/api/auth/dev-login').send({ nip }).expect(200);
      tokens.set(name, res.body.accessToken);
      return res.body.accessToken as string;
    },
    async as(name: string) {
      const token = await stack.tokenFor(name);
      return {
        get: (url: string) => http.get(url).auth(token, { type: 'bearer' }),
        post: (url: string, body: object = {}) => http.post(url).auth(token, { type: 'bearer' }).send(body),
        patch: (url: string, body: object) => http.patch(url).auth(token, { type: 'bearer' }).send(body),
      };
    },
    async pauseWorker() {
      await stack.worker.close();
      return async () => {
        stack.worker = await startWorker();
      };
    },
    async close() {
      await api.close();
      await stack.worker.close();
    },
  };
  return stack;
}

export function personByName(name: string) {
  const found = DEMO_PEOPLE.find(([, personName]) => personName === name);
  if (!found) throw new Error(`no demo person named ${name}`);
  return found;
}

export const personId = (name: string) => idOf('person', personByName(name)[0]);
export const positionId = (code: string) => idOf('position', code);

/**
 * How long a wait gives up after, at the least. The condition decides when a wait ends; the bound
 * only ends one that never would. On a loaded machine (CI beside other work, two cores) the bounds
 * the tests name for a quiet one were too short, so none is shorter than this.
 */
const LEAST_WAIT_MS = 60_000;

/** Polls until `check` returns a value (not undefined/null/false) or the time runs out. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = LEAST_WAIT_MS, what = 'condition'): Promise<T> {
  const deadline = Date.now() + Math.max(timeoutMs, LEAST_WAIT_MS);
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const validProposal = (overrides: Record<string, unknown> = {}) => ({
  title: 'Antrean daring dan kanal SMS pengaduan perizinan',
  problem: 'Pemohon izin antre berjam-jam di loket tanpa kepastian waktu layanan.',
  proposedChange: 'Nomor antrean diambil daring; notifikasi SMS saat giliran mendekat; pengaduan lewat SMS.',
  goals: 'Memangkas waktu tunggu di loket.',
  benefits: 'Pemohon menunggu dari rumah; pengaduan tercatat dan dijawab.',
  category: 'tata-kelola',
  type: 'digital',
  form: 'pelayanan-publik',
  initiatorKind: 'kelompok',
  budgetEstimate: 75000000,
  pilotPlan: { durationMonths: 6, scope: 'Loket perizinan kantor pusat' },
  indicators: [{ name: 'Waktu tunggu rata-rata', baseline: '120 menit', target: '30 menit' }],
  ...overrides,
});

import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { installTemporalRuntime } from '@libs/temporal/runtime';
import { WorkerModule } from './worker.module';

/** The worker process: a Nest application context (no HTTP) hosting the Temporal worker. */
async function main(): Promise<void> {
  installTemporalRuntime('WARN');
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

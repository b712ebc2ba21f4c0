import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '@libs/config/app-config.service';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

async function main(): Promise<void> {
  const app = configureApp(await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false }));
  await app.listen(app.get(AppConfig).get('PORT'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

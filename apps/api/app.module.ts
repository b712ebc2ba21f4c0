import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuthModule } from '@libs/auth/auth.module';
import { AppConfigModule } from '@libs/config/app-config.module';
import { AllExceptionsFilter } from '@libs/http/all-exceptions.filter';
import { IdempotencyModule } from '@libs/http/idempotent-requests';
import { LoggingModule } from '@libs/logging/logging.module';
import { PersistenceModule } from '@libs/persistence/persistence.module';
import { TemporalClientModule } from '@libs/temporal/temporal-client.module';
import { AdminModule } from './admin/admin.module';
import { AdminAuditModule } from './audit/admin-audit.module';
import { AuthController } from './auth/auth.controller';
import { ContinuityModule } from './continuity/continuity.module';
import { HandoverModule } from './handover/handover.module';
import { HealthModule } from './health/health.module';
import { OrganizationModule } from './organization/organization.module';
import { ProposalsModule } from './proposals/proposals.module';
import { RateLimitModule } from './rate-limit/rate-limit';
import { TasksModule } from './tasks/tasks.module';
import { TemplatesModule } from './templates/templates.module';
import { WebModule } from './web.module';

@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    PersistenceModule,
    IdempotencyModule,
    TemporalClientModule,
    AuthModule,
    RateLimitModule,
    HealthModule,
    ProposalsModule,
    TasksModule,
    AdminModule,
    AdminAuditModule,
    TemplatesModule,
    OrganizationModule,
    ContinuityModule,
    HandoverModule,
    WebModule,
  ],
  controllers: [AuthController],
  providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
})
export class AppModule {}

import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuthModule } from '../../libs/auth/auth.module';
import { AppConfigModule } from '../../libs/config/app-config.module';
import { AllExceptionsFilter } from '../../libs/http/all-exceptions.filter';
import { LoggingModule } from '../../libs/logging/logging.module';
import { PersistenceModule } from '../../libs/persistence/persistence.module';
import { TemporalClientModule } from '../../libs/temporal/temporal-client.module';
import { AdminModule } from './admin/admin.module';
import { AuthController } from './auth/auth.controller';
import { HealthModule } from './health/health.module';
import { ProposalsModule } from './proposals/proposals.module';
import { TasksModule } from './tasks/tasks.module';
import { TemplatesModule } from './templates/templates.module';

@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    PersistenceModule,
    TemporalClientModule,
    AuthModule,
    HealthModule,
    ProposalsModule,
    TasksModule,
    AdminModule,
    TemplatesModule,
  ],
  controllers: [AuthController],
  providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
})
export class AppModule {}

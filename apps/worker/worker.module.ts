import { Module } from '@nestjs/common';
import { AppConfigModule } from '@libs/config/app-config.module';
import { LoggingModule } from '@libs/logging/logging.module';
import { PersistenceModule } from '@libs/persistence/persistence.module';
import { TemporalWorkerService } from './temporal-worker.service';

@Module({
  imports: [AppConfigModule, LoggingModule, PersistenceModule],
  providers: [TemporalWorkerService],
})
export class WorkerModule {}

import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@libs/config/app-config.service';
import { AdminDashboards } from './admin-dashboards.queries';
import { AdminTrends } from './admin-trends.queries';
import { AdvisoryLocks } from './advisory-lock';
import { CallerLookup } from './caller-lookup';
import { ChainTemplateStore } from './chain-templates.store';
import { CycleTimeQueries } from './cycle-times.queries';
import { dataSourceOptions } from './data-source-options';
import { IdempotencyStore } from './idempotency.store';
import { OrganizationChanges } from './organization.changes';
import { OrganizationQueries } from './organization.queries';
import { RecordStore } from './record.store';
import { SignInQueries } from './sign-in.queries';
import { TaskQueries } from './task.queries';
import { AdminAuditStore } from './admin-audit.store';
import { ContinuityStore } from './continuity.store';
import { CustodyQueries } from './custody.queries';
import { HandoverQueries } from './handover.queries';
import { ProposalReads } from './proposal-reads.queries';
import { ProposalsRepository } from './proposals.repository';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        dataSourceOptions(config.get('DATABASE_URL'), {
          extra: { max: config.get('DATABASE_POOL_SIZE'), connectionTimeoutMillis: 5000, application_name: 'estafet' },
        }),
    }),
  ],
  providers: [
    { provide: RecordStore, inject: [DataSource], useFactory: (ds: DataSource) => new RecordStore(ds) },
    { provide: CallerLookup, inject: [DataSource], useFactory: (ds: DataSource) => new CallerLookup(ds) },
    { provide: IdempotencyStore, inject: [DataSource], useFactory: (ds: DataSource) => new IdempotencyStore(ds) },
    { provide: AdvisoryLocks, inject: [DataSource], useFactory: (ds: DataSource) => new AdvisoryLocks(ds) },
    { provide: AdminDashboards, inject: [DataSource], useFactory: (ds: DataSource) => new AdminDashboards(ds) },
    { provide: AdminTrends, inject: [DataSource], useFactory: (ds: DataSource) => new AdminTrends(ds) },
    { provide: CycleTimeQueries, inject: [DataSource], useFactory: (ds: DataSource) => new CycleTimeQueries(ds) },
    { provide: SignInQueries, inject: [DataSource], useFactory: (ds: DataSource) => new SignInQueries(ds) },
    { provide: ChainTemplateStore, inject: [DataSource], useFactory: (ds: DataSource) => new ChainTemplateStore(ds) },
    { provide: OrganizationQueries, inject: [DataSource], useFactory: (ds: DataSource) => new OrganizationQueries(ds) },
    { provide: OrganizationChanges, inject: [DataSource], useFactory: (ds: DataSource) => new OrganizationChanges(ds) },
    { provide: TaskQueries, inject: [DataSource], useFactory: (ds: DataSource) => new TaskQueries(ds) },
    { provide: CustodyQueries, inject: [DataSource], useFactory: (ds: DataSource) => new CustodyQueries(ds) },
    { provide: ContinuityStore, inject: [DataSource], useFactory: (ds: DataSource) => new ContinuityStore(ds) },
    { provide: AdminAuditStore, inject: [DataSource], useFactory: (ds: DataSource) => new AdminAuditStore(ds) },
    { provide: HandoverQueries, inject: [DataSource], useFactory: (ds: DataSource) => new HandoverQueries(ds) },
    { provide: ProposalReads, inject: [DataSource], useFactory: (ds: DataSource) => new ProposalReads(ds) },
    { provide: ProposalsRepository, inject: [DataSource], useFactory: (ds: DataSource) => new ProposalsRepository(ds) },
  ],
  exports: [TaskQueries, CustodyQueries, ContinuityStore, AdminAuditStore, HandoverQueries, ProposalReads, ProposalsRepository, RecordStore, CallerLookup, IdempotencyStore, AdvisoryLocks, AdminDashboards, AdminTrends, CycleTimeQueries, SignInQueries, ChainTemplateStore,
    OrganizationQueries, OrganizationChanges],
})
export class PersistenceModule {}

import { Module } from '@nestjs/common';
import { ProposalQueriesService } from './proposal-queries.service';
import { ProposalsController } from './proposals.controller';
import { ProposalsService } from './proposals.service';
import { RecordPdfController } from './record-pdf.controller';

@Module({ controllers: [ProposalsController, RecordPdfController], providers: [ProposalsService, ProposalQueriesService] })
export class ProposalsModule {}

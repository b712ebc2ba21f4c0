import { Module } from '@nestjs/common';
import { ProposalQueriesService } from './proposal-queries.service';
import { ProposalsController } from './proposals.controller';
import { ProposalsService } from './proposals.service';

@Module({ controllers: [ProposalsController], providers: [ProposalsService, ProposalQueriesService] })
export class ProposalsModule {}

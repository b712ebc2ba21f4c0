import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../../libs/auth/auth.decorators';
import type { AuthUser } from '../../../libs/auth/auth.types';
import { CreateProposalDto } from './dto/create-proposal.dto';
import { HistoryEventView, ProposalView, VerificationView } from './dto/proposal.views';
import { ProposalsService } from './proposals.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('proposals')
@ApiBearerAuth()
@Controller('proposals')
export class ProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Post()
  @Roles('proposer')
  @ApiOperation({ summary: 'Create a proposal and submit it for approval (or keep it as a draft with submit: false)' })
  @ApiCreatedResponse({ type: ProposalView })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateProposalDto): Promise<ProposalView> {
    return this.proposals.create(user, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A proposal with its approval tasks' })
  @ApiOkResponse({ type: ProposalView })
  get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<ProposalView> {
    return this.proposals.view(user, id);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'The append-only record (riwayat) of a proposal, in order' })
  @ApiOkResponse({ type: [HistoryEventView] })
  history(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<HistoryEventView[]> {
    return this.proposals.history(user, id);
  }

  @Get(':id/history/verify')
  @ApiOperation({ summary: 'Recompute the hash chain and name the first broken row, if any' })
  @ApiOkResponse({ type: VerificationView })
  verify(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<VerificationView> {
    return this.proposals.verify(user, id);
  }
}

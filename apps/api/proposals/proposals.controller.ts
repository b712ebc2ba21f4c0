import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '@libs/auth/auth.decorators';
import type { AuthUser } from '@libs/auth/auth.types';
import { ApiIdempotencyKey, IDEMPOTENCY_KEY_HEADER } from '@libs/http/idempotency-key';
import { IdParam, VersionParam } from '@libs/http/parse-id.pipe';
import { CreateProposalDto } from './dto/create-proposal.dto';
import { ResubmitDto, WithdrawDto } from './dto/proposal-actions.dto';
import { ProposalListQuery } from './dto/proposal-list-query.dto';
import {
  HistoryEventView,
  ProposalPageView,
  ProposalVersionView,
  ProposalView,
  ResubmitResultView,
  VerificationView,
  WithdrawResultView,
} from './dto/proposal.views';
import { UpdateProposalDto } from './dto/update-proposal.dto';
import { ProposalQueriesService } from './proposal-queries.service';
import { ProposalsService } from './proposals.service';
import { expectedVersion, idempotencyKey } from './request-headers';

/** Proposal ids are generated here as version 4 UUIDs. */
const V4 = { version: '4' } as const;

const NOT_FOUND = 'No proposal has this id (NOT_FOUND)';
const NOT_PROPOSER = 'Only the proposer may do this (NOT_PROPOSER)';
const NOT_INVOLVED = 'Only the proposer, its approvers and administrators may read a proposal (NOT_INVOLVED)';

@ApiTags('proposals')
@ApiBearerAuth()
@Controller('proposals')
export class ProposalsController {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly queries: ProposalQueriesService,
  ) {}

  @Post()
  @Roles('proposer')
  @ApiOperation({ summary: 'Create a proposal and submit it for approval (or keep it as a draft with submit: false)' })
  @ApiCreatedResponse({ type: ProposalView })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateProposalDto): Promise<ProposalView> {
    return this.proposals.create(user, body);
  }

  @Get()
  @ApiOperation({
    summary: 'My proposals (Usulan Saya), newest first, with filters and pages; administrators may ask for scope=all',
    description: 'Example: GET /api/proposals?status=draft,returned&category=pelayanan-publik&q=antrean&page=1&pageSize=20',
  })
  @ApiOkResponse({ type: ProposalPageView })
  @ApiForbiddenResponse({ description: 'scope=all without the admin role (ADMIN_ONLY)' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid filters (VALIDATION_FAILED), e.g. details [{ field: "status", messages: ["each value in status must be one of …"] }]' })
  list(@CurrentUser() user: AuthUser, @Query() query: ProposalListQuery): Promise<ProposalPageView> {
    return this.queries.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A proposal with its approval tasks and its timeline (the Riwayat, compact and labelled)' })
  @ApiOkResponse({ type: ProposalView })
  @ApiForbiddenResponse({ description: NOT_INVOLVED })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@CurrentUser() user: AuthUser, @IdParam('id', V4) id: string): Promise<ProposalView> {
    return this.queries.view(user, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Edit a draft or a proposal returned for revision (proposer only); every edit adds one to the version',
    description: 'Send only the fields that change. templateCode can change only while the proposal is a draft.',
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The version the edit was made on (e.g. "2"); a newer proposal answers 409 VERSION_MISMATCH, a malformed one 422 INVALID_IF_MATCH',
    schema: { type: 'string', pattern: '^\\s*(W/)?"?[1-9][0-9]{0,8}"?\\s*$' },
  })
  @ApiBody({
    type: UpdateProposalDto,
    examples: {
      title: { summary: 'Change the title and goals', value: { title: 'Antrean daring, kanal SMS dan WhatsApp pengaduan perizinan', goals: 'Waktu tunggu di loket paling lama 30 menit.' } },
      clearBudget: { summary: 'Clear the budget estimate', value: { budgetEstimate: null } },
    },
  })
  @ApiOkResponse({ type: ProposalView })
  @ApiForbiddenResponse({ description: NOT_PROPOSER })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({
    description: 'Not a draft or returned (NOT_EDITABLE); templateCode on a returned proposal (TEMPLATE_LOCKED); If-Match names an older version (VERSION_MISMATCH); a concurrent change (EDIT_CONFLICT, PROPOSAL_BUSY)',
  })
  @ApiUnprocessableEntityResponse({ description: 'Invalid fields (VALIDATION_FAILED, with field paths such as pilotPlan.durationMonths), no field to change (NOTHING_TO_CHANGE), unknown template (UNKNOWN_TEMPLATE)' })
  edit(
    @CurrentUser() user: AuthUser,
    @IdParam('id', V4) id: string,
    @Body() body: UpdateProposalDto,
    @Headers('If-Match') ifMatch?: string,
  ): Promise<ProposalView> {
    return this.proposals.edit(user, id, body, expectedVersion(ifMatch));
  }

  @Post(':id/submit')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Submit a draft (proposer only): its approval workflow starts' })
  @ApiOkResponse({ type: ProposalView, description: 'The proposal, now submitted' })
  @ApiForbiddenResponse({ description: NOT_PROPOSER })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'Not a draft (NOT_A_DRAFT) or already under approval (ALREADY_SUBMITTED)' })
  submit(@CurrentUser() user: AuthUser, @IdParam('id', V4) id: string): Promise<ProposalView> {
    return this.proposals.submitDraft(user, id);
  }

  @Post(':id/resubmit')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Resubmit a proposal returned for revision (proposer only): review resumes, in a new round, at the stage that returned it' })
  @ApiIdempotencyKey('Retrying with the same key applies the resubmission once and returns the first result')
  @ApiBody({ type: ResubmitDto, examples: { note: { summary: 'With a note for the approvers', value: { note: 'Sasaran dan anggaran sudah diperbaiki sesuai catatan Kepala Bidang.' } } } })
  @ApiOkResponse({ type: ResubmitResultView })
  @ApiForbiddenResponse({ description: NOT_PROPOSER })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'Not returned for revision (INVALID_STATE), a draft (NOT_SUBMITTED) or ended (APPROVAL_ENDED)' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid note or Idempotency-Key' })
  resubmit(
    @CurrentUser() user: AuthUser,
    @IdParam('id', V4) id: string,
    @Body() body: ResubmitDto,
    @Headers(IDEMPOTENCY_KEY_HEADER) key?: string,
  ): Promise<ResubmitResultView> {
    return this.proposals.resubmit(user, id, body, idempotencyKey(key));
  }

  @Post(':id/withdraw')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Withdraw a proposal (proposer only, reason required): open tasks are cancelled and the record says who and why' })
  @ApiBody({ type: WithdrawDto, examples: { reason: { summary: 'Withdrawn with a reason', value: { reason: 'Program serupa sudah dijalankan oleh Diskominfo.' } } } })
  @ApiOkResponse({ type: WithdrawResultView })
  @ApiForbiddenResponse({ description: NOT_PROPOSER })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'Already approved, rejected, withdrawn or cancelled (APPROVAL_ENDED, INVALID_STATE)' })
  @ApiUnprocessableEntityResponse({ description: 'No or a blank reason (VALIDATION_FAILED or REASON_REQUIRED, field "reason")' })
  withdraw(@CurrentUser() user: AuthUser, @IdParam('id', V4) id: string, @Body() body: WithdrawDto): Promise<WithdrawResultView> {
    return this.proposals.withdraw(user, id, body);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'The append-only record (riwayat) of a proposal, in order' })
  @ApiOkResponse({ type: [HistoryEventView] })
  @ApiForbiddenResponse({ description: NOT_INVOLVED })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  history(@CurrentUser() user: AuthUser, @IdParam('id', V4) id: string): Promise<HistoryEventView[]> {
    return this.queries.history(user, id);
  }

  @Get(':id/history/verify')
  @ApiOperation({ summary: 'Recompute the hash chain and name the first broken row, if any' })
  @ApiOkResponse({ type: VerificationView })
  @ApiForbiddenResponse({ description: NOT_INVOLVED })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  verify(@CurrentUser() user: AuthUser, @IdParam('id', V4) id: string): Promise<VerificationView> {
    return this.queries.verify(user, id);
  }

  @Get(':id/versions/:version')
  @ApiOperation({ summary: 'The content as it was submitted at one version (what the approvers of that round saw), or the version being edited' })
  @ApiOkResponse({ type: ProposalVersionView })
  @ApiForbiddenResponse({ description: NOT_INVOLVED })
  @ApiNotFoundResponse({ description: 'No such proposal (NOT_FOUND) or the version was never submitted (VERSION_NOT_FOUND)' })
  version(
    @CurrentUser() user: AuthUser,
    @IdParam('id', V4) id: string,
    @VersionParam() version: number,
  ): Promise<ProposalVersionView> {
    return this.queries.version(user, id, version);
  }
}

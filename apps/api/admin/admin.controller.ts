import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '@libs/auth/auth.decorators';
import type { AuthUser } from '@libs/auth/auth.types';
import { AdminAudit, fromParam } from '../audit/admin-audit.decorator';
import type { CloseResult } from '@libs/contracts/approval.contract';
import { ApiIdempotencyKey, IDEMPOTENCY_KEY_HEADER, idempotencyKey as checkedIdempotencyKey } from '@libs/http/idempotency-key';
import { IdParam } from '@libs/http/parse-id.pipe';
import { RateLimit } from '../rate-limit/rate-limit';
import { AdminCancelService } from './admin-cancel.service';
import { csvFileName, summaryCsv, tasksCsv } from './admin-csv';
import { AdminService, EXPORT_LIMIT } from './admin.service';
import { CycleTimesService } from './cycle-times.service';
import { TrendsService } from './trends.service';
import { AdminTaskExportQuery, AdminTaskQuery } from './dto/admin-task-query.dto';
import { AdminTaskPageView } from './dto/admin-task.view';
import { BlockedStagePageView, BlockedStageQuery, StageNamesView } from './dto/blocked-stage.dto';
import { TrendsQuery, TrendsView } from './dto/trends.dto';
import { CancelProposalDto, CloseResultView } from './dto/cancel-proposal.dto';
import { CycleTimeQuery, CycleTimesView } from './dto/cycle-time.dto';
import { NotificationPageView, NotificationQuery } from './dto/notification-query.dto';
import { SummaryExportQuery, SummaryPageView, SummaryQuery } from './dto/summary.dto';

const errorExample = (statusCode: number, error: string, code: string, message: string, details?: unknown) => ({
  schema: { example: { statusCode, error, code, message, ...(details ? { details } : {}), correlationId: '9f3b2c1a-7d6e-4f5a-8b9c-0d1e2f3a4b5c' } },
});

const NOT_ADMIN = errorExample(403, 'Forbidden', 'ROLE_REQUIRED', 'This action needs the role: admin.');
const BAD_QUERY = errorExample(422, 'Unprocessable Entity', 'VALIDATION_FAILED', 'The request has invalid fields.', [
  { field: 'olderThan', messages: ['olderThan must be an ISO-8601 duration of weeks, days, hours, minutes or seconds (e.g. P7D, PT12H), at most P3650D'] },
]);

/** A CSV download: documented without a schema (the body is text), with the header that makes browsers save it. */
const CSV_RESPONSE = (example: string) => ({
  description: `CSV (RFC 4180, UTF-8 with a byte order mark, CRLF line ends), a header row of field names, at most ${EXPORT_LIMIT} rows`,
  content: { 'text/csv': { example } },
  headers: { 'Content-Disposition': { description: 'attachment; filename="…csv"', schema: { type: 'string' } } },
});

const csvFile = (text: string, name: string) =>
  new StreamableFile(Buffer.from(text, 'utf8'), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${name}"` });

/** Administrators (admin instansi / inspektorat): audit stuck, overdue, escalated and unheld (vacant post) approvals; cancel one. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@ApiForbiddenResponse({ description: 'The caller is not an administrator', ...NOT_ADMIN })
@Controller('admin')
export class AdminController {
  constructor(
    private readonly dashboards: AdminService,
    private readonly cancellations: AdminCancelService,
    private readonly cycles: CycleTimesService,
    private readonly trendsOf: TrendsService,
  ) {}

  @Get('tasks')
  @ApiOperation({ summary: 'Open, overdue (Jatuh Tempo), escalated (Eskalasi), stuck or vacant-post approval tasks, most urgent first (stuck and vacant: oldest first)' })
  @ApiOkResponse({ type: AdminTaskPageView })
  @ApiUnprocessableEntityResponse({ description: 'Invalid query (field paths in details)', ...BAD_QUERY })
  tasks(@Query() query: AdminTaskQuery): Promise<AdminTaskPageView> {
    return this.dashboards.tasks(query);
  }

  @Get('tasks.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The same list as GET /api/admin/tasks with the same filters, every matching row (up to the cap), as a CSV file' })
  @ApiOkResponse(CSV_RESPONSE('taskId,proposalId,proposalTitle,…,stuckReason,stuckSince,stuckWorkingDays\r\n…'))
  @ApiUnprocessableEntityResponse({ description: 'Invalid query (field paths in details)', ...BAD_QUERY })
  async tasksCsv(@Query() query: AdminTaskExportQuery): Promise<StreamableFile> {
    const now = new Date();
    return csvFile(tasksCsv(await this.dashboards.allTasks(query, now)), csvFileName(`tugas-${query.view ?? 'open'}`, now));
  }

  @Get('blocked-stages')
  @ApiOperation({
    summary: 'Approvals whose current stage is blocked (its posts did not resolve, so nobody has a task), the longest blocked first',
  })
  @ApiOkResponse({ type: BlockedStagePageView })
  @ApiUnprocessableEntityResponse({ description: 'Invalid query (field paths in details)', ...BAD_QUERY })
  blockedStages(@Query() query: BlockedStageQuery): Promise<BlockedStagePageView> {
    return this.dashboards.blockedStages(query);
  }

  @Get('stage-names')
  @ApiOperation({ summary: 'Every stage name of the chain templates, sorted: what the stage filters offer' })
  @ApiOkResponse({ type: StageNamesView })
  async stageNames(): Promise<StageNamesView> {
    return { items: await this.dashboards.stageNames() };
  }

  @Get('trends')
  @ApiOperation({
    summary: 'Week by week (Monday–Sunday, Asia/Jakarta): approver tasks opened and decided, and how many were open past their Jatuh Tempo at the end of each week',
  })
  @ApiOkResponse({ type: TrendsView })
  @ApiUnprocessableEntityResponse({
    description: 'Invalid query (field paths in details)',
    ...errorExample(422, 'Unprocessable Entity', 'VALIDATION_FAILED', 'The request has invalid fields.', [{ field: 'weeks', messages: ['weeks must not be greater than 52'] }]),
  })
  trends(@Query() query: TrendsQuery): Promise<TrendsView> {
    return this.trendsOf.weekly(query);
  }

  @Get('summary')
  @ApiOperation({ summary: 'Open work grouped by proposer unit and stage: open, overdue, escalated, stuck, vacant (nobody acts for the post), oldest' })
  @ApiOkResponse({ type: SummaryPageView })
  @ApiUnprocessableEntityResponse({ description: 'Invalid query (field paths in details)', ...BAD_QUERY })
  summary(@Query() query: SummaryQuery): Promise<SummaryPageView> {
    return this.dashboards.summary(query);
  }

  @Get('summary.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The same counts as GET /api/admin/summary, every unit × stage row, as a CSV file' })
  @ApiOkResponse(CSV_RESPONSE('unitId,unitName,stageName,open,overdue,escalated,stuck,vacant,oldestAgeSeconds\r\n…'))
  @ApiUnprocessableEntityResponse({ description: 'Invalid query (field paths in details)', ...BAD_QUERY })
  async summaryCsv(@Query() query: SummaryExportQuery): Promise<StreamableFile> {
    const now = new Date();
    return csvFile(summaryCsv(await this.dashboards.allSummaryRows(query, now)), csvFileName('ringkasan-tugas', now));
  }

  @Get('cycle-times')
  @ApiOperation({
    summary: 'How long approvers take: median, 90th percentile and mean cycle time per proposer unit and stage, and per stage',
    description:
      'Counts tasks decided (approved, rejected or returned) in [from, to), by default the last 90 days. A cycle time runs from the ' +
      'moment the approver slot was first opened to the decision: a task that reached the decider by reassignment (the post changed ' +
      'hands) or escalation is followed back to the original task. Stages are grouped by name.',
  })
  @ApiOkResponse({ type: CycleTimesView })
  @ApiUnprocessableEntityResponse({
    description: 'Invalid query, or a start not before the end (field paths in details)',
    ...errorExample(422, 'Unprocessable Entity', 'VALIDATION_FAILED', 'The request has invalid fields.', [{ field: 'from', messages: ['from must be before to'] }]),
  })
  cycleTimes(@Query() query: CycleTimeQuery): Promise<CycleTimesView> {
    return this.cycles.cycleTimes(query);
  }

  @Get('notifications')
  @ApiOperation({ summary: 'The notification outbox, newest first: what was (or is still to be) sent, to whom' })
  @ApiOkResponse({ type: NotificationPageView })
  @ApiUnprocessableEntityResponse({ description: 'Invalid query (field paths in details)' })
  notifications(@Query() query: NotificationQuery): Promise<NotificationPageView> {
    return this.dashboards.notifications(query);
  }

  @Post('proposals/:id/cancel')
  @RateLimit('decisions')
  @AdminAudit({ action: 'proposal.cancel', targetType: 'proposal', targetId: fromParam('id') })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel a proposal under approval (Dibatalkan): open tasks are cancelled, the proposer is told why' })
  @ApiIdempotencyKey('Retrying with the same key cancels once and returns the first result')
  @ApiOkResponse({ type: CloseResultView })
  @ApiNotFoundResponse({ description: 'No proposal has this id', ...errorExample(404, 'Not Found', 'NOT_FOUND', 'Proposal 6a2f9c1d-7e4b-4a8c-b3d2-1f0e9d8c7b6a was not found') })
  @ApiConflictResponse({
    description: 'A draft (nothing to cancel), or an approval that has already ended',
    ...errorExample(409, 'Conflict', 'APPROVAL_CLOSED', 'The approval of this proposal has already ended (cancelled); there is nothing to cancel.', { status: 'cancelled' }),
  })
  @ApiUnprocessableEntityResponse({
    description: 'Missing or blank reason, or a malformed Idempotency-Key',
    ...errorExample(422, 'Unprocessable Entity', 'VALIDATION_FAILED', 'The request has invalid fields.', [{ field: 'reason', messages: ['reason must be a string'] }]),
  })
  cancel(
    @CurrentUser() admin: AuthUser,
    @IdParam() id: string,
    @Body() body: CancelProposalDto,
    @Headers(IDEMPOTENCY_KEY_HEADER) idempotencyKey?: string,
  ): Promise<CloseResult> {
    return this.cancellations.cancel(admin, id, body, checkedIdempotencyKey(idempotencyKey));
  }
}

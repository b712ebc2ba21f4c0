import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
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
import { AdminService } from './admin.service';
import { CycleTimesService } from './cycle-times.service';
import { AdminTaskQuery } from './dto/admin-task-query.dto';
import { AdminTaskPageView } from './dto/admin-task.view';
import { CancelProposalDto, CloseResultView } from './dto/cancel-proposal.dto';
import { CycleTimeQuery, CycleTimesView } from './dto/cycle-time.dto';
import { NotificationPageView, NotificationQuery } from './dto/notification-query.dto';
import { SummaryPageView, SummaryQuery } from './dto/summary.dto';

const errorExample = (statusCode: number, error: string, code: string, message: string, details?: unknown) => ({
  schema: { example: { statusCode, error, code, message, ...(details ? { details } : {}), correlationId: '9f3b2c1a-7d6e-4f5a-8b9c-0d1e2f3a4b5c' } },
});

const NOT_ADMIN = errorExample(403, 'Forbidden', 'ROLE_REQUIRED', 'This action needs the role: admin.');
const BAD_QUERY = errorExample(422, 'Unprocessable Entity', 'VALIDATION_FAILED', 'The request has invalid fields.', [
  { field: 'olderThan', messages: ['olderThan must be an ISO-8601 duration of weeks, days, hours, minutes or seconds (e.g. P7D, PT12H), at most P3650D'] },
]);

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
  ) {}

  @Get('tasks')
  @ApiOperation({ summary: 'Open, overdue (Jatuh Tempo), escalated (Eskalasi), stuck or vacant-post approval tasks, most urgent first (stuck and vacant: oldest first)' })
  @ApiOkResponse({ type: AdminTaskPageView })
  @ApiUnprocessableEntityResponse({ description: 'Invalid query (field paths in details)', ...BAD_QUERY })
  tasks(@Query() query: AdminTaskQuery): Promise<AdminTaskPageView> {
    return this.dashboards.tasks(query);
  }

  @Get('summary')
  @ApiOperation({ summary: 'Open work grouped by proposer unit and stage: open, overdue, escalated, stuck, vacant (nobody acts for the post), oldest' })
  @ApiOkResponse({ type: SummaryPageView })
  @ApiUnprocessableEntityResponse({ description: 'Invalid query (field paths in details)', ...BAD_QUERY })
  summary(@Query() query: SummaryQuery): Promise<SummaryPageView> {
    return this.dashboards.summary(query);
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

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
import { CurrentUser } from '@libs/auth/auth.decorators';
import type { AuthUser } from '@libs/auth/auth.types';
import { DecisionResult } from '@libs/contracts/approval.contract';
import { ApiIdempotencyKey, IDEMPOTENCY_KEY_HEADER, idempotencyKey as checkedIdempotencyKey } from '@libs/http/idempotency-key';
import { IdParam } from '@libs/http/parse-id.pipe';
import { RateLimit } from '../rate-limit/rate-limit';
import { DecisionDto, DecisionResultView, TaskListQuery, TaskPageView } from './dto/decision.dto';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiOperation({ summary: 'Tugas Saya: my open tasks by due date, or the ones I decided' })
  @ApiOkResponse({ type: TaskPageView })
  inbox(@CurrentUser() user: AuthUser, @Query() query: TaskListQuery): Promise<TaskPageView> {
    return this.tasks.inbox(user, query);
  }

  @Post(':id/decision')
  @RateLimit('decisions')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Approve, reject (reason required) or return (reason required) a task' })
  @ApiIdempotencyKey('Retrying with the same key applies the decision once and returns the first result; the same key with another decision or comment is refused (422 IDEMPOTENCY_KEY_REUSED)')
  @ApiOkResponse({ type: DecisionResultView })
  @ApiForbiddenResponse({
    description:
      'The caller does not act for the task\'s post (NOT_ASSIGNEE), is the proposer (SEGREGATION_OF_DUTIES), or is not the definitive holder where the stage requires one (REQUIRES_DEFINITIVE_HOLDER)',
  })
  @ApiNotFoundResponse({ description: 'No task has this id (NOT_FOUND, TASK_NOT_FOUND)' })
  @ApiConflictResponse({ description: 'The task is decided already (ALREADY_DECIDED, naming who), no longer open (INVALID_STATE), or its approval has ended (APPROVAL_CLOSED)' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid fields (VALIDATION_FAILED), a rejection or return without a reason (REASON_REQUIRED), a return the stage does not allow (RETURN_NOT_ALLOWED)' })
  decide(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() body: DecisionDto,
    @Headers(IDEMPOTENCY_KEY_HEADER) idempotencyKey?: string,
  ): Promise<DecisionResult> {
    return this.tasks.decide(user, id, body, checkedIdempotencyKey(idempotencyKey));
  }
}

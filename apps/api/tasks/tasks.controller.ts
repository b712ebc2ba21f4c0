import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../../../libs/auth/auth.decorators';
import type { AuthUser } from '../../../libs/auth/auth.types';
import { DecisionResult } from '../../../libs/contracts/approval.contract';
import { idempotencyKey as checkedIdempotencyKey } from '../../../libs/http/idempotency-key';
import { ParseIdPipe } from '../../../libs/http/parse-id.pipe';
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
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retrying with the same key applies the decision once and returns the first result; the same key with another decision or comment is refused (422 IDEMPOTENCY_KEY_REUSED)',
  })
  @ApiOkResponse({ type: DecisionResultView })
  decide(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe()) id: string,
    @Body() body: DecisionDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<DecisionResult> {
    return this.tasks.decide(user, id, body, checkedIdempotencyKey(idempotencyKey));
  }
}

import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../../../libs/auth/auth.decorators';
import type { AuthUser } from '../../../libs/auth/auth.types';
import { DecisionResult } from '../../../libs/contracts/approval.contract';
import { unprocessable } from '../../../libs/http/domain-error';
import { DecisionDto, DecisionResultView, TaskListQuery, TaskPageView } from './dto/decision.dto';
import { TasksService } from './tasks.service';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,100}$/;

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
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Approve, reject (reason required) or return (reason required) a task' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retrying with the same key applies the decision once and returns the first result' })
  @ApiOkResponse({ type: DecisionResultView })
  decide(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: DecisionDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<DecisionResult> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw unprocessable('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1-100 characters of letters, digits, . _ : -', [
        { field: 'Idempotency-Key', messages: ['must be 1-100 characters of letters, digits, . _ : -'] },
      ]);
    }
    return this.tasks.decide(user, id, body, idempotencyKey);
  }
}

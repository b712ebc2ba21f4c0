import { Body, Controller, Headers, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentUser, Roles } from '@libs/auth/auth.decorators';
import type { AuthUser } from '@libs/auth/auth.types';
import { AdminAudit, pick } from '../audit/admin-audit.decorator';
import { ApiIdempotencyKey, IDEMPOTENCY_KEY_HEADER, idempotencyKey as checkedIdempotencyKey } from '@libs/http/idempotency-key';
import { RateLimit } from '../rate-limit/rate-limit';
import { DispositionService } from './disposition.service';
import { AssignTasksDto, AssignTasksView } from './dto/disposition.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/tasks')
export class DispositionController {
  constructor(private readonly disposition: DispositionService) {}

  @Post('reassign')
  @Roles('admin')
  @AdminAudit({
    action: 'tasks.reassign',
    targetType: 'person',
    targetId: ({ req }) => pick(req.body, 'toPersonId'),
    result: (r) => {
      const results = (pick(r, 'results') ?? []) as { outcome: string }[];
      return { moved: results.filter((x) => x.outcome === 'moved').length, skipped: results.filter((x) => x.outcome === 'skipped').length };
    },
  })
  @RateLimit('decisions')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Disposisi: move open tasks to a person of the administrator\'s choice, with a reason',
    description:
      'Each task is replaced by one for that person (same slot and due time), recorded with the administrator and the reason. ' +
      'The person decides in the capacity `disposisi` (refused by stages that require the definitive holder). The task then stays with them ' +
      'until decided or assigned again, whoever acts for the post meanwhile. Tasks already closed are skipped with a message.',
  })
  @ApiIdempotencyKey('Retrying with the same key moves the tasks once')
  @ApiOkResponse({ type: AssignTasksView })
  @ApiForbiddenResponse({ description: 'Only administrators assign tasks' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid fields (e.g. no tasks, more than 100, an unknown person)' })
  reassign(@CurrentUser() user: AuthUser, @Body() body: AssignTasksDto, @Headers(IDEMPOTENCY_KEY_HEADER) idempotencyKey?: string): Promise<AssignTasksView> {
    return this.disposition.assign(user, body, checkedIdempotencyKey(idempotencyKey));
  }
}

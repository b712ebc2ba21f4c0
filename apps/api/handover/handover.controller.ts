import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser } from '@libs/auth/auth.decorators';
import type { AuthUser } from '@libs/auth/auth.types';
import { HandoverProposalView, HandoverView } from './dto/handover.view';
import { HandoverService } from './handover.service';
import { IdParam } from '@libs/http/parse-id.pipe';

const errorExample = (statusCode: number, error: string, code: string, message: string) => ({
  schema: { example: { statusCode, error, code, message, correlationId: '9f3b2c1a-7d6e-4f5a-8b9c-0d1e2f3a4b5c' } },
});

/** What a post carries from one holder to the next (serah terima jabatan). */
@ApiTags('positions')
@ApiBearerAuth()
@ApiExtraModels(HandoverProposalView)
@Controller('positions')
export class HandoverController {
  constructor(private readonly handovers: HandoverService) {}

  @Get(':id/handover')
  @ApiOperation({
    summary: 'Handover of a post (serah terima jabatan): everything a new holder needs on day one',
    description:
      'Open tasks of the post, proposals still in progress that the post already approved, and tasks it let escalate that wait ' +
      'at another post now; every proposal named comes with its chain of custody. Each list holds at most 500 entries ' +
      '(`truncated` says when there were more). For administrators, the person acting for the post now, and anyone appointed ' +
      'to it whose appointment has not ended (including an incoming holder whose appointment starts later).',
  })
  @ApiOkResponse({ type: HandoverView })
  @ApiForbiddenResponse({
    description: 'Neither an administrator, nor acting for the post now, nor appointed to it (NOT_POST_HOLDER)',
    ...errorExample(
      403,
      'Forbidden',
      'NOT_POST_HOLDER',
      'Only administrators, the person acting for this post now and people appointed to it (now or from a later date) may see its handover.',
    ),
  })
  @ApiNotFoundResponse({
    description: 'No post has this id',
    ...errorExample(404, 'Not Found', 'NOT_FOUND', 'Position c1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8 was not found'),
  })
  handover(@CurrentUser() user: AuthUser, @IdParam('id', { description: 'The post (jabatan)' }) id: string): Promise<HandoverView> {
    return this.handovers.handover(user, id);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Roles } from '@libs/auth/auth.decorators';
import { INVALID_FIELDS, NOT_ADMIN } from '../organization/dto/org.examples';
import { AdminAuditService } from './admin-audit.service';
import { AdminAuditPageView, AdminAuditQuery } from './dto/admin-audit.dto';

/** What administrators did: the append-only admin audit log. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@ApiForbiddenResponse({ description: 'The caller is not an administrator', ...NOT_ADMIN })
@Controller('admin/audit')
export class AdminAuditController {
  constructor(private readonly audit: AdminAuditService) {}

  @Get()
  @ApiOperation({
    summary: 'The admin audit log, newest first: who did what to which object, with a summary of the request and the outcome',
    description:
      'One row per administrator mutation: changes to units, posts and people, org imports (not dry runs), appointments and their ' +
      'ends, delegations made or revoked by an administrator, Disposisi, cancellations and chain template versions. Refused ' +
      'attempts are recorded too (outcome failed, with the status and error code). Rows can be neither changed nor deleted.',
  })
  @ApiOkResponse({ type: AdminAuditPageView })
  @ApiUnprocessableEntityResponse({
    description: 'Invalid filters (field paths in details), or a start not before the end',
    ...INVALID_FIELDS('actor', 'actor must be a UUID (a person id)'),
  })
  list(@Query() query: AdminAuditQuery): Promise<AdminAuditPageView> {
    return this.audit.list(query);
  }
}

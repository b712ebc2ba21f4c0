import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '@libs/auth/auth.decorators';
import type { AuthUser } from '@libs/auth/auth.types';
import { AdminAudit, fromParam, fromResult } from '../audit/admin-audit.decorator';
import { errorExample, INVALID_FIELDS, NOT_ADMIN, PERSON_EXAMPLE } from './dto/org.examples';
import { PersonDetailView, PersonPageView } from './dto/org.views';
import { CreatePersonDto, PersonListQuery, UpdatePersonDto } from './dto/people.dto';
import { PeopleService } from './people.service';
import { IdParam } from '@libs/http/parse-id.pipe';

/** People (ASN). Emails are personal data: only administrators (and the person) see them. */
@ApiTags('organization')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @ApiOperation({ summary: 'People by name, with the posts they hold or act for now; email for administrators only' })
  @ApiOkResponse({ type: PersonPageView })
  @ApiUnprocessableEntityResponse({ description: 'Invalid query', ...INVALID_FIELDS('page', 'page must not be less than 1') })
  list(@CurrentUser() user: AuthUser, @Query() query: PersonListQuery): Promise<PersonPageView> {
    return this.people.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One person with every appointment (newest first); email for administrators and the person only' })
  @ApiOkResponse({ type: PersonDetailView })
  @ApiNotFoundResponse({ description: 'No person has this id' })
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<PersonDetailView> {
    return this.people.get(user, id);
  }

  @Post()
  @Roles('admin')
  @AdminAudit({ action: 'person.create', targetType: 'person', targetId: fromResult('id') })
  @ApiOperation({ summary: 'Register a person (roles default to proposer and approver)' })
  @ApiBody({ type: CreatePersonDto, examples: { asn: { summary: 'A civil servant', value: PERSON_EXAMPLE } } })
  @ApiCreatedResponse({ type: PersonDetailView })
  @ApiForbiddenResponse({ description: 'Only administrators maintain the organization', ...NOT_ADMIN })
  @ApiConflictResponse({
    description: 'Someone has this NIP already (ALREADY_EXISTS)',
    ...errorExample(409, 'Conflict', 'ALREADY_EXISTS', 'A person with nip 198703152010012004 already exists.', [
      { field: 'nip', messages: ['nip 198703152010012004 is already taken'] },
    ]),
  })
  @ApiUnprocessableEntityResponse({ description: 'Invalid fields, e.g. a NIP that is not 18 digits', ...INVALID_FIELDS('nip', 'nip must be exactly 18 digits (the NIP of the civil servant)') })
  create(@CurrentUser() user: AuthUser, @Body() body: CreatePersonDto): Promise<PersonDetailView> {
    return this.people.create(user, body);
  }

  @Patch(':id')
  @Roles('admin')
  @AdminAudit({ action: 'person.update', targetType: 'person', targetId: fromParam('id') })
  @ApiOperation({ summary: 'Change the name, email or roles of a person; the NIP never changes' })
  @ApiBody({ type: UpdatePersonDto, examples: { admin: { summary: 'Make an administrator', value: { roles: ['proposer', 'approver', 'admin'] } } } })
  @ApiOkResponse({ type: PersonDetailView })
  @ApiForbiddenResponse({ description: 'Only administrators maintain the organization', ...NOT_ADMIN })
  @ApiNotFoundResponse({ description: 'No person has this id' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid fields, or an attempt to change the NIP', ...INVALID_FIELDS('nip', 'nip cannot be changed: it identifies the person') })
  update(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() body: UpdatePersonDto): Promise<PersonDetailView> {
    return this.people.update(user, id, body);
  }
}

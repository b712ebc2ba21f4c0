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
import { Roles } from '@libs/auth/auth.decorators';
import { AdminAudit, fromParam, fromResult } from '../audit/admin-audit.decorator';
import { errorExample, INVALID_FIELDS, NOT_ADMIN, POSITION_EXAMPLE } from './dto/org.examples';
import { PositionDetailView, PositionPageView } from './dto/org.views';
import { CreatePositionDto, PositionListQuery, UpdatePositionDto } from './dto/positions.dto';
import { PositionsService } from './positions.service';
import { IdParam } from '@libs/http/parse-id.pipe';

const SECOND_HEAD = errorExample(409, 'Conflict', 'UNIT_HAS_HEAD', 'Unit DINKES already has a head post: KADIS-DINKES (Kepala Dinas Kesehatan). A unit has one head post.', [
  {
    field: 'isUnitHead',
    messages: ['unit DINKES already has a head post: KADIS-DINKES'],
    existingHead: { id: '8b0e4f8e-1d2c-5a3b-9f6e-7c5d4b3a2910', code: 'KADIS-DINKES', title: 'Kepala Dinas Kesehatan' },
  },
]);

/**
 * Posts (jabatan). Approval tasks are addressed to posts, so that they survive rotations; the holder
 * and acting officials shown here come from the appointments (maintained under /api/positions/:id/appointments).
 */
@ApiTags('organization')
@ApiBearerAuth()
@Controller('positions')
export class PositionsController {
  constructor(private readonly positions: PositionsService) {}

  @Get()
  @ApiOperation({ summary: 'Posts, by unit, with the definitive holder, Plt. and Plh. active now' })
  @ApiOkResponse({ type: PositionPageView })
  @ApiUnprocessableEntityResponse({ description: 'Invalid query', ...INVALID_FIELDS('pageSize', 'pageSize must not be greater than 100') })
  list(@Query() query: PositionListQuery): Promise<PositionPageView> {
    return this.positions.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One post with who acts for it now, its whole appointment history (newest first) and its subordinate posts' })
  @ApiOkResponse({ type: PositionDetailView })
  @ApiNotFoundResponse({ description: 'No post has this id' })
  get(@IdParam() id: string): Promise<PositionDetailView> {
    return this.positions.get(id);
  }

  @Post()
  @Roles('admin')
  @AdminAudit({ action: 'position.create', targetType: 'position', targetId: fromResult('id') })
  @ApiOperation({ summary: 'Create a post in a unit; unit and superior may be named by id or by code' })
  @ApiBody({ type: CreatePositionDto, examples: { 'kepala-bidang': { summary: 'The head of a bidang', value: POSITION_EXAMPLE } } })
  @ApiCreatedResponse({ type: PositionDetailView })
  @ApiForbiddenResponse({ description: 'Only administrators maintain the organization', ...NOT_ADMIN })
  @ApiConflictResponse({ description: 'The code is taken (ALREADY_EXISTS), or the unit already has a head post (UNIT_HAS_HEAD)', ...SECOND_HEAD })
  @ApiUnprocessableEntityResponse({
    description: 'Invalid fields (VALIDATION_FAILED) or an unknown unit or superior (UNKNOWN_REFERENCE); details name the field',
    ...errorExample(422, 'Unprocessable Entity', 'UNKNOWN_REFERENCE', 'no unit has the code DINKES-YANKES.', [{ field: 'unitCode', messages: ['no unit has the code DINKES-YANKES'] }]),
  })
  create(@Body() body: CreatePositionDto): Promise<PositionDetailView> {
    return this.positions.create(body);
  }

  @Patch(':id')
  @Roles('admin')
  @AdminAudit({ action: 'position.update', targetType: 'position', targetId: fromParam('id') })
  @ApiOperation({ summary: 'Change the title, level, unit, superior post or head flag of a post (the code never changes)' })
  @ApiBody({ type: UpdatePositionDto, examples: { superior: { summary: 'Answer to another post', value: { superiorCode: 'SEKDA' } } } })
  @ApiOkResponse({ type: PositionDetailView })
  @ApiForbiddenResponse({ description: 'Only administrators maintain the organization', ...NOT_ADMIN })
  @ApiNotFoundResponse({ description: 'No post has this id' })
  @ApiConflictResponse({ description: 'The unit already has another head post (UNIT_HAS_HEAD)', ...SECOND_HEAD })
  @ApiUnprocessableEntityResponse({
    description: 'Invalid fields, an unknown reference, or a superior chain that would come back to the post (ORGANIZATION_CYCLE)',
    ...errorExample(422, 'Unprocessable Entity', 'ORGANIZATION_CYCLE', 'This superior would form a cycle: SEKDA → KADIS-DINKES → SEKDA.', [
      { field: 'superiorCode', messages: ['would form a cycle: SEKDA → KADIS-DINKES → SEKDA'] },
    ]),
  })
  update(@IdParam() id: string, @Body() body: UpdatePositionDto): Promise<PositionDetailView> {
    return this.positions.update(id, body);
  }
}

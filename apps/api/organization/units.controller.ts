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
import { errorExample, INVALID_FIELDS, NOT_ADMIN, UNIT_EXAMPLE } from './dto/org.examples';
import { UnitDetailView, UnitListView } from './dto/org.views';
import { CreateUnitDto, UnitListQuery, UpdateUnitDto } from './dto/units.dto';
import { UnitsService } from './units.service';
import { IdParam } from '@libs/http/parse-id.pipe';

const UNIT_ID = '3f1c2a9e-5b7d-5e0a-9c41-2d8f6b7a1e03';

/** The unit tree (Pemda → Dinas → Bidang → Seksi): administrators maintain it, anyone signed in reads it. */
@ApiTags('organization')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOperation({ summary: 'Every unit as a flat list in tree order, with parent code and depth' })
  @ApiOkResponse({ type: UnitListView })
  @ApiUnprocessableEntityResponse({ description: 'Invalid query', ...INVALID_FIELDS('parentId', 'parentId must be a UUID') })
  list(@Query() query: UnitListQuery): Promise<UnitListView> {
    return this.units.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One unit with its direct children and its posts (with who holds them now)' })
  @ApiOkResponse({ type: UnitDetailView })
  @ApiNotFoundResponse({ description: 'No unit has this id', ...errorExample(404, 'Not Found', 'NOT_FOUND', `Unit ${UNIT_ID} was not found`) })
  get(@IdParam() id: string): Promise<UnitDetailView> {
    return this.units.get(id);
  }

  @Post()
  @Roles('admin')
  @AdminAudit({ action: 'unit.create', targetType: 'unit', targetId: fromResult('id') })
  @ApiOperation({ summary: 'Create a unit; the parent may be named by id or by code (neither: a root)' })
  @ApiBody({ type: CreateUnitDto, examples: { bidang: { summary: 'A bidang under Dinas Kesehatan', value: UNIT_EXAMPLE } } })
  @ApiCreatedResponse({ type: UnitDetailView })
  @ApiForbiddenResponse({ description: 'Only administrators maintain the organization', ...NOT_ADMIN })
  @ApiConflictResponse({
    description: 'The code is taken (ALREADY_EXISTS)',
    ...errorExample(409, 'Conflict', 'ALREADY_EXISTS', 'A unit with code DINKES-YANKES already exists.', [{ field: 'code', messages: ['code DINKES-YANKES is already taken'] }]),
  })
  @ApiUnprocessableEntityResponse({
    description: 'Invalid fields (VALIDATION_FAILED) or an unknown parent (UNKNOWN_REFERENCE); details name the field',
    ...errorExample(422, 'Unprocessable Entity', 'UNKNOWN_REFERENCE', 'no unit has the code DINKES.', [{ field: 'parentCode', messages: ['no unit has the code DINKES'] }]),
  })
  create(@Body() body: CreateUnitDto): Promise<UnitDetailView> {
    return this.units.create(body);
  }

  @Patch(':id')
  @Roles('admin')
  @AdminAudit({ action: 'unit.update', targetType: 'unit', targetId: fromParam('id') })
  @ApiOperation({ summary: 'Rename a unit, change its kind or move it in the tree (parentId/parentCode null: make it a root)' })
  @ApiBody({ type: UpdateUnitDto, examples: { move: { summary: 'Move under another unit', value: { parentCode: 'DINKES' } } } })
  @ApiOkResponse({ type: UnitDetailView })
  @ApiForbiddenResponse({ description: 'Only administrators maintain the organization', ...NOT_ADMIN })
  @ApiNotFoundResponse({ description: 'No unit has this id' })
  @ApiUnprocessableEntityResponse({
    description: 'Invalid fields, an unknown parent, or a move that would put the unit under itself (ORGANIZATION_CYCLE)',
    ...errorExample(422, 'Unprocessable Entity', 'ORGANIZATION_CYCLE', 'This parent would form a cycle: DINKES → DINKES-YANKES → DINKES.', [
      { field: 'parentCode', messages: ['would form a cycle: DINKES → DINKES-YANKES → DINKES'] },
    ]),
  })
  update(@IdParam() id: string, @Body() body: UpdateUnitDto): Promise<UnitDetailView> {
    return this.units.update(id, body);
  }
}

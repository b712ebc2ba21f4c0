import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { VersionParam } from '@libs/http/parse-id.pipe';
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
import { AdminAudit, fromBody, fromParam, pick } from '../audit/admin-audit.decorator';
import { CreateTemplateDto, CreateVersionDto } from './dto/create-template.dto';
import { INOVASI_PELAYANAN_PUBLIK_EXAMPLE } from './dto/template.examples';
import { CategoryChangeView, TemplateListView, TemplateView } from './dto/template.views';
import { TemplatesService } from './templates.service';

const INVALID = 'Invalid fields (VALIDATION_FAILED) or an invalid chain (INVALID_CHAIN, e.g. an unknown post); details name each field, e.g. stages[1].mode';
const { code: _code, ...VERSION_EXAMPLE } = INOVASI_PELAYANAN_PUBLIK_EXAMPLE;
/** The version written, and any categories it took over (each from which template and version). */
const templateVersion = (r: unknown) => {
  const changes = pick(r, 'categoryChanges');
  const takenOver = Array.isArray(changes) ? (changes as CategoryChangeView[]).filter((c) => c.kind === 'taken-over') : [];
  return {
    templateId: pick(r, 'id'),
    version: pick(r, 'version'),
    ...(takenOver.length ? { categoriesTakenOver: takenOver.map(({ category, templateCode, templateVersion }) => ({ category, from: templateCode, fromVersion: templateVersion })) } : {}),
  };
};
const CATEGORY_CLAIMED =
  'CATEGORY_CLAIMED: a category is claimed by the current version of another template (the message and details.categories name it); ' +
  'send takeOverCategories: true to take it over';

/** Administrators define chains; anyone signed in may read them (a proposer may want to know who decides). */
@ApiTags('templates')
@ApiBearerAuth()
@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @ApiOperation({ summary: 'The latest version of every chain template, with its version numbers and use counts' })
  @ApiOkResponse({ type: TemplateListView })
  list(): Promise<TemplateListView> {
    return this.templates.list();
  }

  @Post()
  @Roles('admin')
  @AdminAudit({ action: 'template.create', targetType: 'template', targetId: fromBody('code'), result: templateVersion })
  @ApiOperation({ summary: 'Create a chain template (version 1); posts may be named by id or by code' })
  @ApiBody({ type: CreateTemplateDto, examples: { 'inovasi-pelayanan-publik': { summary: 'Five stages up to the Wali Kota', value: INOVASI_PELAYANAN_PUBLIK_EXAMPLE } } })
  @ApiCreatedResponse({ type: TemplateView })
  @ApiForbiddenResponse({ description: 'Only administrators define chains' })
  @ApiConflictResponse({ description: `A template with this code exists (TEMPLATE_EXISTS): add a version instead. ${CATEGORY_CLAIMED}. VERSION_CONFLICT: the template a category is taken from was being changed at the same moment: retry` })
  @ApiUnprocessableEntityResponse({ description: INVALID })
  create(@Body() body: CreateTemplateDto): Promise<TemplateView> {
    return this.templates.create(body);
  }

  @Get(':code')
  @ApiOperation({ summary: 'The latest version of a chain template' })
  @ApiOkResponse({ type: TemplateView })
  @ApiNotFoundResponse({ description: 'No template has this code' })
  latest(@Param('code') code: string): Promise<TemplateView> {
    return this.templates.latest(code);
  }

  @Post(':code/versions')
  @Roles('admin')
  @AdminAudit({ action: 'template.version.create', targetType: 'template', targetId: fromParam('code'), result: templateVersion })
  @ApiOperation({ summary: 'Save a changed chain as the next version; earlier versions (and approvals using them) never change' })
  @ApiBody({ type: CreateVersionDto, examples: { 'inovasi-pelayanan-publik': { summary: 'The same five stages', value: VERSION_EXAMPLE } } })
  @ApiCreatedResponse({ type: TemplateView })
  @ApiForbiddenResponse({ description: 'Only administrators define chains' })
  @ApiNotFoundResponse({ description: 'No template has this code' })
  @ApiConflictResponse({ description: `Too many versions of this code (or of a template a category is taken from) were being created at the same moment (VERSION_CONFLICT): retry. ${CATEGORY_CLAIMED}` })
  @ApiUnprocessableEntityResponse({ description: INVALID })
  addVersion(@Param('code') code: string, @Body() body: CreateVersionDto): Promise<TemplateView> {
    return this.templates.addVersion(code, body);
  }

  @Get(':code/versions/:version')
  @ApiOperation({ summary: 'One version of a chain template, with the number of proposals using it' })
  @ApiOkResponse({ type: TemplateView })
  @ApiNotFoundResponse({ description: 'No such template or version' })
  version(@Param('code') code: string, @VersionParam() version: number): Promise<TemplateView> {
    return this.templates.version(code, version);
  }
}

import { Body, Controller, HttpCode, HttpStatus, Post, Query, Req, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FileFieldsInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Roles } from '@libs/auth/auth.decorators';
import { AdminAudit, type AuditInput, pick } from '../../audit/admin-audit.decorator';
import { DomainError } from '@libs/http/domain-error';
import { ApiOrgImport } from './import-docs';
import { ImportQuery } from './import-query.dto';
import { IMPORT_ENTITIES, ImportReportView, MAX_CSV_BYTES } from './import-report';
import { csvSource, type ImportSource, jsonSource, type UploadedCsv } from './import-source';
import { OrgImportService } from './org-import.service';
import { UploadErrorsInterceptor } from './upload-errors.interceptor';

/** What the audit log keeps of an import: its form and size, not its rows (the organization itself records them). */
function importRequest({ req }: AuditInput): Record<string, unknown> {
  const query = req.query;
  if (req.is('multipart/form-data')) {
    const files = ((req as { files?: unknown }).files ?? {}) as Record<string, { size?: number }[] | undefined>;
    const fields = (req.body ?? {}) as Record<string, unknown>;
    const sizes = Object.fromEntries(
      IMPORT_ENTITIES.flatMap((entity) => {
        const file = files[entity]?.[0];
        const field = fields[entity];
        if (file) return [[entity, { bytes: file.size ?? 0 }]];
        return typeof field === 'string' ? [[entity, { bytes: Buffer.byteLength(field) }]] : [];
      }),
    );
    return { query, format: 'csv', files: sizes };
  }
  const body = req.body as Record<string, unknown> | undefined;
  const rows = Object.fromEntries(IMPORT_ENTITIES.flatMap((entity) => (Array.isArray(body?.[entity]) ? [[entity, (body[entity] as unknown[]).length]] : [])));
  return { query, format: req.is('application/json') ? 'json' : (req.headers['content-type'] ?? 'none'), rows };
}

/** The import as the request carries it: CSV files of a multipart form, or a JSON body. */
function sourceOf(req: Request, body: unknown, files: Record<string, UploadedCsv[] | undefined> | undefined): ImportSource {
  const source = req.is('multipart/form-data') ? csvSource(files, body) : req.is('application/json') ? jsonSource(body) : null;
  if (!source) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the import as application/json or as multipart/form-data with CSV files.', HttpStatus.UNSUPPORTED_MEDIA_TYPE);
  }
  return source;
}

/** One file per entity, each at most MAX_CSV_BYTES; the same bound for a CSV sent as a plain form field. */
const UPLOAD_LIMITS = {
  fileSize: MAX_CSV_BYTES,
  fieldSize: MAX_CSV_BYTES,
  files: IMPORT_ENTITIES.length,
  fields: IMPORT_ENTITIES.length,
  parts: 2 * IMPORT_ENTITIES.length,
};

/** Bulk import of the organization (units, posts, people), from JSON or from CSV files. */
@ApiTags('organization')
@ApiBearerAuth()
@Controller('org')
export class OrgImportController {
  constructor(private readonly imports: OrgImportService) {}

  @Post('import')
  @Roles('admin')
  @AdminAudit({
    action: 'org.import',
    targetType: 'organization',
    when: ({ req }) => req.query.dryRun !== 'true',
    request: importRequest,
    result: (r) => ({ counts: pick(r, 'counts') }),
  })
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(
    UploadErrorsInterceptor,
    FileFieldsInterceptor(
      IMPORT_ENTITIES.map((name) => ({ name, maxCount: 1 })),
      { limits: UPLOAD_LIMITS },
    ),
  )
  @ApiOrgImport()
  run(
    @Req() req: Request,
    @Query() query: ImportQuery,
    @Body() body: unknown,
    @UploadedFiles() files?: Record<string, UploadedCsv[] | undefined>,
  ): Promise<ImportReportView> {
    return this.imports.run(sourceOf(req, body, files), query.dryRun ?? false);
  }
}

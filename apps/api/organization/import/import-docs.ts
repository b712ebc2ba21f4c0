import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  errorExample,
  NOT_ADMIN,
  ORG_IMPORT_EXAMPLE,
  PEOPLE_CSV_EXAMPLE,
  POSITIONS_CSV_EXAMPLE,
  UNITS_CSV_EXAMPLE,
} from '../dto/org.examples';
import { IMPORT_ENTITIES, ImportReportView, MAX_CSV_BYTES, MAX_IMPORT_ROWS } from './import-report';
import { IMPORT_FIELDS, OrgImportJsonDto } from './import-rows';

const MB = MAX_CSV_BYTES / (1024 * 1024);

const csvColumns = (entity: (typeof IMPORT_ENTITIES)[number]) => IMPORT_FIELDS[entity].join(', ');

/** What POST /api/org/import does, as the OpenAPI document describes it. */
const DESCRIPTION = [
  'Rows are upserted by their natural key (unit code, post code, NIP): a new key is created, an existing one updated',
  'where a field differs, and left alone when identical. References are by code (parentCode, unitCode, superiorCode)',
  'and may name rows of the same import, in any order, or rows already in the database. An empty parentCode or',
  'superiorCode means none and an empty isUnitHead means false; roles left out keep a person\'s roles (new people',
  'get proposer and approver).',
  '',
  'Everything is checked before anything is written: each field, duplicate keys in the import, unknown references,',
  'cycles in the unit tree or in the chain of superiors, and a second head post for a unit. With any problem nothing',
  'is written and the answer is 422 IMPORT_INVALID with the report in `details`, each problem naming its entity, row',
  '(and for CSV its line; the header is line 1), key, field and value. With `dryRun=true` a valid import is only',
  'reported. Otherwise all rows are written in one transaction.',
  '',
  `Limits: ${MAX_IMPORT_ROWS} rows of each kind; CSV files up to ${MB} MB; a JSON body up to the server's BODY_LIMIT`,
  '(100kb by default: send large imports as CSV).',
  '',
  `CSV: a header row naming the columns (units: ${csvColumns('units')}; positions: ${csvColumns('positions')};`,
  `people: ${csvColumns('people')}), in UTF-8 (a byte order mark is fine), separated by commas or semicolons; values`,
  'containing the separator in double quotes; roles separated by ; or |; isUnitHead true/false (or ya/tidak).',
].join('\n');

/** The two bodies the import takes: JSON rows, or one CSV file per entity. */
const REQUEST_BODY = {
  required: true,
  content: {
    'application/json': {
      schema: { $ref: getSchemaPath(OrgImportJsonDto) },
      examples: { 'dinas-baru': { summary: 'A new Dinas with a bidang, a seksi, their heads and two people', value: ORG_IMPORT_EXAMPLE } },
    },
    'multipart/form-data': {
      schema: {
        type: 'object',
        properties: Object.fromEntries(
          IMPORT_ENTITIES.map((entity) => [entity, { type: 'string', format: 'binary', description: `CSV with the columns ${csvColumns(entity)}` }]),
        ),
      },
      encoding: Object.fromEntries(IMPORT_ENTITIES.map((entity) => [entity, { contentType: 'text/csv' }])),
      examples: {
        csv: {
          summary: 'The contents of the three files',
          value: { units: UNITS_CSV_EXAMPLE, positions: POSITIONS_CSV_EXAMPLE, people: PEOPLE_CSV_EXAMPLE },
        },
      },
    },
  },
};

const INVALID_EXAMPLE = errorExample(422, 'Unprocessable Entity', 'IMPORT_INVALID', 'The import has 1 problem; nothing was written. The first: positions row 2 (line 3), superiorCode: no position has the code KADIS-KOMINF (neither in this import nor in the database).', {
  dryRun: false,
  valid: false,
  counts: { units: { create: 2, update: 0, unchanged: 0 }, positions: { create: 0, update: 0, unchanged: 0 }, people: { create: 0, update: 0, unchanged: 0 } },
  errors: [
    { entity: 'positions', row: 2, line: 3, key: 'KABID-APTIKA', field: 'superiorCode', value: 'KADIS-KOMINF', message: 'no position has the code KADIS-KOMINF (neither in this import nor in the database)' },
  ],
  errorCount: 1,
});

/** The OpenAPI description of POST /api/org/import: its bodies and every answer. */
export const ApiOrgImport = () =>
  applyDecorators(
    ApiExtraModels(OrgImportJsonDto),
    ApiOperation({
      summary: 'Import units, posts and people in bulk (JSON or CSV files); all rows or none',
      description: DESCRIPTION,
      requestBody: REQUEST_BODY,
    }),
    ApiOkResponse({ type: ImportReportView, description: 'The import is valid: written (dryRun=false) or only checked (dryRun=true)' }),
    ApiForbiddenResponse({ description: 'Only administrators maintain the organization', ...NOT_ADMIN }),
    ApiUnprocessableEntityResponse({
      description: 'IMPORT_INVALID: nothing was written; `details` is the report with every problem. Also VALIDATION_FAILED for a body of the wrong shape, IMPORT_EMPTY for an empty one.',
      ...INVALID_EXAMPLE,
    }),
    ApiPayloadTooLargeResponse({
      description: `More than ${MAX_IMPORT_ROWS} rows of one kind (IMPORT_TOO_LARGE), a CSV file over ${MB} MB (FILE_TOO_LARGE), or a JSON body over BODY_LIMIT`,
    }),
    ApiUnsupportedMediaTypeResponse({ description: 'Neither application/json nor multipart/form-data' }),
  );

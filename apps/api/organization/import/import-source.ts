import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@libs/http/domain-error';
import type { FieldError } from '@libs/http/validation';
import { csvRows } from './csv-rows';
import { IMPORT_ENTITIES, type ImportEntity, type ImportError, MAX_IMPORT_ROWS, type SourceRow } from './import-report';

/*
 * The two forms of an import (a JSON body, or CSV files in a multipart form) turned into the same
 * rows. What is wrong with the request as a whole is refused here; what is wrong with a row goes
 * into the report.
 */

export interface ImportSource {
  rows: { [E in ImportEntity]?: SourceRow[] };
  /** Problems of the files themselves (encoding, header, broken quotes). */
  errors: ImportError[];
}

const invalid = (details: FieldError[]) => new DomainError('VALIDATION_FAILED', 'The request has invalid fields.', HttpStatus.UNPROCESSABLE_ENTITY, details);
const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const PARTS = IMPORT_ENTITIES.join(', ');

/** `{ units?, positions?, people? }`, each a list of rows. */
export function jsonSource(body: unknown): ImportSource {
  if (!isPlainObject(body)) throw invalid([{ field: '', messages: [`the body must be a JSON object with ${PARTS}`] }]);
  const problems: FieldError[] = [];
  const rows: ImportSource['rows'] = {};
  for (const key of Object.keys(body)) {
    if (!(IMPORT_ENTITIES as readonly string[]).includes(key)) problems.push({ field: key, messages: [`${key} is not part of an import; send ${PARTS}`] });
  }
  for (const entity of IMPORT_ENTITIES) {
    const list = body[entity];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) problems.push({ field: entity, messages: [`${entity} must be an array of rows`] });
    else rows[entity] = list.map((values: unknown, i) => ({ row: i + 1, values: values as Record<string, unknown> }));
  }
  if (problems.length > 0) throw invalid(problems);
  return { rows, errors: [] };
}

export interface UploadedCsv {
  buffer: Buffer;
}

/**
 * CSV files in the form fields units, positions and people. The CSV text may also come as a plain
 * form field (curl -F 'units=<units.csv' sends it so), which reads the same.
 */
export function csvSource(files: Record<string, UploadedCsv[] | undefined> | undefined, fields: unknown): ImportSource {
  const problems: FieldError[] = [];
  const data = new Map<ImportEntity, Buffer>();
  for (const entity of IMPORT_ENTITIES) {
    const file = files?.[entity]?.[0];
    if (file) data.set(entity, file.buffer);
  }
  for (const [field, value] of Object.entries(isPlainObject(fields) ? fields : {})) {
    const entity = IMPORT_ENTITIES.find((e) => e === field);
    if (!entity || typeof value !== 'string') {
      problems.push({ field, messages: [`${field} is not a field of an import; send CSV files in the fields ${PARTS} (dryRun goes in the query string)`] });
    } else if (data.has(entity)) {
      problems.push({ field, messages: [`${field} was sent twice; send one CSV file for it`] });
    } else {
      data.set(entity, Buffer.from(value, 'utf8'));
    }
  }
  if (problems.length > 0) throw invalid(problems);
  const source: ImportSource = { rows: {}, errors: [] };
  for (const [entity, buffer] of data) {
    const { rows, errors } = csvRows(entity, buffer);
    source.rows[entity] = rows;
    source.errors.push(...errors);
  }
  return source;
}

/** Refuses an import that sends nothing, or more rows than one import takes. */
export function checkSize(source: ImportSource): void {
  if (IMPORT_ENTITIES.every((e) => source.rows[e] === undefined) && source.errors.length === 0) {
    throw new DomainError('IMPORT_EMPTY', `The import is empty: send ${PARTS} (as JSON arrays or CSV files).`, HttpStatus.UNPROCESSABLE_ENTITY, [
      { field: '', messages: [`send at least one of ${PARTS}`] },
    ]);
  }
  const tooLarge = IMPORT_ENTITIES.filter((e) => (source.rows[e]?.length ?? 0) > MAX_IMPORT_ROWS);
  if (tooLarge.length > 0) {
    const details = tooLarge.map((e) => ({ field: e, messages: [`has ${source.rows[e]!.length} rows; an import takes at most ${MAX_IMPORT_ROWS} rows of each kind`] }));
    throw new DomainError(
      'IMPORT_TOO_LARGE',
      `An import takes at most ${MAX_IMPORT_ROWS} rows of each kind (${tooLarge.map((e) => `${e}: ${source.rows[e]!.length}`).join(', ')}); split it into several imports.`,
      HttpStatus.PAYLOAD_TOO_LARGE,
      details,
    );
  }
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiNullable } from '@libs/http/api-nullable';

/*
 * What a bulk import of the organization answers: what it would do (or did) per entity, and every
 * problem found, each pointing at the row (and, for CSV, the line) that caused it.
 */

export const IMPORT_ENTITIES = ['units', 'positions', 'people'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

/** At most this many rows per entity in one import; larger organizations import in parts. */
export const MAX_IMPORT_ROWS = 5000;
/** At most this many bytes per CSV file. */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;
/** The report lists at most this many problems (errorCount says how many there were). */
export const MAX_REPORTED_ERRORS = 1000;

/** Where a row came from: its 1-based position among the data rows, and for CSV its line in the file (the header is line 1). */
export interface RowAt {
  row: number;
  line?: number;
}

/** One row as the client sent it, not yet checked. */
export interface SourceRow extends RowAt {
  values: Record<string, unknown>;
}

export class ImportErrorView {
  @ApiProperty({ enum: IMPORT_ENTITIES, example: 'positions' }) entity: ImportEntity;
  @ApiNullable('integer', { example: 3, description: '1-based data row; null for a problem of the whole file (e.g. its header)' })
  row: number | null;
  @ApiPropertyOptional({ example: 4, description: 'CSV only: the line in the file (the header is line 1)' }) line?: number;
  @ApiNullable('string', { example: 'KABID-APTIKA', description: 'The code or NIP of the row, when it has one' }) key: string | null;
  @ApiNullable('string', { example: 'superiorCode', description: 'The field (or CSV column) at fault' }) field: string | null;
  @ApiProperty({
    nullable: true,
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: {} }, { type: 'object', additionalProperties: true }],
    example: 'KADIS-KOMINF',
    description: 'The value at fault, as sent (any JSON value; a long one cut to 200 characters); null when there is none',
  })
  value: unknown;
  @ApiProperty({ example: 'no position has the code KADIS-KOMINF (neither in this import nor in the database)' }) message: string;
}

export type ImportError = ImportErrorView;

export class ImportEntityCountsView {
  @ApiProperty({ example: 3, description: 'New rows' }) create: number;
  @ApiProperty({ example: 1, description: 'Existing rows (same code or NIP) with changed fields' }) update: number;
  @ApiProperty({ example: 0, description: 'Existing rows that the import leaves as they are' }) unchanged: number;
}

export class ImportCountsView {
  @ApiProperty({ type: ImportEntityCountsView }) units: ImportEntityCountsView;
  @ApiProperty({ type: ImportEntityCountsView }) positions: ImportEntityCountsView;
  @ApiProperty({ type: ImportEntityCountsView }) people: ImportEntityCountsView;
}

export class ImportReportView {
  @ApiProperty({ example: false, description: 'true: checked only, nothing written' }) dryRun: boolean;
  @ApiProperty({ example: true, description: 'No problems: the import was (or would be) written' }) valid: boolean;
  @ApiProperty({ type: ImportCountsView, description: 'What the import does (with problems: for the rows without one)' }) counts: ImportCountsView;
  @ApiProperty({ type: [ImportErrorView], description: `Every problem, in file order (at most ${MAX_REPORTED_ERRORS})` }) errors: ImportErrorView[];
  @ApiProperty({ example: 0, description: 'How many problems were found in all' }) errorCount: number;
}

export type ImportReport = ImportReportView;
export type ImportCounts = ImportCountsView;

export const emptyCounts = (): ImportCounts => ({
  units: { create: 0, update: 0, unchanged: 0 },
  positions: { create: 0, update: 0, unchanged: 0 },
  people: { create: 0, update: 0, unchanged: 0 },
});

/** Values in the report are kept short: a cell of a five-megabyte file is not echoed back whole. */
export function reportedValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 200)}…` : value;
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : value;
}

const ENTITY_ORDER = new Map(IMPORT_ENTITIES.map((e, i) => [e, i]));

/** File order: units, then posts, then people; within each by row, problems of the whole file first. */
export function sortErrors(errors: ImportError[]): ImportError[] {
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => ENTITY_ORDER.get(a.e.entity)! - ENTITY_ORDER.get(b.e.entity)! || (a.e.row ?? 0) - (b.e.row ?? 0) || a.i - b.i)
    .map(({ e }) => e);
}

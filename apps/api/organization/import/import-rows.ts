import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, validateSync, ValidationError } from 'class-validator';
import { ROLES, type Role } from '@libs/domain/proposal';
import { DEFAULT_PERSON_ROLES, POSITION_LEVELS, UNIT_KINDS } from '../org-rules';
import { IsNip, IsOrgCode, IsOrgName, IsPersonEmail, IsPositionLevel, IsRoleList, IsUnitKind } from '../dto/org-fields';
import { type ImportEntity, type ImportError, reportedValue, type RowAt, type SourceRow } from './import-report';
import { ApiNullable } from '@libs/http/api-nullable';

/*
 * The rows of an import, checked field by field with the same rules as the create endpoints. All
 * references are by code, so that a file can describe a whole organization before any row has an id.
 */

export class ImportUnitRow {
  @ApiProperty({ example: 'DISKOMINFO-APTIKA', maxLength: 64 })
  @IsOrgCode()
  code: string;

  @ApiProperty({ example: 'Bidang Aplikasi Informatika', maxLength: 200 })
  @IsOrgName()
  name: string;

  @ApiProperty({ enum: UNIT_KINDS, example: 'bidang' })
  @IsUnitKind()
  kind: string;

  @ApiNullable('string', { example: 'DISKOMINFO', description: 'A unit of this import or of the database; empty: a root', required: false })
  @IsOptional()
  @IsOrgCode()
  parentCode?: string | null;
}

export class ImportPositionRow {
  @ApiProperty({ example: 'KABID-APTIKA', maxLength: 64 })
  @IsOrgCode()
  code: string;

  @ApiProperty({ example: 'Kepala Bidang Aplikasi Informatika', maxLength: 200 })
  @IsOrgName()
  title: string;

  @ApiProperty({ example: 'DISKOMINFO-APTIKA', description: 'A unit of this import or of the database' })
  @IsOrgCode()
  unitCode: string;

  @ApiProperty({ enum: POSITION_LEVELS, example: 'administrator' })
  @IsPositionLevel()
  level: string;

  @ApiNullable('string', { example: 'KADIS-KOMINFO', description: 'A post of this import or of the database; empty: none', required: false })
  @IsOptional()
  @IsOrgCode()
  superiorCode?: string | null;

  @ApiNullable('boolean', { default: false, example: true, description: 'Empty: false', required: false })
  @IsOptional()
  @IsBoolean({ message: '$property must be true or false' })
  isUnitHead?: boolean | null;
}

export class ImportPersonRow {
  @ApiProperty({ example: '198204112006041003', pattern: '^\\d{18}$' })
  @IsNip()
  nip: string;

  @ApiProperty({ example: 'Bambang Sutrisno', maxLength: 200 })
  @IsOrgName()
  name: string;

  @ApiProperty({ example: 'bambang.sutrisno@sukamajukota.go.id' })
  @IsPersonEmail()
  email: string;

  @ApiPropertyOptional({
    enum: ROLES,
    isArray: true,
    nullable: true,
    example: ['proposer', 'approver'],
    description: `New people: default ${DEFAULT_PERSON_ROLES.join(', ')}; existing people: left as they are when not given. In CSV: separated by ; or |`,
  })
  @IsOptional()
  @IsRoleList()
  roles?: Role[] | null;
}

/** The JSON form of an import (documentation; the rows are checked one by one, see `checkRows`). */
export class OrgImportJsonDto {
  @ApiPropertyOptional({ type: [ImportUnitRow], maxItems: 5000 }) units?: ImportUnitRow[];
  @ApiPropertyOptional({ type: [ImportPositionRow], maxItems: 5000 }) positions?: ImportPositionRow[];
  @ApiPropertyOptional({ type: [ImportPersonRow], maxItems: 5000 }) people?: ImportPersonRow[];
}

export interface RowTypes {
  units: ImportUnitRow;
  positions: ImportPositionRow;
  people: ImportPersonRow;
}

const ROW_CLASSES: { [E in ImportEntity]: new () => RowTypes[E] } = {
  units: ImportUnitRow,
  positions: ImportPositionRow,
  people: ImportPersonRow,
};

/** The fields of each entity, in the order a report lists their problems (and a CSV header names them). */
export const IMPORT_FIELDS: { [E in ImportEntity]: readonly (keyof RowTypes[E] & string)[] } = {
  units: ['code', 'name', 'kind', 'parentCode'],
  positions: ['code', 'title', 'unitCode', 'level', 'superiorCode', 'isUnitHead'],
  people: ['nip', 'name', 'email', 'roles'],
};

export const REQUIRED_FIELDS: { [E in ImportEntity]: readonly string[] } = {
  units: ['code', 'name', 'kind'],
  positions: ['code', 'title', 'unitCode', 'level'],
  people: ['nip', 'name', 'email'],
};

/** The natural key of each entity: rows are matched with the database by it. */
export const KEY_FIELD: { [E in ImportEntity]: 'code' | 'nip' } = { units: 'code', positions: 'code', people: 'nip' };

/** A row after its own fields were checked. */
export interface CheckedRow<T> {
  at: RowAt;
  /** The code or NIP, when that field itself is valid (a row with other problems still has one). */
  key: string | null;
  /** The row, when every field is valid. */
  value: T | null;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const hasNul = (v: unknown): boolean => (typeof v === 'string' ? v.includes('\u0000') : Array.isArray(v) && v.some(hasNul));

/** The error of a row of an import, with the row's key for the reader to find it. */
export function rowError(entity: ImportEntity, at: RowAt, key: unknown, field: string | null, value: unknown, message: string): ImportError {
  return {
    entity,
    row: at.row,
    ...(at.line !== undefined ? { line: at.line } : {}),
    key: typeof key === 'string' && key !== '' ? (reportedValue(key) as string) : null,
    field,
    value: reportedValue(value),
    message,
  };
}

/**
 * Checks each row's own fields: required, types, lengths, enums, NIP, email, unknown fields. Rows that
 * pass come back typed; every problem is one error per field, all messages of that field together.
 */
export function checkRows<E extends ImportEntity>(entity: E, rows: SourceRow[]): { checked: CheckedRow<RowTypes[E]>[]; errors: ImportError[] } {
  const fields = IMPORT_FIELDS[entity] as readonly string[];
  const keyField = KEY_FIELD[entity];
  const errors: ImportError[] = [];
  const checked = rows.map((source): CheckedRow<RowTypes[E]> => {
    const at: RowAt = { row: source.row, ...(source.line !== undefined ? { line: source.line } : {}) };
    if (!isPlainObject(source.values)) {
      errors.push(rowError(entity, at, null, null, source.values, `each row of ${entity} must be an object with the fields ${fields.join(', ')}`));
      return { at, key: null, value: null };
    }
    const values = source.values;
    const problems = new Map<string, string[]>();
    const add = (field: string, message: string) => problems.set(field, [...(problems.get(field) ?? []), message]);

    for (const field of REQUIRED_FIELDS[entity]) if (isBlank(values[field])) add(field, `${field} is required`);
    for (const [field, value] of Object.entries(values)) {
      if (!fields.includes(field)) add(field, `${field} is not a field of ${entity}; the fields are ${fields.join(', ')}`);
      else if (hasNul(value)) add(field, `${field} must not contain the NUL character (U+0000)`);
    }
    // A plain copy onto the class, without class-transformer: a row is flat, and nothing nested in an
    // unknown field is ever walked.
    const instance = Object.assign(new ROW_CLASSES[entity](), pick(values, fields));
    for (const e of validateSync(instance, { validationError: { target: false, value: false }, forbidUnknownValues: false }) as ValidationError[]) {
      if (problems.has(e.property)) continue; // "is required" says it all
      for (const message of Object.values(e.constraints ?? {})) add(e.property, message);
    }

    const orderOf = (field: string) => (fields.includes(field) ? fields.indexOf(field) : fields.length);
    for (const [field, messages] of [...problems].sort(([a], [b]) => orderOf(a) - orderOf(b))) {
      errors.push(rowError(entity, at, values[keyField], field, values[field], messages.join('; ')));
    }
    const key = !problems.has(keyField) && typeof values[keyField] === 'string' ? (values[keyField] as string) : null;
    return { at, key, value: problems.size === 0 ? (instance as RowTypes[E]) : null };
  });
  return { checked, errors };
}

/** Only the known fields, with null and blank optional values dropped (they mean "none"). */
function pick(values: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field];
    if (!isBlank(value)) out[field] = value;
  }
  return out;
}

import type { Role } from '@libs/domain/proposal';
import { cyclesIn, DEFAULT_PERSON_ROLES, describeCycle, normalizedRoles, sameRoles } from '../org-rules';
import { emptyCounts, type ImportCounts, type ImportEntity, type ImportError, type RowAt, sortErrors } from './import-report';
import { type CheckedRow, type ImportPersonRow, type ImportPositionRow, type ImportUnitRow, rowError } from './import-rows';

/*
 * The plan of an import: given the checked rows and the organization as the database holds it, what
 * is wrong across rows (duplicate keys, unknown references, cycles, two heads for one unit) and which
 * rows are created, updated or left as they are. Pure: the service reads the database, calls this,
 * and writes the plan in one transaction.
 */

export interface UnitRecord {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
}

export interface PositionRecord {
  id: string;
  code: string;
  title: string;
  unitId: string;
  level: string;
  superiorPositionId: string | null;
  isUnitHead: boolean;
}

export interface PersonRecord {
  id: string;
  nip: string;
  name: string;
  email: string;
  roles: Role[];
}

/** The organization as stored: every unit and post (the rules span the whole tree), the people the import names. */
export interface ExistingOrg {
  units: UnitRecord[];
  positions: PositionRecord[];
  people: PersonRecord[];
}

export interface CheckedImport {
  units: CheckedRow<ImportUnitRow>[];
  positions: CheckedRow<ImportPositionRow>[];
  people: CheckedRow<ImportPersonRow>[];
}

export interface Writes<T> {
  create: T[];
  update: T[];
}

export interface ImportPlan {
  errors: ImportError[];
  counts: ImportCounts;
  units: Writes<UnitRecord>;
  positions: Writes<PositionRecord>;
  people: Writes<PersonRecord>;
}

/** "row 3" or "row 3, line 4": where else a key or a head post appears. */
const where = (at: RowAt) => (at.line !== undefined ? `row ${at.row} (line ${at.line})` : `row ${at.row}`);

/** Rows of one entity that passed their own checks, with the first row of each key; later rows with the same key are errors. */
function firstOfEachKey<T>(entity: ImportEntity, keyField: string, rows: CheckedRow<T>[], errors: ImportError[]) {
  const first = new Map<string, CheckedRow<T>>();
  for (const r of rows) {
    if (r.key === null) continue;
    const earlier = first.get(r.key);
    if (earlier) {
      errors.push(rowError(entity, r.at, r.key, keyField, r.key, `duplicate ${keyField} ${r.key}: it is also in ${where(earlier.at)}`));
      continue;
    }
    first.set(r.key, r);
  }
  return first;
}

/** A code the import refers to that neither it nor the database has; with a hint when only the case differs. */
function unknownCode(what: string, code: string, known: Iterable<string>): string {
  const lower = code.toLowerCase();
  let hint = '';
  for (const k of known) {
    if (k.toLowerCase() === lower) {
      hint = ` (did you mean ${k}? codes are case-sensitive)`;
      break;
    }
  }
  return `no ${what} has the code ${code} (neither in this import nor in the database)${hint}`;
}

export function planImport(rows: CheckedImport, existing: ExistingOrg, newId: () => string): ImportPlan {
  const errors: ImportError[] = [];
  const failed = new Set<CheckedRow<unknown>>();
  const fail = (row: CheckedRow<unknown>, error: ImportError) => {
    errors.push(error);
    failed.add(row);
  };

  const unitsFirst = firstOfEachKey('units', 'code', rows.units, errors);
  const postsFirst = firstOfEachKey('positions', 'code', rows.positions, errors);
  const peopleFirst = firstOfEachKey('people', 'nip', rows.people, errors);
  // The rows that count: the first of each key, valid on their own.
  const units = [...unitsFirst.values()].filter((r) => r.value !== null) as (CheckedRow<ImportUnitRow> & { value: ImportUnitRow })[];
  const posts = [...postsFirst.values()].filter((r) => r.value !== null) as (CheckedRow<ImportPositionRow> & { value: ImportPositionRow })[];
  const people = [...peopleFirst.values()].filter((r) => r.value !== null) as (CheckedRow<ImportPersonRow> & { value: ImportPersonRow })[];

  const dbUnitByCode = new Map(existing.units.map((u) => [u.code, u]));
  const dbUnitCodeById = new Map(existing.units.map((u) => [u.id, u.code]));
  const dbPostByCode = new Map(existing.positions.map((p) => [p.code, p]));
  const dbPostCodeById = new Map(existing.positions.map((p) => [p.id, p.code]));
  const knownUnitCodes = new Set([...dbUnitByCode.keys(), ...unitsFirst.keys()]);
  const knownPostCodes = new Set([...dbPostByCode.keys(), ...postsFirst.keys()]);

  // References: to a row of this import (in any order) or to the database.
  for (const r of units) {
    const { code, parentCode } = r.value;
    if (!parentCode) continue;
    if (parentCode === code) fail(r, rowError('units', r.at, code, 'parentCode', parentCode, 'a unit cannot be its own parent'));
    else if (!knownUnitCodes.has(parentCode)) fail(r, rowError('units', r.at, code, 'parentCode', parentCode, unknownCode('unit', parentCode, knownUnitCodes)));
  }
  for (const r of posts) {
    const { code, unitCode, superiorCode } = r.value;
    if (!knownUnitCodes.has(unitCode)) fail(r, rowError('positions', r.at, code, 'unitCode', unitCode, unknownCode('unit', unitCode, knownUnitCodes)));
    if (!superiorCode) continue;
    if (superiorCode === code) fail(r, rowError('positions', r.at, code, 'superiorCode', superiorCode, 'a post cannot be its own superior'));
    else if (!knownPostCodes.has(superiorCode)) {
      fail(r, rowError('positions', r.at, code, 'superiorCode', superiorCode, unknownCode('position', superiorCode, knownPostCodes)));
    }
  }

  // Cycles, in the tree as it would be after the import: its rows over the database's.
  const unitRow = new Map(units.filter((r) => !failed.has(r)).map((r) => [r.value.code, r]));
  const parentOf = (code: string): string | null => {
    const row = unitRow.get(code);
    if (row) return row.value.parentCode ?? null;
    const parentId = dbUnitByCode.get(code)?.parentId;
    return parentId ? (dbUnitCodeById.get(parentId) ?? null) : null;
  };
  for (const [code, cycle] of cyclesIn(unitRow.keys(), parentOf)) {
    const r = unitRow.get(code);
    if (r) fail(r, rowError('units', r.at, code, 'parentCode', r.value.parentCode, `the parents form a cycle: ${describeCycle(cycle)}`));
  }
  const postRow = new Map(posts.filter((r) => !failed.has(r)).map((r) => [r.value.code, r]));
  const superiorOf = (code: string): string | null => {
    const row = postRow.get(code);
    if (row) return row.value.superiorCode ?? null;
    const superiorId = dbPostByCode.get(code)?.superiorPositionId;
    return superiorId ? (dbPostCodeById.get(superiorId) ?? null) : null;
  };
  for (const [code, cycle] of cyclesIn(postRow.keys(), superiorOf)) {
    const r = postRow.get(code);
    if (r) fail(r, rowError('positions', r.at, code, 'superiorCode', r.value.superiorCode, `the superiors form a cycle: ${describeCycle(cycle)}`));
  }

  checkOneHeadPerUnit(
    posts.filter((r) => knownUnitCodes.has(r.value.unitCode)),
    existing,
    dbUnitCodeById,
    fail,
  );

  // What each row without a problem does. New rows get their ids first, so that references between
  // new rows resolve whatever their order.
  const plan: ImportPlan = { errors, counts: emptyCounts(), units: { create: [], update: [] }, positions: { create: [], update: [] }, people: { create: [], update: [] } };
  const unitIdByCode = new Map(existing.units.map((u) => [u.code, u.id]));
  for (const r of units) if (!unitIdByCode.has(r.value.code)) unitIdByCode.set(r.value.code, newId());
  const postIdByCode = new Map(existing.positions.map((p) => [p.code, p.id]));
  for (const r of posts) if (!postIdByCode.has(r.value.code)) postIdByCode.set(r.value.code, newId());

  for (const r of units) {
    if (failed.has(r)) continue;
    const { code, name, kind, parentCode } = r.value;
    const parentId = parentCode ? unitIdByCode.get(parentCode) : null;
    if (parentId === undefined) continue; // its parent is a row with problems of its own
    const record: UnitRecord = { id: unitIdByCode.get(code)!, code, name, kind, parentId };
    const before = dbUnitByCode.get(code);
    classify(plan, 'units', record, before, before && before.name === name && before.kind === kind && before.parentId === parentId);
  }
  for (const r of posts) {
    if (failed.has(r)) continue;
    const { code, title, unitCode, level, superiorCode } = r.value;
    const unitId = unitIdByCode.get(unitCode);
    const superiorPositionId = superiorCode ? postIdByCode.get(superiorCode) : null;
    if (unitId === undefined || superiorPositionId === undefined) continue;
    const isUnitHead = r.value.isUnitHead ?? false;
    const record: PositionRecord = { id: postIdByCode.get(code)!, code, title, unitId, level, superiorPositionId, isUnitHead };
    const b = dbPostByCode.get(code);
    const same = b && b.title === title && b.unitId === unitId && b.level === level && b.superiorPositionId === superiorPositionId && b.isUnitHead === isUnitHead;
    classify(plan, 'positions', record, b, same);
  }
  const dbPersonByNip = new Map(existing.people.map((p) => [p.nip, p]));
  for (const r of people) {
    if (failed.has(r)) continue;
    const { nip, name, email } = r.value;
    const before = dbPersonByNip.get(nip);
    // Roles are permissions granted one by one: a file that does not name them leaves them alone.
    const roles = normalizedRoles(r.value.roles ?? before?.roles ?? DEFAULT_PERSON_ROLES);
    const record: PersonRecord = { id: before?.id ?? newId(), nip, name, email, roles };
    classify(plan, 'people', record, before, before && before.name === name && before.email === email && sameRoles(before.roles, roles));
  }
  plan.errors = sortErrors(errors);
  return plan;
}

function classify<E extends ImportEntity, T extends { id: string }>(plan: ImportPlan, entity: E, record: T, before: unknown, unchanged: boolean | undefined): void {
  const writes = plan[entity] as unknown as Writes<T>;
  if (!before) {
    writes.create.push(record);
    plan.counts[entity].create++;
  } else if (unchanged) {
    plan.counts[entity].unchanged++;
  } else {
    writes.update.push(record);
    plan.counts[entity].update++;
  }
}

/**
 * A unit has one head post. After the import, each unit's heads are those of the database that the
 * import does not touch, then the import's heads in row order; every head after the first that comes
 * from the import is an error naming the first.
 */
function checkOneHeadPerUnit(
  posts: (CheckedRow<ImportPositionRow> & { value: ImportPositionRow })[],
  existing: ExistingOrg,
  dbUnitCodeById: Map<string, string>,
  fail: (row: CheckedRow<unknown>, error: ImportError) => void,
): void {
  type Head = { code: string; row: (typeof posts)[number] | null };
  const imported = new Set(posts.map((r) => r.value.code));
  const heads = new Map<string, Head[]>();
  const add = (unitCode: string, head: Head) => heads.set(unitCode, [...(heads.get(unitCode) ?? []), head]);
  for (const p of existing.positions) {
    const unitCode = dbUnitCodeById.get(p.unitId);
    if (p.isUnitHead && unitCode && !imported.has(p.code)) add(unitCode, { code: p.code, row: null });
  }
  // A head that stays the head of the same unit comes before new ones: it is the incumbent.
  const dbHead = new Set(existing.positions.filter((p) => p.isUnitHead).map((p) => `${p.code}@${dbUnitCodeById.get(p.unitId)}`));
  const importedHeads = posts.filter((r) => r.value.isUnitHead === true);
  const incumbentFirst = [...importedHeads.filter((r) => dbHead.has(`${r.value.code}@${r.value.unitCode}`)), ...importedHeads.filter((r) => !dbHead.has(`${r.value.code}@${r.value.unitCode}`))];
  for (const r of incumbentFirst) add(r.value.unitCode, { code: r.value.code, row: r });

  for (const [unitCode, list] of heads) {
    const [first, ...others] = list;
    for (const other of others) {
      if (!other.row) continue;
      const firstWhere = first.row ? `${where(first.row.at)} of this import` : 'the database';
      fail(
        other.row,
        rowError('positions', other.row.at, other.code, 'isUnitHead', true, `unit ${unitCode} already has a head post: ${first.code} (${firstWhere}); a unit has one head post`),
      );
    }
  }
}

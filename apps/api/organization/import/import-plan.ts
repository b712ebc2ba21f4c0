import type { ExistingOrg, OrgWrites, PersonRecord, PositionRecord, UnitRecord, Writes } from '@libs/persistence/org-records';
import { cyclesIn, DEFAULT_PERSON_ROLES, describeCycle, normalizedRoles, sameRoles } from '../org-rules';
import { emptyCounts, type ImportCounts, type ImportEntity, type ImportError, type RowAt, sortErrors } from './import-report';
import { type CheckedRow, type ImportPersonRow, type ImportPositionRow, type ImportUnitRow, rowError } from './import-rows';

/*
 * The plan of an import: given the checked rows and the organization as the database holds it, what
 * is wrong across rows (duplicate keys, unknown references, cycles, two heads for one unit) and which
 * rows are created, updated or left as they are. Pure: the service reads the database, calls this,
 * and writes the plan in one transaction.
 */

export type { ExistingOrg };

export interface CheckedImport {
  units: CheckedRow<ImportUnitRow>[];
  positions: CheckedRow<ImportPositionRow>[];
  people: CheckedRow<ImportPersonRow>[];
}

/** What is wrong with the import, what it would do, and the rows it writes when nothing is wrong. */
export interface ImportPlan extends OrgWrites {
  errors: ImportError[];
  counts: ImportCounts;
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

/** A row that passed its own checks and is the first of its key. */
type Valid<T> = CheckedRow<T> & { value: T };

/** The problems found so far, and the rows that have one (they are not written). */
class Problems {
  readonly errors: ImportError[] = [];
  private readonly failed = new Set<CheckedRow<unknown>>();

  fail = (row: CheckedRow<unknown>, error: ImportError): void => {
    this.errors.push(error);
    this.failed.add(row);
  };

  has(row: CheckedRow<unknown>): boolean {
    return this.failed.has(row);
  }
}

/** The stored organization, looked up by code and by id. */
interface StoredIndex {
  unitByCode: Map<string, UnitRecord>;
  unitCodeById: Map<string, string>;
  postByCode: Map<string, PositionRecord>;
  postCodeById: Map<string, string>;
}

const indexOf = (existing: ExistingOrg): StoredIndex => ({
  unitByCode: new Map(existing.units.map((u) => [u.code, u])),
  unitCodeById: new Map(existing.units.map((u) => [u.id, u.code])),
  postByCode: new Map(existing.positions.map((p) => [p.code, p])),
  postCodeById: new Map(existing.positions.map((p) => [p.id, p.code])),
});

/** The rows of an import that count: the first of each key, valid on their own. */
interface ValidRows {
  units: Valid<ImportUnitRow>[];
  posts: Valid<ImportPositionRow>[];
  people: Valid<ImportPersonRow>[];
}

/** Codes a reference may name: those of this import and those of the database. */
interface KnownCodes {
  units: Set<string>;
  posts: Set<string>;
}

const validOf = <T>(first: Map<string, CheckedRow<T>>) => [...first.values()].filter((r) => r.value !== null) as Valid<T>[];

/** References: to a row of this import (in any order) or to the database. */
function checkReferences({ units, posts }: ValidRows, known: KnownCodes, problems: Problems): void {
  for (const r of units) {
    const { code, parentCode } = r.value;
    if (!parentCode) continue;
    if (parentCode === code) problems.fail(r, rowError('units', r.at, code, 'parentCode', parentCode, 'a unit cannot be its own parent'));
    else if (!known.units.has(parentCode)) problems.fail(r, rowError('units', r.at, code, 'parentCode', parentCode, unknownCode('unit', parentCode, known.units)));
  }
  for (const r of posts) {
    const { code, unitCode, superiorCode } = r.value;
    if (!known.units.has(unitCode)) problems.fail(r, rowError('positions', r.at, code, 'unitCode', unitCode, unknownCode('unit', unitCode, known.units)));
    if (!superiorCode) continue;
    if (superiorCode === code) problems.fail(r, rowError('positions', r.at, code, 'superiorCode', superiorCode, 'a post cannot be its own superior'));
    else if (!known.posts.has(superiorCode)) {
      problems.fail(r, rowError('positions', r.at, code, 'superiorCode', superiorCode, unknownCode('position', superiorCode, known.posts)));
    }
  }
}

/** Cycles, in the tree as it would be after the import: its rows (those without a problem yet) over the database's. */
function checkCycles({ units, posts }: ValidRows, db: StoredIndex, problems: Problems): void {
  const unitRow = new Map(units.filter((r) => !problems.has(r)).map((r) => [r.value.code, r]));
  const parentOf = (code: string): string | null => {
    const row = unitRow.get(code);
    if (row) return row.value.parentCode ?? null;
    const parentId = db.unitByCode.get(code)?.parentId;
    return parentId ? (db.unitCodeById.get(parentId) ?? null) : null;
  };
  for (const [code, cycle] of cyclesIn(unitRow.keys(), parentOf)) {
    const r = unitRow.get(code);
    if (r) problems.fail(r, rowError('units', r.at, code, 'parentCode', r.value.parentCode, `the parents form a cycle: ${describeCycle(cycle)}`));
  }
  const postRow = new Map(posts.filter((r) => !problems.has(r)).map((r) => [r.value.code, r]));
  const superiorOf = (code: string): string | null => {
    const row = postRow.get(code);
    if (row) return row.value.superiorCode ?? null;
    const superiorId = db.postByCode.get(code)?.superiorPositionId;
    return superiorId ? (db.postCodeById.get(superiorId) ?? null) : null;
  };
  for (const [code, cycle] of cyclesIn(postRow.keys(), superiorOf)) {
    const r = postRow.get(code);
    if (r) problems.fail(r, rowError('positions', r.at, code, 'superiorCode', r.value.superiorCode, `the superiors form a cycle: ${describeCycle(cycle)}`));
  }
}

/** The id of every unit and post code after the import: stored ones keep theirs, new ones get one. */
function idsByCode(rows: ValidRows, existing: ExistingOrg, newId: () => string) {
  const units = new Map(existing.units.map((u) => [u.code, u.id]));
  for (const r of rows.units) if (!units.has(r.value.code)) units.set(r.value.code, newId());
  const posts = new Map(existing.positions.map((p) => [p.code, p.id]));
  for (const r of rows.posts) if (!posts.has(r.value.code)) posts.set(r.value.code, newId());
  return { units, posts };
}

/**
 * What each row without a problem does. New rows get their ids first, so that references between
 * new rows resolve whatever their order.
 */
function classifyRows(plan: ImportPlan, rows: ValidRows, existing: ExistingOrg, db: StoredIndex, problems: Problems, newId: () => string): void {
  const ids = idsByCode(rows, existing, newId);
  for (const r of rows.units) {
    if (problems.has(r)) continue;
    const { code, name, kind, parentCode } = r.value;
    const parentId = parentCode ? ids.units.get(parentCode) : null;
    if (parentId === undefined) continue; // its parent is a row with problems of its own
    const record: UnitRecord = { id: ids.units.get(code)!, code, name, kind, parentId };
    const before = db.unitByCode.get(code);
    classify(plan, 'units', record, before, before && before.name === name && before.kind === kind && before.parentId === parentId);
  }
  for (const r of rows.posts) {
    if (problems.has(r)) continue;
    const { code, title, unitCode, level, superiorCode } = r.value;
    const unitId = ids.units.get(unitCode);
    const superiorPositionId = superiorCode ? ids.posts.get(superiorCode) : null;
    if (unitId === undefined || superiorPositionId === undefined) continue;
    const isUnitHead = r.value.isUnitHead ?? false;
    const record: PositionRecord = { id: ids.posts.get(code)!, code, title, unitId, level, superiorPositionId, isUnitHead };
    const b = db.postByCode.get(code);
    const same = b && b.title === title && b.unitId === unitId && b.level === level && b.superiorPositionId === superiorPositionId && b.isUnitHead === isUnitHead;
    classify(plan, 'positions', record, b, same);
  }
  const dbPersonByNip = new Map(existing.people.map((p) => [p.nip, p]));
  for (const r of rows.people) {
    if (problems.has(r)) continue;
    const { nip, name, email } = r.value;
    const before = dbPersonByNip.get(nip);
    // Roles are permissions granted one by one: a file that does not name them leaves them alone.
    const roles = normalizedRoles(r.value.roles ?? before?.roles ?? DEFAULT_PERSON_ROLES);
    const record: PersonRecord = { id: before?.id ?? newId(), nip, name, email, roles };
    classify(plan, 'people', record, before, before && before.name === name && before.email === email && sameRoles(before.roles, roles));
  }
}

export function planImport(rows: CheckedImport, existing: ExistingOrg, newId: () => string): ImportPlan {
  const problems = new Problems();
  const unitsFirst = firstOfEachKey('units', 'code', rows.units, problems.errors);
  const postsFirst = firstOfEachKey('positions', 'code', rows.positions, problems.errors);
  const peopleFirst = firstOfEachKey('people', 'nip', rows.people, problems.errors);
  const valid: ValidRows = { units: validOf(unitsFirst), posts: validOf(postsFirst), people: validOf(peopleFirst) };

  const db = indexOf(existing);
  const known: KnownCodes = {
    units: new Set([...db.unitByCode.keys(), ...unitsFirst.keys()]),
    posts: new Set([...db.postByCode.keys(), ...postsFirst.keys()]),
  };
  checkReferences(valid, known, problems);
  checkCycles(valid, db, problems);
  checkOneHeadPerUnit(
    valid.posts.filter((r) => known.units.has(r.value.unitCode)),
    existing,
    db.unitCodeById,
    problems.fail,
  );

  const plan: ImportPlan = { errors: problems.errors, counts: emptyCounts(), units: { create: [], update: [] }, positions: { create: [], update: [] }, people: { create: [], update: [] } };
  classifyRows(plan, valid, existing, db, problems, newId);
  plan.errors = sortErrors(problems.errors);
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

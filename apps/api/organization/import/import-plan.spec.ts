import type { ImportEntity, SourceRow } from './import-report';
import { type CheckedImport, type ExistingOrg, planImport } from './import-plan';
import { checkRows } from './import-rows';

/** Ids that say what they are, so that expectations read like the data. */
const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};

const source = (list: Record<string, unknown>[], csv = false): SourceRow[] =>
  list.map((values, i) => ({ row: i + 1, ...(csv ? { line: i + 2 } : {}), values }));

function checked(input: Partial<Record<ImportEntity, Record<string, unknown>[]>>, csv = false): CheckedImport {
  const units = checkRows('units', source(input.units ?? [], csv));
  const positions = checkRows('positions', source(input.positions ?? [], csv));
  const people = checkRows('people', source(input.people ?? [], csv));
  expect([...units.errors, ...positions.errors, ...people.errors]).toEqual([]);
  return { units: units.checked, positions: positions.checked, people: people.checked };
}

/** PEMKOT → DINKES, with the head post KADIS (held by nobody here) under WALIKOTA, and one person. */
const DB: ExistingOrg = {
  units: [
    { id: 'u-pemkot', code: 'PEMKOT', name: 'Pemerintah Kota', kind: 'pemda', parentId: null },
    { id: 'u-dinkes', code: 'DINKES', name: 'Dinas Kesehatan', kind: 'dinas', parentId: 'u-pemkot' },
  ],
  positions: [
    { id: 'p-walikota', code: 'WALIKOTA', title: 'Wali Kota', unitId: 'u-pemkot', level: 'kepala-daerah', superiorPositionId: null, isUnitHead: true },
    { id: 'p-kadis', code: 'KADIS', title: 'Kepala Dinas Kesehatan', unitId: 'u-dinkes', level: 'jpt-pratama', superiorPositionId: 'p-walikota', isUnitHead: true },
  ],
  people: [{ id: 'person-1', nip: '197806302002122008', name: 'Maya Kusuma', email: 'maya@kota.go.id', roles: ['proposer', 'approver', 'admin'] }],
};

const unit = (code: string, parentCode?: string, extra: Record<string, unknown> = {}) => ({ code, name: `Unit ${code}`, kind: 'bidang', ...(parentCode ? { parentCode } : {}), ...extra });
const post = (code: string, unitCode: string, superiorCode?: string, extra: Record<string, unknown> = {}) => ({
  code,
  title: `Jabatan ${code}`,
  unitCode,
  level: 'pelaksana',
  ...(superiorCode ? { superiorCode } : {}),
  ...extra,
});

describe('planning an import', () => {
  it('creates new rows whose references point forward, backward and into the database, ids resolved', () => {
    const plan = planImport(
      checked({
        units: [unit('SEKSI', 'BIDANG'), unit('BIDANG', 'DINKES')],
        positions: [post('STAF', 'SEKSI', 'KABID'), post('KABID', 'BIDANG', 'KADIS', { isUnitHead: true })],
      }),
      DB,
      ids(),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.counts).toEqual({ units: { create: 2, update: 0, unchanged: 0 }, positions: { create: 2, update: 0, unchanged: 0 }, people: { create: 0, update: 0, unchanged: 0 } });
    const unitId = new Map(plan.units.create.map((u) => [u.code, u.id]));
    expect(plan.units.create.find((u) => u.code === 'SEKSI')!.parentId).toBe(unitId.get('BIDANG'));
    expect(plan.units.create.find((u) => u.code === 'BIDANG')!.parentId).toBe('u-dinkes');
    const kabid = plan.positions.create.find((p) => p.code === 'KABID')!;
    expect(kabid).toMatchObject({ unitId: unitId.get('BIDANG'), superiorPositionId: 'p-kadis', isUnitHead: true });
    expect(plan.positions.create.find((p) => p.code === 'STAF')).toMatchObject({ superiorPositionId: kabid.id, isUnitHead: false });
  });

  it('tells unchanged rows from updated ones, field by field; roles left out stay as they are', () => {
    const plan = planImport(
      checked({
        units: [{ code: 'PEMKOT', name: 'Pemerintah Kota', kind: 'pemda' }, { code: 'DINKES', name: 'Dinas Kesehatan Kota', kind: 'dinas', parentCode: 'PEMKOT' }],
        positions: [post('KADIS', 'DINKES', 'WALIKOTA', { title: 'Kepala Dinas Kesehatan', level: 'jpt-pratama', isUnitHead: true })],
        people: [{ nip: '197806302002122008', name: 'Maya Kusuma', email: 'maya@kota.go.id' }],
      }),
      DB,
      ids(),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.counts).toEqual({ units: { create: 0, update: 1, unchanged: 1 }, positions: { create: 0, update: 0, unchanged: 1 }, people: { create: 0, update: 0, unchanged: 1 } });
    expect(plan.units.update).toEqual([{ id: 'u-dinkes', code: 'DINKES', name: 'Dinas Kesehatan Kota', kind: 'dinas', parentId: 'u-pemkot' }]);

    const rolesGiven = planImport(checked({ people: [{ nip: '197806302002122008', name: 'Maya Kusuma', email: 'maya@kota.go.id', roles: ['approver'] }] }), DB, ids());
    expect(rolesGiven.people.update).toEqual([expect.objectContaining({ id: 'person-1', roles: ['approver'] })]);
    const newcomer = planImport(checked({ people: [{ nip: '199402172019032008', name: 'Putri', email: 'putri@kota.go.id' }] }), DB, ids());
    expect(newcomer.people.create).toEqual([{ id: 'new-1', nip: '199402172019032008', name: 'Putri', email: 'putri@kota.go.id', roles: ['proposer', 'approver'] }]);
  });

});

describe('planning an import: problems across rows', () => {
  it('reports a duplicate key on every later row, pointing at the first', () => {
    const plan = planImport(checked({ units: [unit('A', 'PEMKOT'), unit('B', 'PEMKOT'), unit('A', 'PEMKOT')] }, true), DB, ids());
    expect(plan.errors).toEqual([
      { entity: 'units', row: 3, line: 4, key: 'A', field: 'code', value: 'A', message: 'duplicate code A: it is also in row 1 (line 2)' },
    ]);
  });

  it('reports unknown references, with a hint when only the case differs, and references to oneself', () => {
    const plan = planImport(
      checked({
        units: [unit('A', 'pemkot'), unit('SELF', 'SELF')],
        positions: [post('P1', 'NOWHERE'), post('P2', 'DINKES', 'NOBODY'), post('P3', 'DINKES', 'P3')],
      }),
      DB,
      ids(),
    );
    expect(plan.errors.map((e) => [e.entity, e.row, e.field, e.value, e.message])).toEqual([
      ['units', 1, 'parentCode', 'pemkot', 'no unit has the code pemkot (neither in this import nor in the database) (did you mean PEMKOT? codes are case-sensitive)'],
      ['units', 2, 'parentCode', 'SELF', 'a unit cannot be its own parent'],
      ['positions', 1, 'unitCode', 'NOWHERE', 'no unit has the code NOWHERE (neither in this import nor in the database)'],
      ['positions', 2, 'superiorCode', 'NOBODY', 'no position has the code NOBODY (neither in this import nor in the database)'],
      ['positions', 3, 'superiorCode', 'P3', 'a post cannot be its own superior'],
    ]);
    expect(plan.units.create.map((u) => u.code)).toEqual([]);
  });

  it('reports each row on a cycle of superiors, also one closed through the database', () => {
    const plan = planImport(checked({ positions: [post('X', 'DINKES', 'Y'), post('Y', 'DINKES', 'Z'), post('Z', 'DINKES', 'X'), post('OK', 'DINKES', 'X')] }), DB, ids());
    expect(plan.errors.map((e) => [e.row, e.field, e.message])).toEqual([
      [1, 'superiorCode', 'the superiors form a cycle: X → Y → Z → X'],
      [2, 'superiorCode', 'the superiors form a cycle: Y → Z → X → Y'],
      [3, 'superiorCode', 'the superiors form a cycle: Z → X → Y → Z'],
    ]);
    // WALIKOTA (in the database) answers to no one; making it answer to KADIS, who answers to it, closes a loop.
    const throughDb = planImport(checked({ positions: [post('WALIKOTA', 'PEMKOT', 'KADIS', { level: 'kepala-daerah', isUnitHead: true })] }), DB, ids());
    expect(throughDb.errors).toEqual([expect.objectContaining({ row: 1, field: 'superiorCode', message: 'the superiors form a cycle: WALIKOTA → KADIS → WALIKOTA' })]);
  });

  it('reports a unit moved under its own descendant', () => {
    const plan = planImport(checked({ units: [unit('PEMKOT', 'DINKES', { kind: 'pemda' })] }), DB, ids());
    expect(plan.errors).toEqual([expect.objectContaining({ entity: 'units', row: 1, field: 'parentCode', message: 'the parents form a cycle: PEMKOT → DINKES → PEMKOT' })]);
  });

});

describe('planning an import: head posts, and what is counted', () => {
  it('allows one head post per unit: a second head is reported, naming the first, in the import or the database', () => {
    const plan = planImport(
      checked({ units: [unit('BID', 'DINKES')], positions: [post('H1', 'BID', undefined, { isUnitHead: true }), post('H2', 'BID', undefined, { isUnitHead: true }), post('H3', 'DINKES', undefined, { isUnitHead: true })] }, true),
      DB,
      ids(),
    );
    expect(plan.errors.map((e) => [e.row, e.line, e.key, e.field, e.message])).toEqual([
      [2, 3, 'H2', 'isUnitHead', 'unit BID already has a head post: H1 (row 1 (line 2) of this import); a unit has one head post'],
      [3, 4, 'H3', 'isUnitHead', 'unit DINKES already has a head post: KADIS (the database); a unit has one head post'],
    ]);
  });

  it('lets the import hand the head post over: the old head stops being head, or moves away, in the same import', () => {
    const handOver = planImport(
      checked({ positions: [post('KADIS-BARU', 'DINKES', 'WALIKOTA', { isUnitHead: true }), post('KADIS', 'DINKES', 'WALIKOTA', { title: 'Kepala Dinas Kesehatan', level: 'jpt-pratama', isUnitHead: false })] }),
      DB,
      ids(),
    );
    expect(handOver.errors).toEqual([]);
    expect(handOver.counts.positions).toEqual({ create: 1, update: 1, unchanged: 0 });
    // The incumbent listed after a newcomer is still the incumbent: the newcomer is the second head.
    const both = planImport(
      checked({ positions: [post('KADIS-BARU', 'DINKES', 'WALIKOTA', { isUnitHead: true }), post('KADIS', 'DINKES', 'WALIKOTA', { title: 'Kepala Dinas Kesehatan', level: 'jpt-pratama', isUnitHead: true })] }),
      DB,
      ids(),
    );
    expect(both.errors).toEqual([expect.objectContaining({ row: 1, key: 'KADIS-BARU', message: expect.stringMatching(/already has a head post: KADIS \(row 2 of this import\)/) })]);
  });

  it('counts only the rows without problems, and does not count a row whose parent has problems', () => {
    const plan = planImport(checked({ units: [unit('A', 'GONE'), unit('B', 'A'), unit('C', 'DINKES')] }), DB, ids());
    expect(plan.errors).toHaveLength(1);
    expect(plan.counts.units).toEqual({ create: 2, update: 0, unchanged: 0 });
  });
});

import { DomainError } from '@libs/http/domain-error';
import { MAX_IMPORT_ROWS } from './import-report';
import { checkSize, csvSource, jsonSource } from './import-source';

const refusal = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
};

describe('the two forms of an import', () => {
  it('numbers JSON rows from 1 and leaves the rows themselves to be checked', () => {
    expect(jsonSource({ units: [{ code: 'A' }, 'not a row'], people: null })).toEqual({
      rows: { units: [{ row: 1, values: { code: 'A' } }, { row: 2, values: 'not a row' }] },
      errors: [],
    });
  });

  it('refuses a JSON body of the wrong shape with field-level details', () => {
    expect(refusal(() => jsonSource([])).code).toBe('VALIDATION_FAILED');
    const wrong = refusal(() => jsonSource({ units: {}, jabatan: [] }));
    expect(wrong.status).toBe(422);
    expect(wrong.details).toEqual([
      { field: 'jabatan', messages: ['jabatan is not part of an import; send units, positions, people'] },
      { field: 'units', messages: ['units must be an array of rows'] },
    ]);
  });

  it('reads CSV from files or from plain form fields, and refuses other fields', () => {
    const source = csvSource({ units: [{ buffer: Buffer.from('code,name,kind\nA,a,dinas\n') }] }, { people: 'nip,name,email\n' });
    expect(source.rows.units).toHaveLength(1);
    expect(source.rows.people).toEqual([]);
    expect(refusal(() => csvSource(undefined, { dryRun: 'true' })).details).toEqual([{ field: 'dryRun', messages: [expect.stringMatching(/dryRun goes in the query string/)] }]);
    expect(refusal(() => csvSource({ units: [{ buffer: Buffer.from('') }] }, { units: 'x' })).details).toEqual([{ field: 'units', messages: [expect.stringMatching(/sent twice/)] }]);
  });

  it('refuses an empty import, and one with more rows of a kind than allowed (413)', () => {
    expect(refusal(() => checkSize({ rows: {}, errors: [] })).code).toBe('IMPORT_EMPTY');
    expect(() => checkSize({ rows: { units: [] }, errors: [] })).not.toThrow();
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => ({ row: i + 1, values: {} }));
    const tooLarge = refusal(() => checkSize({ rows: { positions: many }, errors: [] }));
    expect(tooLarge).toMatchObject({ code: 'IMPORT_TOO_LARGE', status: 413 });
    expect(tooLarge.message).toMatch(/at most 5000 rows of each kind \(positions: 5001\)/);
  });
});

import { checkRows } from './import-rows';

const rows = (...values: unknown[]) => values.map((v, i) => ({ row: i + 1, values: v as Record<string, unknown> }));

describe('checking the rows of an import', () => {
  it('passes valid rows through typed, with their key; null and blank optional fields mean none', () => {
    const { checked, errors } = checkRows('units', rows({ code: 'DINKES', name: 'Dinas Kesehatan', kind: 'dinas', parentCode: null }, { code: 'B', name: 'b', kind: 'bidang', parentCode: '' }));
    expect(errors).toEqual([]);
    expect(checked.map((c) => [c.key, c.value && { ...c.value }])).toEqual([
      ['DINKES', { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'dinas' }],
      ['B', { code: 'B', name: 'b', kind: 'bidang' }],
    ]);
  });

  it('names each bad field once, with all its messages, the row and the key', () => {
    const { checked, errors } = checkRows('people', rows({ nip: '1990', name: '  ', email: 'not-an-email', roles: ['proposer', 'superuser'] }));
    expect(checked[0]).toEqual({ at: { row: 1 }, key: null, value: null });
    expect(errors).toEqual([
      { entity: 'people', row: 1, key: '1990', field: 'nip', value: '1990', message: 'nip must be exactly 18 digits (the NIP of the civil servant)' },
      { entity: 'people', row: 1, key: '1990', field: 'name', value: '  ', message: 'name is required' },
      expect.objectContaining({ field: 'email', value: 'not-an-email', message: expect.stringMatching(/email must be an email address/) }),
      expect.objectContaining({ field: 'roles', message: 'each of roles must be one of: proposer, approver, admin' }),
    ]);
  });

  it('keeps the key of a row whose other fields are wrong, so that references to it are not reported again', () => {
    const { checked, errors } = checkRows('positions', rows({ code: 'KABID', title: 'Kepala Bidang', unitCode: 'U', level: 'eselon-9', isUnitHead: 'ya' }));
    expect(checked[0].key).toBe('KABID');
    expect(checked[0].value).toBeNull();
    expect(errors.map((e) => [e.field, e.message])).toEqual([
      ['level', expect.stringMatching(/^level must be one of: kepala-daerah, jpt-utama/)],
      ['isUnitHead', 'isUnitHead must be true or false'],
    ]);
  });

  it('refuses unknown fields (naming the fields there are), references by id, NUL characters and rows that are not objects', () => {
    const { errors } = checkRows('units', rows({ code: 'A', name: 'a\u0000', kind: 'dinas', parentId: 'x', nested: { deep: [[[]]] } }, 'A,a,dinas', null));
    expect(errors).toEqual([
      expect.objectContaining({ row: 1, field: 'name', message: 'name must not contain the NUL character (U+0000)' }),
      expect.objectContaining({ row: 1, field: 'parentId', message: 'parentId is not a field of units; the fields are code, name, kind, parentCode' }),
      expect.objectContaining({ row: 1, field: 'nested' }),
      expect.objectContaining({ row: 2, field: null, value: 'A,a,dinas', message: expect.stringMatching(/must be an object/) }),
      expect.objectContaining({ row: 3, field: null, value: null }),
    ]);
  });

  it('refuses codes with spaces or too long, with the shared message', () => {
    const { errors } = checkRows('units', rows({ code: 'DIN KES', name: 'a', kind: 'dinas' }, { code: 'X'.repeat(65), name: 'a', kind: 'dinas' }));
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [1, 'code'],
      [2, 'code'],
    ]);
    expect(errors[0].message).toMatch(/code must be letters and digits/);
    expect(errors[1].message).toMatch(/shorter than or equal to 64/);
    expect(String(errors[1].value).length).toBe(65);
  });
});

import { csvRows, detectDelimiter } from './csv-rows';

const csv = (text: string) => Buffer.from(text, 'utf8');

describe('CSV rows of an import', () => {
  it('reads a header and rows, strips a UTF-8 byte order mark, keeps quoted commas, numbers rows and lines', () => {
    const { rows, errors } = csvRows('units', csv('\uFEFFcode,name,kind,parentCode\r\nDINKES,"Dinas Kesehatan, Kota",dinas,PEMKOT\r\n\r\nYANKES,Bidang Yankes,bidang,DINKES\r\n'));
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { row: 1, line: 2, values: { code: 'DINKES', name: 'Dinas Kesehatan, Kota', kind: 'dinas', parentCode: 'PEMKOT' } },
      { row: 2, line: 4, values: { code: 'YANKES', name: 'Bidang Yankes', kind: 'bidang', parentCode: 'DINKES' } },
    ]);
  });

  it('gives a row spanning lines the line it starts on, and skips rows of empty cells', () => {
    const { rows } = csvRows('units', csv('code,name,kind\nA,"two\nlines",dinas\n,,\nB,b,dinas\n'));
    expect(rows.map((r) => [r.row, r.line, r.values.code])).toEqual([
      [1, 2, 'A'],
      [2, 5, 'B'],
    ]);
  });

  it('accepts semicolons (Excel in an Indonesian locale) and headers written as words', () => {
    const { rows, errors } = csvRows('positions', csv('Code;Title;Unit Code;level;superior_code;Is Unit Head\nKADIS;Kepala Dinas, Kota;DINKES;jpt-pratama;;ya\n'));
    expect(errors).toEqual([]);
    expect(rows[0].values).toEqual({ code: 'KADIS', title: 'Kepala Dinas, Kota', unitCode: 'DINKES', level: 'jpt-pratama', isUnitHead: true });
    expect(detectDelimiter('a,"b;c;d",e')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
  });

  it('turns isUnitHead into a boolean and roles into a list; empty cells are left out', () => {
    const people = csvRows('people', csv('nip,name,email,roles\n199001012015011016,Yoga,yoga@x.go.id,proposer;approver | admin\n199001012015011017,Nia,nia@x.go.id,\n'));
    expect(people.rows.map((r) => r.values.roles)).toEqual([['proposer', 'approver', 'admin'], undefined]);
    const posts = csvRows('positions', csv('code,title,unitCode,level,isUnitHead\nA,a,U,pelaksana,false\nB,b,U,pelaksana,mungkin\n'));
    expect(posts.rows.map((r) => r.values.isUnitHead)).toEqual([false, 'mungkin']);
  });

  it('names an unknown or repeated column on line 1 and still reads the rows', () => {
    const { rows, errors } = csvRows('units', csv('code,name,kind,warna,code\nA,a,dinas,merah,B\n'));
    expect(errors).toEqual([
      expect.objectContaining({ entity: 'units', row: null, line: 1, field: 'warna', value: 'warna', message: expect.stringMatching(/unknown column "warna"; the columns of units are code, name, kind, parentCode/) }),
      expect.objectContaining({ line: 1, field: 'code', message: 'the column code appears twice' }),
    ]);
    expect(rows[0].values).toEqual({ code: 'A', name: 'a', kind: 'dinas' });
  });

  it('reports a missing required column once instead of failing every row', () => {
    const { rows, errors } = csvRows('people', csv('nip,name\n199001012015011016,Yoga\n'));
    expect(rows).toEqual([]);
    expect(errors).toEqual([expect.objectContaining({ line: 1, field: 'email', message: expect.stringMatching(/no column email/) })]);
  });

  it('reports a value outside the named columns (an unquoted comma), with the row key', () => {
    const { errors } = csvRows('units', csv('code,name,kind\nDINKES,Dinas Kesehatan, Kota,dinas\n'));
    expect(errors).toEqual([
      expect.objectContaining({ row: 1, line: 2, key: 'DINKES', value: 'dinas', message: expect.stringMatching(/column 4, which the header does not name/) }),
    ]);
  });

  it('ignores trailing empty columns that spreadsheets add', () => {
    const { rows, errors } = csvRows('units', csv('code,name,kind,,\nA,a,dinas,,\n'));
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(1);
  });

  it('explains files that cannot be read: empty, not UTF-8, UTF-16, a quote never closed', () => {
    expect(csvRows('units', csv('')).errors[0].message).toMatch(/the file is empty/);
    expect(csvRows('units', Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xe9, 0x0a])).errors[0].message).toMatch(/not UTF-8/);
    expect(csvRows('units', Buffer.from('\uFEFFcode', 'utf16le')).errors[0].message).toMatch(/UTF-16/);
    const broken = csvRows('units', csv('code,name,kind\nA,"never closed,dinas\n'));
    expect(broken.rows).toEqual([]);
    expect(broken.errors[0]).toMatchObject({ entity: 'units', line: expect.any(Number), message: expect.stringMatching(/not valid CSV/) });
  });
});

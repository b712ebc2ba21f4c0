import { parse } from 'csv-parse/sync';
import { csvFileName, summaryCsv, tasksCsv } from './admin-csv';
import type { AdminTaskView } from './dto/admin-task.view';

const task = (over: Partial<AdminTaskView> = {}): AdminTaskView => ({
  taskId: 't1',
  proposalId: 'p1',
  proposalTitle: 'Satu Data',
  unitId: 'u1',
  unitName: 'Dinas Kesehatan',
  stageIndex: 0,
  stageName: 'Kepala Bidang',
  round: 1,
  positionId: 'pos1',
  positionTitle: 'Kepala Bidang Pelayanan',
  assigneePersonId: null,
  assigneeName: null,
  capacity: null,
  status: 'open',
  createdAt: new Date('2026-03-02T02:00:00Z'),
  dueAt: null,
  decidedAt: null,
  ageSeconds: 90,
  overdueSeconds: 0,
  escalationLevel: 0,
  escalatedFromTaskId: null,
  remindersSent: 0,
  ageWorkingDays: 3,
  stuckReason: { kind: 'no-holder', since: new Date('2026-03-02T02:00:00Z'), workingDays: 3 },
  ...over,
});

const read = (text: string) => parse(text, { bom: true }) as string[][];

describe('admin CSV', () => {
  it('starts with a byte order mark and a header row of the field names, lines ending in CRLF', () => {
    const text = tasksCsv([task()]);
    expect(text.startsWith('\ufefftaskId,proposalId,proposalTitle,')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(3);
    const [header, row] = read(text);
    expect(header).toEqual(expect.arrayContaining(['ageWorkingDays', 'stuckReason', 'stuckSince', 'stuckWorkingDays']));
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('stuckReason')).toBe('no-holder');
    expect(cell('stuckSince')).toBe('2026-03-02T02:00:00.000Z');
    expect(cell('assigneeName')).toBe('');
    expect(cell('ageWorkingDays')).toBe('3');
  });

  it('quotes commas, quotes and line breaks so that the values read back as written', () => {
    const title = 'Data "terpadu", tahap 1\nbaris dua';
    const text = tasksCsv([task({ proposalTitle: title })]);
    expect(text).toContain('"Data ""terpadu"", tahap 1\nbaris dua"');
    expect(read(text)[1][2]).toBe(title);
  });

  it('keeps a value that a spreadsheet would run as a formula from being one', () => {
    const [, row] = read(tasksCsv([task({ proposalTitle: '=HYPERLINK("http://x")', unitName: '@SUM(A1)' })]));
    expect(row[2]).toBe(`'=HYPERLINK("http://x")`);
    expect(row[3]).toBe(`'@SUM(A1)`);
  });

  it('writes an empty reason for a task on time', () => {
    const [header, row] = read(tasksCsv([task({ stuckReason: null })]));
    expect(row[header.indexOf('stuckReason')]).toBe('');
  });

  it('writes the summary with one row per unit and stage', () => {
    const rows = read(summaryCsv([{ unitId: 'u1', unitName: 'Dinas', stageName: 'Kepala', open: 3, overdue: 1, escalated: 0, stuck: 2, vacant: 1, oldestAgeSeconds: 60 }]));
    expect(rows).toEqual([
      ['unitId', 'unitName', 'stageName', 'open', 'overdue', 'escalated', 'stuck', 'vacant', 'oldestAgeSeconds'],
      ['u1', 'Dinas', 'Kepala', '3', '1', '0', '2', '1', '60'],
    ]);
  });

  it('names the file after what it holds and the day in Jakarta', () => {
    expect(csvFileName('tugas-overdue', new Date('2026-03-11T03:00:00Z'))).toBe('tugas-overdue-2026-03-11.csv');
    // 20:00 UTC is already the next morning in Jakarta.
    expect(csvFileName('tugas-overdue', new Date('2026-03-10T20:00:00Z'))).toBe('tugas-overdue-2026-03-11.csv');
  });
});

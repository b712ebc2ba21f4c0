import { stringify } from 'csv-stringify/sync';
import { JAKARTA_UTC_OFFSET_MINUTES } from '@libs/domain/working-days';
import type { AdminTaskView } from './dto/admin-task.view';
import type { SummaryRowView } from './dto/summary.dto';

/**
 * The admin lists as CSV for spreadsheets: a header row of the JSON field names, RFC 4180 quoting
 * (csv-stringify), UTF-8 with a byte order mark so that Excel reads the names as written.
 */

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe: titles are anyone's text. */
const FORMULA_START = /^[=+\-@\t\r]/;
const safe = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  return typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
};

function csv<T>(columns: readonly (readonly [string, (row: T) => unknown])[], rows: readonly T[]): string {
  const header = columns.map(([name]) => name);
  const records = rows.map((row) => columns.map(([, get]) => safe(get(row))));
  return stringify([header, ...records], { bom: true, record_delimiter: 'windows' });
}

const TASK_COLUMNS: readonly (readonly [string, (t: AdminTaskView) => unknown])[] = [
  ['taskId', (t) => t.taskId],
  ['proposalId', (t) => t.proposalId],
  ['proposalTitle', (t) => t.proposalTitle],
  ['unitName', (t) => t.unitName],
  ['stageName', (t) => t.stageName],
  ['round', (t) => t.round],
  ['positionTitle', (t) => t.positionTitle],
  ['assigneeName', (t) => t.assigneeName],
  ['capacity', (t) => t.capacity],
  ['status', (t) => t.status],
  ['createdAt', (t) => t.createdAt],
  ['dueAt', (t) => t.dueAt],
  ['decidedAt', (t) => t.decidedAt],
  ['ageWorkingDays', (t) => t.ageWorkingDays],
  ['ageSeconds', (t) => t.ageSeconds],
  ['overdueSeconds', (t) => t.overdueSeconds],
  ['escalationLevel', (t) => t.escalationLevel],
  ['stuckReason', (t) => t.stuckReason?.kind],
  ['stuckSince', (t) => t.stuckReason?.since],
  ['stuckWorkingDays', (t) => t.stuckReason?.workingDays],
];

const SUMMARY_COLUMNS: readonly (readonly [string, (r: SummaryRowView) => unknown])[] = [
  ['unitId', (r) => r.unitId],
  ['unitName', (r) => r.unitName],
  ['stageName', (r) => r.stageName],
  ['open', (r) => r.open],
  ['overdue', (r) => r.overdue],
  ['escalated', (r) => r.escalated],
  ['stuck', (r) => r.stuck],
  ['vacant', (r) => r.vacant],
  ['oldestAgeSeconds', (r) => r.oldestAgeSeconds],
];

export const tasksCsv = (rows: readonly AdminTaskView[]): string => csv(TASK_COLUMNS, rows);
export const summaryCsv = (rows: readonly SummaryRowView[]): string => csv(SUMMARY_COLUMNS, rows);

/** A file name for the download: what it is and the day in Jakarta, e.g. `tugas-overdue-2026-03-11.csv`. */
export const csvFileName = (what: string, now: Date) => `${what}-${new Date(now.getTime() + JAKARTA_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10)}.csv`;

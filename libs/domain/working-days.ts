/**
 * Working days (hari kerja) between two instants, as an Indonesian office counts them: Monday to
 * Friday in Asia/Jakarta, less the holidays given. A span counts the time it covers on working days
 * only, so a task opened on Friday afternoon and looked at on Monday morning has waited less than one
 * working day, not three days.
 */

const DAY_MS = 24 * 3600 * 1000;

/** Asia/Jakarta (WIB) is UTC+7 all year: Indonesia has had no daylight saving time since 1964. */
export const JAKARTA_UTC_OFFSET_MINUTES = 7 * 60;

export interface WorkingDayOptions {
  /** Days off that fall on weekdays, as local dates `YYYY-MM-DD` (the holiday calendar of a later issue). */
  holidays?: Iterable<string>;
  /** The office's offset from UTC; Asia/Jakarta by default. */
  utcOffsetMinutes?: number;
}

/** The local date `YYYY-MM-DD` of a local day number (days since 1970-01-01). */
const localDate = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** 1970-01-01 was a Thursday: day 0 is weekday 4 (Sunday = 0). */
const isWeekend = (day: number) => {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
};

/**
 * The working days covered by [from, to), as a fraction (1 = one whole working day of 24 hours).
 * Zero when `to` is not after `from`.
 */
export function workingDaysBetween(from: Date, to: Date, options: WorkingDayOptions = {}): number {
  const offset = (options.utcOffsetMinutes ?? JAKARTA_UTC_OFFSET_MINUTES) * 60_000;
  const start = from.getTime() + offset;
  const end = to.getTime() + offset;
  if (!(end > start)) return 0;
  const holidays = new Set(options.holidays ?? []);
  let covered = 0;
  for (let day = Math.floor(start / DAY_MS); day * DAY_MS < end; day++) {
    if (isWeekend(day) || (holidays.size > 0 && holidays.has(localDate(day)))) continue;
    covered += Math.min(end, (day + 1) * DAY_MS) - Math.max(start, day * DAY_MS);
  }
  return covered / DAY_MS;
}

/** Whole working days completed in [from, to): what "3 hari kerja" says; 0 reads "kurang dari 1 hari kerja". */
export const wholeWorkingDays = (from: Date, to: Date, options?: WorkingDayOptions): number =>
  // A hair of rounding slack, so 3 × 24 h of weekdays is 3 and not 2.9999999.
  Math.floor(workingDaysBetween(from, to, options) + 1e-9);

/**
 * A stage's durations (Batas Waktu, the grace period of a timeout) as the form edits them: whole days
 * and hours, converted to and from the ISO-8601 durations the API stores (P2DT4H). The API also
 * accepts weeks, minutes and seconds; a duration the two inputs cannot show exactly is kept as written
 * (`raw`) until the administrator replaces it.
 */

/** The two inputs, as typed (empty means zero), or a duration kept as written. */
export interface DurationFields {
  days: string;
  hours: string;
  raw: string | null;
}

export const EMPTY_DURATION: DurationFields = { days: '', hours: '', raw: null };

const ISO = /^P(?!$)(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const HOUR = 3600;
const DAY = 24 * HOUR;

/** Whole days and hours of an ISO-8601 duration, or null when it is not one or has minutes or seconds left over. */
export function isoToDaysHours(iso: string): { days: number; hours: number } | null {
  const m = ISO.exec(iso);
  if (!m) return null;
  const n = (x: string | undefined) => (x ? Number(x) : 0);
  const seconds = (n(m[1]) * 7 + n(m[2])) * DAY + n(m[3]) * HOUR + n(m[4]) * 60 + n(m[5]);
  if (!Number.isSafeInteger(seconds) || seconds % HOUR !== 0) return null;
  return { days: Math.floor(seconds / DAY), hours: (seconds % DAY) / HOUR };
}

/** The ISO-8601 duration of whole days and hours ("P2DT4H", "P2D", "PT4H"); null for no time at all. */
export function daysHoursToIso(days: number, hours: number): string | null {
  const total = days * 24 + hours;
  if (total <= 0) return null;
  const d = Math.floor(total / 24);
  const h = total % 24;
  return `P${d ? `${d}D` : ''}${h ? `T${h}H` : ''}`;
}

/** The inputs showing a stored duration (absent: both empty). */
export function durationFields(iso: unknown): DurationFields {
  if (iso === undefined || iso === null) return EMPTY_DURATION;
  const parts = typeof iso === 'string' ? isoToDaysHours(iso) : null;
  if (!parts) return { days: '', hours: '', raw: String(iso) };
  return { days: parts.days ? String(parts.days) : '', hours: parts.hours ? String(parts.hours) : '', raw: null };
}

export type DurationProblem = 'wholeNumber' | 'hoursRange';

/** What the inputs mean: a duration (null for none), or why they cannot be read. */
export function readDuration(fields: DurationFields): { ok: true; iso: string | null } | { ok: false; problem: DurationProblem } {
  if (fields.raw !== null) return { ok: true, iso: fields.raw };
  const whole = (text: string) => (text.trim() === '' ? 0 : /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : NaN);
  const days = whole(fields.days);
  const hours = whole(fields.hours);
  if (Number.isNaN(days) || Number.isNaN(hours)) return { ok: false, problem: 'wholeNumber' };
  // More than 23 hours is a day: asking for it keeps one way of writing each duration.
  if (hours > 23) return { ok: false, problem: 'hoursRange' };
  return { ok: true, iso: daysHoursToIso(days, hours) };
}

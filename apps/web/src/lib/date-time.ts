import { numberLocale } from './format';

/** Indonesia's three zones by their own names; the zones of other places by their offset. */
export const INDONESIAN_ZONES: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Ujung_Pandang': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/**
 * The label of a time zone at a moment: WIB, WITA or WIT in Indonesia, else the offset from UTC
 * ("UTC+1", "UTC−3:30", "UTC"), so that an approver in another zone is not misled by a bare hour.
 */
export function zoneLabel(timeZone: string, at: Date): string {
  const named = INDONESIAN_ZONES[timeZone];
  if (named) return named;
  const offset = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!m || (m[2] === '00' && m[3] === '00')) return 'UTC';
  const hours = String(Number(m[2]));
  return `UTC${m[1] === '-' ? '−' : '+'}${hours}${m[3] === '00' ? '' : `:${m[3]}`}`;
}

/** A moment in the reader's language and time zone, with the zone named: "7 Des 2026 09.15 WIB". */
export function formatDateTime(date: Date, language: string, timeZone: string): string {
  const locale = numberLocale(language);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(date);
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(date);
  return `${day} ${time} ${zoneLabel(timeZone, date)}`;
}

/** The reader's time zone, as the browser knows it. */
export const readerTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

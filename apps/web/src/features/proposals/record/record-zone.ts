import { INDONESIAN_ZONES } from '@apps/web/src/lib/date-time';

/** The Indonesian time zones the API prints a record in (GET /api/proposals/:id/record.pdf?tz=). */
export const RECORD_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type RecordZone = (typeof RECORD_ZONES)[number];

/** Each of Indonesia's zones by its name, as the API accepts it. */
const BY_NAME: Record<string, RecordZone> = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' };

/** The zone to print a reader's record in: theirs when it is one of Indonesia's, else WIB (Jakarta). */
export function recordZone(readerZone: string): RecordZone {
  return BY_NAME[INDONESIAN_ZONES[readerZone] ?? 'WIB'];
}

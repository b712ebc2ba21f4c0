/** The Indonesian time zones the API prints a record in (GET /api/proposals/:id/record.pdf?tz=). */
export const RECORD_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type RecordZone = (typeof RECORD_ZONES)[number];

const ALIASES: Record<string, RecordZone> = { 'Asia/Pontianak': 'Asia/Jakarta', 'Asia/Ujung_Pandang': 'Asia/Makassar' };

/** The zone to print a reader's record in: theirs when it is one of Indonesia's, else WIB (Jakarta). */
export function recordZone(readerZone: string): RecordZone {
  if ((RECORD_ZONES as readonly string[]).includes(readerZone)) return readerZone as RecordZone;
  return ALIASES[readerZone] ?? 'Asia/Jakarta';
}

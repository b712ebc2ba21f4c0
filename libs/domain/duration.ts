/**
 * ISO-8601 durations for SLAs and reminders, limited to exact units (weeks, days, hours, minutes,
 * seconds): months and years have no fixed length and are refused rather than guessed.
 */
const PATTERN = /^P(?!$)(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function isIsoDuration(value: string): boolean {
  return PATTERN.test(value);
}

export function durationToMs(value: string): number {
  const m = PATTERN.exec(value);
  if (!m) throw new RangeError(`not an ISO-8601 duration of weeks, days, hours, minutes or seconds: ${value}`);
  const [, w, d, h, min, s] = m;
  const n = (x: string | undefined) => (x ? Number(x) : 0);
  return Math.round(((((n(w) * 7 + n(d)) * 24 + n(h)) * 60 + n(min)) * 60 + n(s)) * 1000);
}

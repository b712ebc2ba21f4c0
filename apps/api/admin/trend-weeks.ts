import { JAKARTA_UTC_OFFSET_MINUTES } from '@libs/domain/working-days';

const DAY_MS = 24 * 3600 * 1000;
const OFFSET_MS = JAKARTA_UTC_OFFSET_MINUTES * 60_000;

export interface TrendWeek {
  /** Monday 00:00 in Asia/Jakarta. */
  start: Date;
  /** The next Monday 00:00, or now for the week under way. */
  end: Date;
}

/**
 * The last `weeks` calendar weeks (Monday to Sunday, Asia/Jakarta) up to `now`, oldest first; the
 * last one is the week under way, cut at `now` so its counts are "so far".
 */
export function trendWeeks(now: Date, weeks: number): TrendWeek[] {
  const localDay = Math.floor((now.getTime() + OFFSET_MS) / DAY_MS);
  // Day 0 (1970-01-01) was a Thursday: Monday is 3 days before it in the week.
  const monday = localDay - ((((localDay + 3) % 7) + 7) % 7);
  const startOf = (k: number) => new Date((monday - 7 * k) * DAY_MS - OFFSET_MS);
  return Array.from({ length: weeks }, (_, i) => {
    const k = weeks - 1 - i;
    return { start: startOf(k), end: k === 0 ? now : startOf(k - 1) };
  });
}

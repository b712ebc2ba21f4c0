import { unprocessable } from '@libs/http/domain-error';

export const DEFAULT_RANGE_DAYS = 90;
const DAY_MS = 24 * 3600 * 1000;

/**
 * The range of decision times the statistics cover, with the defaults applied: up to now, and the 90
 * days before the end. `to` is exclusive, so consecutive ranges never count a decision twice.
 */
export function cycleTimeRange(query: { from?: string; to?: string }, now: Date): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
  if (from.getTime() >= to.getTime()) {
    throw unprocessable('VALIDATION_FAILED', 'The request has invalid fields.', [{ field: 'from', messages: ['from must be before to'] }]);
  }
  return { from, to };
}

import { DomainError } from '@libs/http/domain-error';
import { cycleTimeRange } from './cycle-time-range';

describe('cycleTimeRange', () => {
  const now = new Date('2026-05-01T10:00:00Z');

  it('defaults to the 90 days up to now', () => {
    expect(cycleTimeRange({}, now)).toEqual({ from: new Date('2026-01-31T10:00:00Z'), to: now });
  });

  it('counts the default start back from an explicit end', () => {
    expect(cycleTimeRange({ to: '2026-04-01T00:00:00+07:00' }, now)).toEqual({
      from: new Date('2025-12-31T17:00:00Z'),
      to: new Date('2026-03-31T17:00:00Z'),
    });
  });

  it('ends now when only the start is given, even a start long ago', () => {
    expect(cycleTimeRange({ from: '2020-01-01' }, now)).toEqual({ from: new Date('2020-01-01T00:00:00Z'), to: now });
  });

  it('refuses a start at or after the end, naming the field', () => {
    for (const query of [{ from: '2026-03-01', to: '2026-02-01' }, { from: '2026-03-01', to: '2026-03-01' }, { from: '2026-06-01' }]) {
      let error: unknown;
      try {
        cycleTimeRange(query, now);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 422, details: [{ field: 'from', messages: ['from must be before to'] }] });
    }
  });
});

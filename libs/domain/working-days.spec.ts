import { wholeWorkingDays, workingDaysBetween } from './working-days';

/** An instant given as Jakarta local time (WIB, UTC+7). */
const wib = (local: string) => new Date(`${local}+07:00`);

describe('working days in Asia/Jakarta', () => {
  it('counts whole weekdays', () => {
    // Monday 2026-03-02 09:00 to Thursday 09:00.
    expect(workingDaysBetween(wib('2026-03-02T09:00:00'), wib('2026-03-05T09:00:00'))).toBe(3);
    expect(wholeWorkingDays(wib('2026-03-02T09:00:00'), wib('2026-03-05T09:00:00'))).toBe(3);
  });

  it('skips the weekend: Friday afternoon to Monday morning is less than one working day', () => {
    const from = wib('2026-03-06T16:00:00');
    const to = wib('2026-03-09T10:00:00');
    // 8 hours of Friday and 10 of Monday.
    expect(workingDaysBetween(from, to)).toBeCloseTo(18 / 24, 10);
    expect(wholeWorkingDays(from, to)).toBe(0);
  });

  it('counts nothing for a span that lies within a weekend', () => {
    expect(workingDaysBetween(wib('2026-03-07T08:00:00'), wib('2026-03-08T20:00:00'))).toBe(0);
  });

  it('counts a full week as five working days', () => {
    expect(workingDaysBetween(wib('2026-03-02T00:00:00'), wib('2026-03-09T00:00:00'))).toBe(5);
    expect(wholeWorkingDays(wib('2026-03-02T00:00:00'), wib('2026-03-23T00:00:00'))).toBe(15);
  });

  it('places day boundaries at Jakarta midnight, not UTC midnight', () => {
    // Saturday 00:30 in Jakarta is still Friday 17:30 UTC: no working time in that half hour.
    expect(workingDaysBetween(wib('2026-03-07T00:00:00'), wib('2026-03-07T00:30:00'))).toBe(0);
    // Friday 23:00 to Saturday 01:00 in Jakarta: one hour of Friday.
    expect(workingDaysBetween(wib('2026-03-06T23:00:00'), wib('2026-03-07T01:00:00'))).toBeCloseTo(1 / 24, 10);
  });

  it('leaves out the holidays given, as local dates', () => {
    const from = wib('2026-03-16T09:00:00');
    const to = wib('2026-03-20T09:00:00');
    expect(wholeWorkingDays(from, to)).toBe(4);
    // A holiday on Thursday takes one day off.
    expect(workingDaysBetween(from, to, { holidays: ['2026-03-19'] })).toBe(3);
    // Thursday and Friday off: 15 hours of Monday, Tuesday and Wednesday.
    expect(workingDaysBetween(from, to, { holidays: ['2026-03-19', '2026-03-20'] })).toBeCloseTo(63 / 24, 10);
    // A holiday on a Saturday changes nothing.
    expect(workingDaysBetween(from, to, { holidays: ['2026-03-21'] })).toBe(4);
  });

  it('is zero when the end is not after the start', () => {
    expect(workingDaysBetween(wib('2026-03-05T09:00:00'), wib('2026-03-02T09:00:00'))).toBe(0);
    expect(workingDaysBetween(wib('2026-03-05T09:00:00'), wib('2026-03-05T09:00:00'))).toBe(0);
  });

  it('takes another offset when asked', () => {
    // 2026-03-06 is a Friday: in UTC, 20:00–04:00 covers 4 hours of Friday and none of Saturday.
    const from = new Date('2026-03-06T20:00:00Z');
    const to = new Date('2026-03-07T04:00:00Z');
    expect(workingDaysBetween(from, to, { utcOffsetMinutes: 0 })).toBeCloseTo(4 / 24, 10);
    // In Jakarta the same span is Saturday 03:00–11:00.
    expect(workingDaysBetween(from, to)).toBe(0);
  });
});

import { trendWeeks } from './trend-weeks';

const wib = (local: string) => new Date(`${local}+07:00`);

describe('trendWeeks', () => {
  it('gives weeks from Monday 00:00 in Jakarta, oldest first, the last cut at now', () => {
    // Wednesday 2026-03-11, 10:00 in Jakarta.
    const now = wib('2026-03-11T10:00:00');
    expect(trendWeeks(now, 3)).toEqual([
      { start: wib('2026-02-23T00:00:00'), end: wib('2026-03-02T00:00:00') },
      { start: wib('2026-03-02T00:00:00'), end: wib('2026-03-09T00:00:00') },
      { start: wib('2026-03-09T00:00:00'), end: now },
    ]);
  });

  it('starts the week on Monday in Jakarta even while it is still Sunday in UTC', () => {
    // Monday 2026-03-09 03:00 in Jakarta is Sunday 20:00 UTC.
    const now = wib('2026-03-09T03:00:00');
    expect(trendWeeks(now, 1)).toEqual([{ start: wib('2026-03-09T00:00:00'), end: now }]);
  });

  it('keeps Sunday night in the week that began on Monday', () => {
    const now = wib('2026-03-15T23:59:00');
    expect(trendWeeks(now, 1)[0].start).toEqual(wib('2026-03-09T00:00:00'));
  });

  it('gives eight weeks when asked for eight', () => {
    const weeks = trendWeeks(new Date('2026-03-11T03:00:00Z'), 8);
    expect(weeks).toHaveLength(8);
    for (let i = 1; i < weeks.length; i++) expect(weeks[i].start).toEqual(weeks[i - 1].end);
  });
});

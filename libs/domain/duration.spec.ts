import { durationToMs, isIsoDuration } from './duration';

describe('ISO-8601 durations', () => {
  it.each([
    ['P2D', 2 * 86_400_000],
    ['P1W', 7 * 86_400_000],
    ['PT30S', 30_000],
    ['PT1.5S', 1_500],
    ['P1DT2H3M', 86_400_000 + 2 * 3_600_000 + 3 * 60_000],
  ])('%s is %d ms', (text, ms) => {
    expect(durationToMs(text)).toBe(ms);
  });

  it.each(['', 'P', 'PT', '2D', 'P1M', 'P1Y', 'P1DT', 'PT-5S', 'p2d'])('refuses %j', (text) => {
    expect(isIsoDuration(text)).toBe(false);
    expect(() => durationToMs(text)).toThrow(RangeError);
  });
});

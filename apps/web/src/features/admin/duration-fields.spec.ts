import { describe, expect, it } from '@jest/globals';
import { daysHoursToIso, durationFields, isoToDaysHours, readDuration } from './duration-fields';

describe('duration fields (days and hours ↔ ISO-8601)', () => {
  it('writes whole days and hours as the shortest ISO-8601 duration', () => {
    expect(daysHoursToIso(2, 4)).toBe('P2DT4H');
    expect(daysHoursToIso(3, 0)).toBe('P3D');
    expect(daysHoursToIso(0, 12)).toBe('PT12H');
    expect(daysHoursToIso(0, 0)).toBeNull();
  });

  it('reads days and hours back, counting weeks as seven days and whole hours of minutes', () => {
    expect(isoToDaysHours('P2DT4H')).toEqual({ days: 2, hours: 4 });
    expect(isoToDaysHours('P1W')).toEqual({ days: 7, hours: 0 });
    expect(isoToDaysHours('PT36H')).toEqual({ days: 1, hours: 12 });
    expect(isoToDaysHours('PT120M')).toEqual({ days: 0, hours: 2 });
  });

  it('cannot show durations with minutes or seconds left over, or text that is no duration', () => {
    expect(isoToDaysHours('PT30M')).toBeNull();
    expect(isoToDaysHours('PT2S')).toBeNull();
    expect(isoToDaysHours('P1DT1H0.5S')).toBeNull();
    expect(isoToDaysHours('besok')).toBeNull();
    expect(isoToDaysHours('P1M')).toBeNull();
    expect(isoToDaysHours('P')).toBeNull();
  });

  it('round-trips every whole number of days and hours', () => {
    for (const days of [0, 1, 5, 30, 366]) {
      for (const hours of [0, 1, 23]) {
        const iso = daysHoursToIso(days, hours);
        expect(iso === null ? { days: 0, hours: 0 } : isoToDaysHours(iso)).toEqual({ days, hours });
      }
    }
  });

  it('fills the inputs from a stored duration, keeping one they cannot show as written', () => {
    expect(durationFields(undefined)).toEqual({ days: '', hours: '', raw: null });
    expect(durationFields('P2DT4H')).toEqual({ days: '2', hours: '4', raw: null });
    expect(durationFields('PT12H')).toEqual({ days: '', hours: '12', raw: null });
    expect(durationFields('PT3S')).toEqual({ days: '', hours: '', raw: 'PT3S' });
  });

  it('reads the inputs, refusing what is not a whole number and hours past 23', () => {
    expect(readDuration({ days: '2', hours: '4', raw: null })).toEqual({ ok: true, iso: 'P2DT4H' });
    expect(readDuration({ days: ' 5 ', hours: '', raw: null })).toEqual({ ok: true, iso: 'P5D' });
    expect(readDuration({ days: '', hours: '', raw: null })).toEqual({ ok: true, iso: null });
    expect(readDuration({ days: '', hours: '', raw: 'PT3S' })).toEqual({ ok: true, iso: 'PT3S' });
    expect(readDuration({ days: '1.5', hours: '', raw: null })).toEqual({ ok: false, problem: 'wholeNumber' });
    expect(readDuration({ days: '-1', hours: '', raw: null })).toEqual({ ok: false, problem: 'wholeNumber' });
    expect(readDuration({ days: 'dua', hours: '', raw: null })).toEqual({ ok: false, problem: 'wholeNumber' });
    expect(readDuration({ days: '1', hours: '24', raw: null })).toEqual({ ok: false, problem: 'hoursRange' });
  });
});

import { describe, expect, it } from '@jest/globals';
import { formatDateTime, zoneLabel } from './date-time';

const moment = new Date('2026-12-07T02:15:00Z');

describe('times with their zone', () => {
  it('names Indonesia’s zones WIB, WITA and WIT', () => {
    expect(zoneLabel('Asia/Jakarta', moment)).toBe('WIB');
    expect(zoneLabel('Asia/Pontianak', moment)).toBe('WIB');
    expect(zoneLabel('Asia/Makassar', moment)).toBe('WITA');
    expect(zoneLabel('Asia/Jayapura', moment)).toBe('WIT');
  });

  it('gives other zones their offset from UTC at that moment (summer time included)', () => {
    expect(zoneLabel('Europe/Amsterdam', moment)).toBe('UTC+1');
    expect(zoneLabel('Europe/Amsterdam', new Date('2026-07-01T12:00:00Z'))).toBe('UTC+2');
    expect(zoneLabel('Asia/Kolkata', moment)).toBe('UTC+5:30');
    expect(zoneLabel('America/St_Johns', moment)).toBe('UTC−3:30');
    expect(zoneLabel('UTC', moment)).toBe('UTC');
  });

  it('writes the date and time in the reader’s language and zone, the zone named', () => {
    expect(formatDateTime(moment, 'id', 'Asia/Jakarta')).toBe('7 Des 2026 09.15 WIB');
    expect(formatDateTime(moment, 'id', 'Asia/Jayapura')).toBe('7 Des 2026 11.15 WIT');
    expect(formatDateTime(moment, 'en', 'Asia/Makassar')).toBe('7 Dec 2026 10:15 WITA');
    expect(formatDateTime(moment, 'en', 'Europe/Amsterdam')).toBe('7 Dec 2026 03:15 UTC+1');
  });
});

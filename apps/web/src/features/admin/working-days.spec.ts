import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import i18next from 'i18next';
import { formatWorkingDays } from './working-days';

/** An i18next instance with the app's admin strings of one language. */
function translator(lang: 'id' | 'en') {
  const admin = JSON.parse(readFileSync(join(__dirname, '..', '..', 'locales', lang, 'admin.json'), 'utf8'));
  const i18n = i18next.createInstance();
  void i18n.init({ lng: lang, resources: { [lang]: { admin } }, ns: ['admin'], defaultNS: 'admin', initAsync: false, interpolation: { escapeValue: false } });
  return i18n.t;
}

describe('formatWorkingDays', () => {
  it('says the days in Bahasa Indonesia', () => {
    const t = translator('id');
    expect(formatWorkingDays(3, t)).toBe('3 hari kerja');
    expect(formatWorkingDays(1, t)).toBe('1 hari kerja');
    expect(formatWorkingDays(0, t)).toBe('kurang dari 1 hari kerja');
  });

  it('says the days in English, singular and plural', () => {
    const t = translator('en');
    expect(formatWorkingDays(3, t)).toBe('3 working days');
    expect(formatWorkingDays(1, t)).toBe('1 working day');
    expect(formatWorkingDays(0, t)).toBe('less than 1 working day');
  });

  it('counts only whole days', () => {
    expect(formatWorkingDays(2.9, translator('id'))).toBe('2 hari kerja');
    expect(formatWorkingDays(0.99, translator('en'))).toBe('less than 1 working day');
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const LOCALES = join(__dirname, '..', 'locales');
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every key of a locale file, plural forms counted as one (languages need different ones). */
function keys(value: unknown, prefix = ''): string[] {
  if (!value || typeof value !== 'object') return [prefix.replace(PLURAL, '')];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const read = (lang: string, file: string) => [...new Set(keys(JSON.parse(readFileSync(join(LOCALES, lang, file), 'utf8'))))].sort();

describe('locale files', () => {
  // lib/i18n.ts loads only the chosen language (no fallback language is fetched), so a key missing
  // from one language would show as a bare key.
  it('Bahasa Indonesia and English have the same files and the same keys', () => {
    const files = readdirSync(join(LOCALES, 'id')).sort();
    expect(readdirSync(join(LOCALES, 'en')).sort()).toEqual(files);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect({ file, keys: read('en', file) }).toEqual({ file, keys: read('id', file) });
  });
});

import { describe, expect, it } from '@jest/globals';
import { recordZone } from './record-zone';

describe('recordZone: the time zone a printed record uses', () => {
  it("takes the reader's Indonesian zone", () => {
    expect(recordZone('Asia/Jakarta')).toBe('Asia/Jakarta');
    expect(recordZone('Asia/Makassar')).toBe('Asia/Makassar');
    expect(recordZone('Asia/Jayapura')).toBe('Asia/Jayapura');
    expect(recordZone('Asia/Pontianak')).toBe('Asia/Jakarta');
    expect(recordZone('Asia/Ujung_Pandang')).toBe('Asia/Makassar');
  });

  it('prints in WIB for a reader outside Indonesia', () => {
    expect(recordZone('Europe/Amsterdam')).toBe('Asia/Jakarta');
    expect(recordZone('UTC')).toBe('Asia/Jakarta');
  });
});

import { describe, expect, it } from '@jest/globals';
import { formatRupiah, magnitudeOf, parseRupiah } from './money';

const value = (text: string) => {
  const r = parseRupiah(text);
  return r.ok ? r.value : r.problem;
};

describe('parseRupiah: amounts as written in Indonesia', () => {
  it.each([
    ['75000000', 75_000_000],
    ['75.000.000', 75_000_000],
    ['Rp 75.000.000', 75_000_000],
    ['Rp. 75.000.000,-', 75_000_000],
    ['rp75.000.000,00', 75_000_000],
    ['IDR 75.000.000', 75_000_000],
    ['  75.000  ', 75_000],
    ['75.000.000,50', 75_000_000.5],
    ['75000000,5', 75_000_000.5],
    ['75000000.25', 75_000_000.25],
    ['Rp75 juta', 75_000_000],
    ['Rp 75 juta', 75_000_000],
    ['75 jt', 75_000_000],
    ['75jt', 75_000_000],
    ['1,5 miliar', 1_500_000_000],
    ['1,5 milyar', 1_500_000_000],
    ['1.5 M', 1_500_000_000],
    ['2 Miliar', 2_000_000_000],
    ['250 ribu', 250_000],
    ['250 rb', 250_000],
    ['250rb', 250_000],
    ['1,1 juta', 1_100_000],
    ['1,2345678 juta', 1_234_567.8],
    ['1.500 juta', 1_500_000_000],
    ['1,25 triliun', 1_250_000_000_000],
    ['75,000,000', 75_000_000],
    ['75,000,000.50', 75_000_000.5],
    ['2 million', 2_000_000],
    ['0', 0],
    ['1.000 triliun', 1e15],
  ])('reads %j as %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each([
    ['tujuh puluh lima juta', 'format'],
    ['', 'format'],
    ['Rp', 'format'],
    ['75.00.000', 'format'],
    ['75.0000', 'format'],
    ['7,5,0', 'format'],
    ['1,5,', 'format'],
    ['-75000', 'format'],
    ['75 kilo', 'format'],
    ['75m', 'format'],
    ['75 juta rupiah', 'format'],
    ['1e6', 'format'],
    ['75..000', 'format'],
    ['0,001', 'decimals'],
    ['1,255', 'decimals'],
    ['1,234567891 juta', 'decimals'],
    ['1.001 triliun', 'max'],
    ['2000000000000000', 'max'],
  ])('refuses %j (%s)', (text, problem) => {
    expect(value(text)).toBe(problem);
  });

  it('reads back what it writes', () => {
    for (const n of [0, 5, 75_000_000, 75_000_000.5, 1_234_567.89, 1e15]) expect(value(formatRupiah(n))).toBe(n);
  });
});

describe('formatRupiah and magnitudeOf', () => {
  it('writes rupiah the Indonesian way, with sen only when there are any', () => {
    expect(formatRupiah(75_000_000)).toBe('Rp 75.000.000');
    expect(formatRupiah(1500.5)).toBe('Rp 1.500,50');
    expect(formatRupiah(999)).toBe('Rp 999');
    expect(formatRupiah(1e15)).toBe('Rp 1.000.000.000.000.000');
  });

  it('says the amount in its largest unit, rounded to two decimals', () => {
    expect(magnitudeOf(75_000_000, ',')).toEqual({ amount: '75', unit: 'million', exact: true });
    expect(magnitudeOf(1_500_000_000, ',')).toEqual({ amount: '1,5', unit: 'billion', exact: true });
    expect(magnitudeOf(1_500_000_000, '.')).toEqual({ amount: '1.5', unit: 'billion', exact: true });
    expect(magnitudeOf(1_100_000, ',')).toEqual({ amount: '1,1', unit: 'million', exact: true });
    expect(magnitudeOf(1_234_567, ',')).toEqual({ amount: '1,23', unit: 'million', exact: false });
    expect(magnitudeOf(250_000, ',')).toEqual({ amount: '250', unit: 'thousand', exact: true });
    expect(magnitudeOf(999_999_999, ',')).toEqual({ amount: '1', unit: 'billion', exact: false });
    expect(magnitudeOf(1e15, ',')).toEqual({ amount: '1.000', unit: 'trillion', exact: true });
    expect(magnitudeOf(999, ',')).toBeNull();
  });
});

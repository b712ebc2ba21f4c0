/**
 * Rupiah amounts as people in Indonesia write them, read and written without React: "75.000.000",
 * "Rp 75.000.000,-", "Rp75 juta", "75 jt", "1,5 miliar", "1.5 M", "250 rb". The notation is the
 * Indonesian one in either UI language (the amount is in rupiah): "." groups thousands and ","
 * marks decimals. Arithmetic is done on the digits, not on floating-point numbers, so "1,1 juta"
 * is exactly 1100000.
 */

/** Why a text is not an amount: not a number at all, more than two decimals (sen), over the limit. */
export type RupiahProblem = 'format' | 'decimals' | 'max';
export type RupiahReading = { ok: true; value: number } | { ok: false; problem: RupiahProblem };

/** The API's limit (numeric(18, 2) holds it with room to spare). */
export const RUPIAH_MAX = 1e15;

/** Powers of ten the words stand for. Lower-case "m" is not here: "75m" reads as 75 million in English, as 75 miliar in Indonesian. */
const MULTIPLIERS: Record<string, number> = {
  ribu: 3, rb: 3, k: 3, thousand: 3,
  juta: 6, jt: 6, million: 6,
  miliar: 9, milyar: 9, M: 9, b: 9, bn: 9, billion: 9,
  triliun: 12, t: 12, tn: 12, trillion: 12,
};

const multiplierOf = (word: string): number | undefined => MULTIPLIERS[word] ?? (word === 'M' ? undefined : MULTIPLIERS[word.toLowerCase()]);

/** "75.000.000" → ["75", "000", "000"]: a first group of one to three digits, then groups of three. */
const groupsValid = (groups: string[]) => /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));

/** The number's integer and fraction digits, or null when the separators make no sense. */
function digitsOf(number: string): { int: string; frac: string } | null {
  const dots = number.split('.').length - 1;
  const commas = number.split(',').length - 1;
  let grouping: string | null = null;
  let decimal: string | null = null;
  if (dots > 0 && commas > 0) {
    // Both: the one that comes last marks the decimals (75.000.000,50, or 75,000,000.50 as English writes it).
    decimal = number.lastIndexOf(',') > number.lastIndexOf('.') ? ',' : '.';
    grouping = decimal === ',' ? '.' : ',';
  } else if (dots > 1 || commas > 1) {
    grouping = dots > 1 ? '.' : ',';
  } else if (dots === 1) {
    // One dot: thousands before three digits (75.000), decimals before one or two (1.5 M).
    const after = number.length - number.indexOf('.') - 1;
    if (after === 3) grouping = '.';
    else if (after <= 2) decimal = '.';
    else return null;
  } else if (commas === 1) {
    decimal = ',';
  }
  const [whole, frac = '', ...extra] = decimal ? number.split(decimal) : [number];
  if (extra.length > 0 || (decimal && frac === '') || !/^\d*$/.test(frac)) return null;
  const groups = grouping ? whole!.split(grouping) : [whole!];
  if (!(grouping ? groupsValid(groups) : /^\d+$/.test(whole!))) return null;
  return { int: groups.join(''), frac };
}

/** Moves the decimal point `shift` places to the right, on the digits. */
function scaled({ int, frac }: { int: string; frac: string }, shift: number): { int: string; frac: string } {
  const padded = frac.padEnd(shift, '0');
  return { int: (int + padded.slice(0, shift)).replace(/^0+(?=\d)/, '') || '0', frac: padded.slice(shift).replace(/0+$/, '') };
}

const AMOUNT = /^(\d[\d.,]*)\s*([a-zA-Z]+)?$/;

/** Reads what the proposer typed as an amount of rupiah. */
export function parseRupiah(text: string): RupiahReading {
  const t = text
    .trim()
    .replace(/^(?:rp\.?|idr)\s*/i, '')
    // "Rp 75.000.000,-" (no sen) and "75.000.000,00".
    .replace(/[.,]-$/, '')
    .trim();
  const m = AMOUNT.exec(t);
  if (!m) return { ok: false, problem: 'format' };
  const shift = m[2] === undefined ? 0 : multiplierOf(m[2]);
  if (shift === undefined) return { ok: false, problem: 'format' };
  const digits = digitsOf(m[1]!);
  if (!digits || digits.int.length > 30) return { ok: false, problem: 'format' };
  const { int, frac } = scaled(digits, shift);
  if (frac.length > 2) return { ok: false, problem: 'decimals' };
  const value = Number(frac ? `${int}.${frac}` : int);
  if (value > RUPIAH_MAX) return { ok: false, problem: 'max' };
  return { ok: true, value };
}

/** Digits in groups of three: 75000000 → "75.000.000". */
const grouped = (digits: string, separator: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/** An amount written the Indonesian way, which `parseRupiah` reads back: "Rp 75.000.000", "Rp 1.500,50". */
export function formatRupiah(value: number): string {
  const [int, frac] = value.toFixed(2).split('.') as [string, string];
  return `Rp ${grouped(int, '.')}${frac === '00' ? '' : `,${frac}`}`;
}

export type MagnitudeUnit = 'thousand' | 'million' | 'billion' | 'trillion';
const MAGNITUDES: [MagnitudeUnit, number][] = [
  ['trillion', 1e12],
  ['billion', 1e9],
  ['million', 1e6],
  ['thousand', 1e3],
];

/**
 * The amount in the largest unit that fits, to two decimals, the way it is said ("75 juta",
 * "1,5 miliar"); the unit's word comes from the reader's language. Null below a thousand.
 * `exact` is false when the figure is rounded.
 */
export function magnitudeOf(value: number, decimalSeparator: string): { amount: string; unit: MagnitudeUnit; exact: boolean } | null {
  for (const [i, [unit, size]] of MAGNITUDES.entries()) {
    if (value < size) continue;
    const rounded = Math.round((value / size) * 100) / 100;
    // 999.999.999 rounds to 1000 juta: say 1 miliar instead.
    if (rounded >= 1000 && i > 0) return { amount: '1', unit: MAGNITUDES[i - 1]![0], exact: false };
    const [int, frac] = rounded.toFixed(2).split('.') as [string, string];
    const trimmed = frac.replace(/0+$/, '');
    return { amount: `${grouped(int, decimalSeparator === ',' ? '.' : ',')}${trimmed ? `${decimalSeparator}${trimmed}` : ''}`, unit, exact: Math.abs(rounded * size - value) < size * 1e-6 };
  }
  return null;
}

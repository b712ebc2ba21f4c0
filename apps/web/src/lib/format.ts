import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** Numbers as the reader's language writes them. */
export const numberLocale = (language: string) => (language === 'en' ? 'en-GB' : 'id-ID');

const UNITS = [
  ['days', 86400],
  ['hours', 3600],
  ['minutes', 60],
  ['seconds', 1],
] as const;

/** A span of time as people say it, the two largest units: "3 hari 4 jam", "5 menit", "12 detik". */
export function formatDuration(totalSeconds: number, t: TFunction): string {
  if (totalSeconds > 0 && totalSeconds < 1) return t('duration.lessThanSecond', { ns: 'common' });
  let rest = Math.max(0, Math.round(totalSeconds));
  if (rest === 0) return t('duration.seconds', { ns: 'common', count: 0 });
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0 && parts.length < 2) {
      parts.push(t(`duration.${unit}`, { ns: 'common', count: n }));
      rest -= n * size;
    } else if (parts.length > 0) {
      // Stop at the first gap: "2 hari" rather than "2 hari 0 jam 5 detik".
      break;
    }
  }
  return parts.join(' ');
}

const ISO = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const ISO_UNITS = ['weeks', 'days', 'hours', 'minutes', 'seconds'] as const;

/** An ISO-8601 duration of a template (P2D, PT12H, P1W) in words; as written when it is some other form. */
export function formatIsoDuration(value: string | null | undefined, t: TFunction): string {
  if (!value) return '';
  const m = ISO.exec(value);
  if (!m) return value;
  const parts = ISO_UNITS.flatMap((unit, i) => (Number(m[i + 1] ?? 0) ? [t(`duration.${unit}`, { ns: 'common', count: Number(m[i + 1]) })] : []));
  return parts.length ? parts.join(' ') : value;
}

/** Rupiah in the reader's language. */
export function useMoney(): (n: number) => string {
  const { i18n } = useTranslation();
  return (n) => new Intl.NumberFormat(numberLocale(i18n.language), { style: 'currency', currency: 'IDR', maximumFractionDigits: 2 }).format(n);
}

/** A unit as an option of a list in tree order, indented by its depth. */
export const unitLabel = (u: { name: string; depth: number }) => `${'\u00a0\u00a0'.repeat(u.depth)}${u.name}`;

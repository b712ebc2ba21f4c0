import type { TFunction } from 'i18next';

const UNITS = [
  ['days', 86400],
  ['hours', 3600],
  ['minutes', 60],
  ['seconds', 1],
] as const;

/** A span of time as people say it, the two largest units: "3 hari 4 jam", "5 menit", "12 detik". */
export function formatDuration(totalSeconds: number, t: TFunction): string {
  if (totalSeconds > 0 && totalSeconds < 1) return t('duration.lessThanSecond', { ns: 'admin' });
  let rest = Math.max(0, Math.round(totalSeconds));
  if (rest === 0) return t('duration.seconds', { ns: 'admin', count: 0 });
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0 && parts.length < 2) {
      parts.push(t(`duration.${unit}`, { ns: 'admin', count: n }));
      rest -= n * size;
    } else if (parts.length > 0) {
      // Stop at the first gap: "2 hari" rather than "2 hari 0 jam 5 detik".
      break;
    }
  }
  return parts.join(' ');
}

const ISO = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** An ISO-8601 duration of a template (P2D, PT12H, P1W) in words; as written when it is some other form. */
export function formatIsoDuration(value: string | undefined, t: TFunction): string {
  if (!value) return '';
  const m = ISO.exec(value);
  if (!m) return value;
  const [w, d, h, min, s] = m.slice(1).map((x) => Number(x ?? 0));
  const parts = [
    w ? t('duration.weeks', { ns: 'admin', count: w }) : '',
    d ? t('duration.days', { ns: 'admin', count: d }) : '',
    h ? t('duration.hours', { ns: 'admin', count: h }) : '',
    min ? t('duration.minutes', { ns: 'admin', count: min }) : '',
    s ? t('duration.seconds', { ns: 'admin', count: s }) : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : value;
}

import type { TFunction } from 'i18next';

/**
 * A span of working days as people say it: "3 hari kerja", "kurang dari 1 hari kerja" (English: "3
 * working days", "less than 1 working day"). The API counts the days (Monday–Friday in
 * Asia/Jakarta, without holidays) and sends whole days; a wait shows in days, never in minutes and
 * seconds.
 */
export function formatWorkingDays(days: number, t: TFunction): string {
  const whole = Math.floor(days);
  return whole < 1 ? t('workingDays.lessThanOne', { ns: 'admin' }) : t('workingDays.count', { ns: 'admin', count: whole });
}

import { useTranslation } from 'react-i18next';
import { numberLocale } from '@apps/web/src/lib/format';

/** A date and time in the reader's language, e.g. "23 Nov 2026 16.42". */
export function DateTime({ value }: { value: string | null | undefined }) {
  const { i18n } = useTranslation();
  if (!value) return <span>—</span>;
  const date = new Date(value);
  const text = new Intl.DateTimeFormat(numberLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  return <time dateTime={date.toISOString()}>{text}</time>;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`status.${status}`, { defaultValue: status })}</span>;
}

export function CapacityLabel({ capacity, onBehalfOf }: { capacity: string | null | undefined; onBehalfOf?: string | null }) {
  const { t } = useTranslation();
  if (!capacity) return null;
  return <span className="capacity">{t(`capacity.${capacity}`, { name: onBehalfOf ?? '' })}</span>;
}

import { useTranslation } from 'react-i18next';
import { formatDateTime, readerTimeZone } from '@apps/web/src/lib/date-time';

/** A date and time in the reader's language and time zone, the zone named: "7 Des 2026 09.15 WIB". */
export function DateTime({ value }: { value: string | null | undefined }) {
  const { i18n } = useTranslation();
  if (!value) return <span>—</span>;
  const date = new Date(value);
  const text = formatDateTime(date, i18n.language, readerTimeZone());
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

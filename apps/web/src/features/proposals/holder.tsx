import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import { CapacityLabel, DateTime, ErrorMessage } from '../../components/common';
import type { FieldMessage } from './proposal-form';

export const NS = 'proposals';

/** Loads one API resource; `reload` fetches it again. A response that arrives after the page moved on is dropped. */
export function useResource<T>(path: string | null): { data: T | null; error: unknown; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    setError(null);
    void api<T>(path)
      .then((d) => live && setData(d))
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [path, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, reload };
}

/** Who holds a task: the person (or "jabatan kosong"), the capacity they act in, and the post. */
export function Holder({
  name,
  capacity,
  onBehalfOfName,
  positionTitle,
}: {
  name: string | null;
  capacity: string | null;
  onBehalfOfName?: string | null;
  positionTitle: string | null;
}) {
  const { t } = useTranslation(NS);
  return (
    <span className="holder">
      {name ? <strong className="holder-name">{name}</strong> : <strong className="holder-vacant">{t('holder.vacant')}</strong>}
      {name && capacity ? (
        <span className="holder-capacity">
          <CapacityLabel capacity={capacity} onBehalfOf={onBehalfOfName ?? t('holder.someone')} />
        </span>
      ) : null}
      {positionTitle ? <span className="holder-post">{positionTitle}</span> : null}
    </span>
  );
}

/** A due date (Jatuh Tempo), marked when it has passed. */
export function Due({ at, overdue }: { at: string | null; overdue: boolean }) {
  const { t } = useTranslation(NS);
  if (!at) return <span className="muted">{t('none')}</span>;
  return (
    <span className={overdue ? 'due overdue-label' : 'due'}>
      <DateTime value={at} />
      {overdue ? <span className="overdue-tag"> · {t('holder.overdue')}</span> : null}
    </span>
  );
}

/** An API failure: the codes of this area in the reader's language, the rest as the common component says them. */
export function ProposalError({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation(NS);
  if (!error) return null;
  if (error instanceof ApiError && i18n.exists(`errors.${error.code}`, { ns: NS })) {
    return (
      <div className="alert alert-error" role="alert">
        <p>{t(`errors.${error.code}`)}</p>
        {error.correlationId ? <p className="muted small">{t('errors.reference', { ns: 'common', id: error.correlationId })}</p> : null}
      </div>
    );
  }
  return <ErrorMessage error={error} />;
}

/** One field message in the reader's language (or the API's words when the form does not know them). */
export function useMessageText(): (m: FieldMessage) => string {
  const { t } = useTranslation(NS);
  return (m) => m.raw ?? t(`validation.${m.key}`, m.params ?? {});
}

/** Rupiah in the reader's language. */
export function useMoney(): (n: number) => string {
  const { i18n } = useTranslation();
  return (n) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 2 }).format(n);
}

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** An ISO-8601 SLA ("P3D", "PT4H") as people say it: "3 hari", "4 hours". */
export function useDuration(): (iso: string) => string {
  const { t } = useTranslation(NS);
  return (iso) => {
    const m = DURATION.exec(iso);
    if (!m) return iso;
    const units = ['weeks', 'days', 'hours', 'minutes', 'seconds'] as const;
    const parts = units.flatMap((unit, i) => (m[i + 1] ? [t(`duration.${unit}`, { count: Number(m[i + 1]) })] : []));
    return parts.length ? parts.join(' ') : iso;
  };
}

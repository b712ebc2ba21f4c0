import { ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';

/** A page: its heading (h1, focus target for screen readers after navigation) and the document title. */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Estafet`;
  }, [title]);
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title" tabIndex={-1}>
          {title}
        </h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('loading')}
    </p>
  );
}

/** An API failure as users read it: a known code in their language, else the API's own sentence. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  const text = e ? t(`errors.${e.code}`, { defaultValue: e.status === 0 ? t('errors.NETWORK') : e.message }) : t('errors.UNKNOWN');
  return (
    <div className="alert alert-error" role="alert">
      <p>{text}</p>
      {e?.correlationId ? <p className="muted small">{t('errors.reference', { id: e.correlationId })}</p> : null}
    </div>
  );
}

/** A date and time in the reader's language, e.g. "23 Nov 2026 16.42". */
export function DateTime({ value }: { value: string | null | undefined }) {
  const { i18n } = useTranslation();
  if (!value) return <span>—</span>;
  const date = new Date(value);
  const text = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
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

import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { ErrorMessage } from '../../components/common';

/**
 * An API refusal explained in the reader's language: a code this area knows (`refusals.<CODE>` in its
 * namespace, with the API's details such as who decided) else the app-wide message.
 */
export function AreaError({ error, ns }: { error: unknown; ns: 'tasks' | 'admin' }) {
  const { t, i18n } = useTranslation(ns);
  if (!error) return null;
  if (error instanceof ApiError && i18n.exists(`refusals.${error.code}`, { ns })) {
    const details = (error.details && typeof error.details === 'object' && !Array.isArray(error.details) ? error.details : {}) as Record<string, unknown>;
    const name = (k: string) => (typeof details[k] === 'string' ? (details[k] as string) : '');
    const variant = name('decidedBy') ? 'decidedBy' : name('escalatedTo') ? 'escalatedTo' : name('reassignedTo') ? 'reassignedTo' : null;
    const key = variant && i18n.exists(`refusals.${error.code}_${variant}`, { ns }) ? `refusals.${error.code}_${variant}` : `refusals.${error.code}`;
    return (
      <div className="alert alert-error" role="alert">
        <p>{t(key, { name: variant ? name(variant) : '' })}</p>
        {error.correlationId ? <p className="muted small">{t('errors.reference', { ns: 'common', id: error.correlationId })}</p> : null}
      </div>
    );
  }
  return <ErrorMessage error={error} />;
}

/** The field-level messages of a 422 for one field, if any. */
export function fieldMessages(error: unknown, field: string): string[] {
  return error instanceof ApiError ? (error.fields[field] ?? []) : [];
}

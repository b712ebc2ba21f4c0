import { useTranslation } from 'react-i18next';
import { ApiError, errorText, retryable } from '@apps/web/src/lib/errors';

/** The namespaces whose `refusals.<CODE>` explain an API refusal in that area's words. */
export type RefusalNamespace = 'proposals' | 'tasks' | 'admin';

/**
 * An API failure as users read it, in their language (lib/errors.ts `errorText` picks the words: the
 * area's `refusals.<CODE>`, else an app-wide `errors.<CODE>`, else what the status means — never the
 * API's own sentence). The correlation id to quote below it; with `onRetry` (a page that could not be
 * loaded: useApi's `reload`), a "Coba lagi" button when trying again may help (offline, server trouble).
 */
export function ErrorMessage({ error, ns, onRetry }: { error: unknown; ns?: RefusalNamespace; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  const message = errorText(error, ns, (key, inNs) => i18n.exists(key, { ns: inNs }));
  return (
    <div className="alert alert-error" role="alert">
      <p>{t(message.key, { ns: message.ns, ...message.values })}</p>
      {e?.correlationId ? <p className="muted small">{t('errors.reference', { id: e.correlationId })}</p> : null}
      {onRetry && retryable(error) ? (
        <p>
          <button type="button" onClick={onRetry}>
            {t('errors.retry')}
          </button>
        </p>
      ) : null}
    </div>
  );
}

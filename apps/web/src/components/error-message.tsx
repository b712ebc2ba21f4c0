import { useTranslation } from 'react-i18next';
import { ApiError } from '@apps/web/src/lib/errors';

/** The namespaces whose `refusals.<CODE>` explain an API refusal in that area's words. */
export type RefusalNamespace = 'proposals' | 'tasks' | 'admin';

/** Who a refusal names, in the order a message prefers them (`refusals.<CODE>_<variant>`). */
const VARIANTS = ['decidedBy', 'escalatedTo', 'reassignedTo'] as const;

/**
 * An API failure as users read it. A code the area knows (`refusals.<CODE>` in `ns`, with the
 * person the API's details name, such as who decided) in the area's words; else a code known
 * app-wide (`errors.<CODE>`), else the API's own sentence. The correlation id to quote below it.
 */
export function ErrorMessage({ error, ns }: { error: unknown; ns?: RefusalNamespace }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  let text: string;
  if (e && ns && i18n.exists(`refusals.${e.code}`, { ns })) {
    const details = (e.details && typeof e.details === 'object' && !Array.isArray(e.details) ? e.details : {}) as Record<string, unknown>;
    const name = (k: string) => (typeof details[k] === 'string' ? (details[k] as string) : '');
    const variant = VARIANTS.find((v) => name(v)) ?? null;
    const key = variant && i18n.exists(`refusals.${e.code}_${variant}`, { ns }) ? `refusals.${e.code}_${variant}` : `refusals.${e.code}`;
    text = t(key, { ns, name: variant ? name(variant) : '' });
  } else {
    text = e ? t(`errors.${e.code}`, { defaultValue: e.status === 0 ? t('errors.NETWORK') : e.message }) : t('errors.UNKNOWN');
  }
  return (
    <div className="alert alert-error" role="alert">
      <p>{text}</p>
      {e?.correlationId ? <p className="muted small">{t('errors.reference', { id: e.correlationId })}</p> : null}
    </div>
  );
}

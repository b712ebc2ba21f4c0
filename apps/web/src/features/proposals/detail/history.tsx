import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import type { HistoryEventView, ProposalView, VerificationView } from '@apps/web/src/lib/api-types';
import { NS } from '../proposal-values';
import { TimelineEntry } from './timeline-entry';

/** Riwayat: the timeline of the record, with whether its hash chain verifies. */
export function History({
  proposal: p,
  history,
  historyError,
  verification,
  verifyError,
}: {
  proposal: ProposalView;
  history: HistoryEventView[] | null;
  historyError: unknown;
  verification: VerificationView | null;
  verifyError: unknown;
}) {
  const { t } = useTranslation(NS);
  const bySeq = useMemo(() => new Map((history ?? []).map((e) => [e.seq, e])), [history]);
  return (
    <section aria-labelledby="history-title">
      <div className="section-head">
        <h2 id="history-title">{t('history.title')}</h2>
        {verification ? (
          verification.valid ? (
            <span className="badge badge-verified" role="status" data-testid="history-verified" title={t('history.verifiedHint', { count: verification.count })}>
              ✓ {t('history.verified')}
            </span>
          ) : (
            <span className="badge badge-broken" role="alert" data-testid="history-broken">
              ⚠ {t('history.broken')}
              {verification.brokenAt ? ` — ${t('history.brokenAt', { seq: verification.brokenAt.seq, reason: verification.brokenAt.reason })}` : ''}
            </span>
          )
        ) : verifyError ? (
          <span className="badge badge-broken" role="alert">
            ⚠ {t('history.verifyFailed')}
          </span>
        ) : (
          <span className="muted small" role="status">
            {t('history.verifying')}
          </span>
        )}
      </div>
      {verification?.valid ? <p className="muted small">{t('history.verifiedHint', { count: verification.count })}</p> : null}
      {historyError ? <ErrorMessage error={historyError} ns="proposals" /> : null}
      <ol className="timeline" data-testid="timeline">
        {p.timeline.map((item) => (
          <TimelineEntry key={item.seq} item={item} event={bySeq.get(item.seq)} />
        ))}
      </ol>
    </section>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { DateTime, StatusBadge } from '@apps/web/src/components/labels';
import { Loading, Page } from '@apps/web/src/components/page';
import { query } from '@apps/web/src/lib/api';
import type { HistoryEventView, ProposalView, UnitListView, VerificationView } from '@apps/web/src/lib/api-types';
import { readerTimeZone } from '@apps/web/src/lib/date-time';
import { downloadFile } from '@apps/web/src/lib/download';
import { useApi } from '@apps/web/src/lib/use-api';
import { Contents } from '../detail/contents';
import { NS } from '../proposal-values';
import { RecordChain } from './record-chain';
import { RecordHistory, RecordVerification } from './record-history';
import { recordZone } from './record-zone';

/**
 * Cetak: a proposal's record on one page to print (the print stylesheet leaves out the menus and the
 * buttons) or to download as a PDF the API makes: the content, the chain and its decisions, the whole
 * Riwayat and whether it is intact.
 */
export function RecordPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(NS);
  const proposal = useApi<ProposalView>(`/api/proposals/${id}`);
  const history = useApi<HistoryEventView[]>(`/api/proposals/${id}/history`);
  const verify = useApi<VerificationView>(`/api/proposals/${id}/history/verify`);
  const units = useApi<UnitListView>('/api/units');
  const [printedAt] = useState(() => new Date().toISOString());
  const [busy, setBusy] = useState(false);
  const [pdfError, setPdfError] = useState<unknown>(null);
  const p = proposal.data;

  useEffect(() => {
    if (p) document.title = `${t('record.kicker')}: ${p.title} · Estafet`;
  }, [p, t]);

  if (!p) {
    return (
      <Page title={t('record.pageTitle')}>
        {proposal.error ? <ErrorMessage error={proposal.error} ns="proposals" onRetry={proposal.reload} /> : <Loading />}
      </Page>
    );
  }

  const downloadPdf = async () => {
    setBusy(true);
    setPdfError(null);
    try {
      await downloadFile(`/api/proposals/${p.id}/record.pdf${query({ tz: recordZone(readerTimeZone()) })}`, 'application/pdf', `riwayat-usulan-${p.id}.pdf`);
    } catch (err) {
      setPdfError(err);
    } finally {
      setBusy(false);
    }
  };
  const actions = (
    <div className="no-print button-row" role="group" aria-label={t('record.actions')}>
      <button type="button" className="primary" onClick={() => window.print()}>
        {t('record.print')}
      </button>
      <button type="button" onClick={() => void downloadPdf()} disabled={busy} aria-busy={busy || undefined}>
        {busy ? t('record.pdfBusy') : t('record.pdf')}
      </button>
    </div>
  );

  return (
    <Page title={p.title} actions={actions}>
      <div className="record-page">
        <p className="no-print">
          <Link to={`/usulan/${p.id}`}>{t('record.back')}</Link>
        </p>
        <ErrorMessage error={pdfError} ns="proposals" />
        <p className="record-kicker">{t('record.kicker')}</p>
        <dl className="facts card record-facts" aria-label={t('record.facts')}>
          <div>
            <dt>{t('detail.facts.proposer')}</dt>
            <dd>{p.proposerName ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('detail.facts.unit')}</dt>
            <dd>{p.unitName ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('detail.facts.status')}</dt>
            <dd>
              <StatusBadge status={p.status} />
            </dd>
          </div>
          <div>
            <dt>{t('detail.facts.chain')}</dt>
            <dd>{p.chain ? t('record.chainVersion', { name: p.chain.name, version: p.chain.version }) : '—'}</dd>
          </div>
          <div>
            <dt>{t('detail.facts.round')}</dt>
            <dd>{p.round}</dd>
          </div>
          <div>
            <dt>{t('detail.facts.version')}</dt>
            <dd>{p.version}</dd>
          </div>
          {p.submittedAt ? (
            <div>
              <dt>{t('detail.facts.submittedAt')}</dt>
              <dd>
                <DateTime value={p.submittedAt} />
              </dd>
            </div>
          ) : null}
          {p.decidedAt ? (
            <div>
              <dt>{t('detail.facts.decidedAt')}</dt>
              <dd>
                <DateTime value={p.decidedAt} />
              </dd>
            </div>
          ) : null}
        </dl>

        <Contents proposal={p} units={units.data?.items ?? null} />

        <section aria-labelledby="record-chain-title">
          <h2 id="record-chain-title">{t('record.chain')}</h2>
          <RecordChain proposal={p} />
        </section>

        <section aria-labelledby="record-history-title">
          <h2 id="record-history-title">{t('record.history')}</h2>
          <RecordVerification verification={verify.data} error={verify.error} />
          <ErrorMessage error={history.error} ns="proposals" />
          <RecordHistory timeline={p.timeline} history={history.data} />
        </section>
        <p className="muted small record-printed">
          {t('record.printedAt')} <DateTime value={printedAt} />
        </p>
      </div>
    </Page>
  );
}

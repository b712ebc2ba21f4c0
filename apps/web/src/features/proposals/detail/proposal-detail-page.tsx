import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { Loading, Page } from '@apps/web/src/components/page';
import { api } from '@apps/web/src/lib/api';
import type { Decision, HistoryEventView, ProposalView, TaskPageView, UnitListView, VerificationView } from '@apps/web/src/lib/api-types';
import { useAuth } from '@apps/web/src/lib/session';
import { useApi } from '@apps/web/src/lib/use-api';
import { NS, WITHDRAWABLE_STATUSES } from '../proposal-values';
import { Contents } from './contents';
import { DecisionPanel } from './decision-panel';
import { submittedFacts } from './decision-outcome';
import { History } from './history';
import { ProposalFacts } from './proposal-facts';
import { RoundChanges } from './round-changes';
import { Stages } from './stages';
import { latestResubmission } from './version-diff';
import { WithdrawForm } from './withdraw-form';

/** After an action the page reloads what it shows; until the answers come, it keeps showing the last ones. */
const KEEP = { keepPrevious: true };

/**
 * Detail usulan: who proposed what, from round 2 on what changed since the round before, the content,
 * the chain stage by stage, the signed-in approver's decision (Keputusan Anda), and the verified Riwayat.
 */
export function ProposalDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(NS);
  const { user, refreshOpenTasks } = useAuth();
  const location = useLocation();
  const proposal = useApi<ProposalView>(`/api/proposals/${id}`, KEEP);
  const history = useApi<HistoryEventView[]>(`/api/proposals/${id}/history`, KEEP);
  const verify = useApi<VerificationView>(`/api/proposals/${id}/history/verify`, KEEP);
  const units = useApi<UnitListView>('/api/units', KEEP);
  // My open tasks on this proposal: whether I decide here, and on which task (asked once the proposal is found).
  const found = proposal.data?.id === id;
  const myTasks = useApi<TaskPageView>(found ? `/api/tasks?proposalId=${encodeURIComponent(id)}&pageSize=100` : null, KEEP);
  const [decided, setDecided] = useState<{ decision: Decision; title: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(() => (location.state as { flash?: string } | null)?.flash ?? null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [withdrawOpen, setWithdrawOpen] = useState(false);

  const { reload: reloadProposal } = proposal;
  const { reload: reloadHistory } = history;
  const { reload: reloadVerify } = verify;
  const { reload: reloadMyTasks } = myTasks;
  const reloadAll = useCallback(() => {
    reloadProposal();
    reloadHistory();
    reloadVerify();
    reloadMyTasks();
  }, [reloadProposal, reloadHistory, reloadVerify, reloadMyTasks]);
  const comparison = useMemo(() => latestResubmission(history.data ?? []), [history.data]);

  // Just submitted: the approval workflow is starting and opens the first stage in a moment.
  useEffect(() => {
    if (proposal.data?.status !== 'submitted') return;
    const timer = setTimeout(reloadAll, 1000);
    return () => clearTimeout(timer);
  }, [proposal.data, reloadAll]);

  const p = proposal.data;
  if (!p) {
    return (
      <Page title={t('detail.loadingTitle')}>
        {proposal.error ? (
          <>
            <ErrorMessage error={proposal.error} ns="proposals" onRetry={reloadAll} />
            <Link to="/usulan">{t('form.backToList')}</Link>
          </>
        ) : (
          <Loading />
        )}
      </Page>
    );
  }

  const mine = user?.id === p.proposerId;
  const submitDraft = async () => {
    setBusy(true);
    setActionError(null);
    setNotice(null);
    try {
      await api(`/api/proposals/${p.id}/submit`, { method: 'POST' });
      setNotice('submitted');
      reloadAll();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  };

  const actions = mine ? (
    <>
      {p.status === 'draft' ? (
        <>
          <Link className="button-link" to={`/usulan/${p.id}/ubah`}>
            {t('detail.actions.edit')}
          </Link>
          <button type="button" className="primary" disabled={busy} onClick={() => void submitDraft()}>
            {t('detail.actions.submit')}
          </button>
        </>
      ) : null}
      {p.status === 'returned' ? (
        <Link className="button-link primary" to={`/usulan/${p.id}/ubah`}>
          {t('detail.actions.editResubmit')}
        </Link>
      ) : null}
      {WITHDRAWABLE_STATUSES.includes(p.status) && !withdrawOpen ? (
        <button type="button" className="danger" onClick={() => setWithdrawOpen(true)}>
          {t('detail.actions.withdraw')}
        </button>
      ) : null}
    </>
  ) : null;

  const openTasks = p.tasks.filter((task) => task.status === 'open');
  const custody = new Map(p.custody.map((c) => [c.taskId, c]));
  const myOpenTasks = myTasks.data?.items ?? [];
  const decide = myOpenTasks.length > 0 ? (
    <a className="button-link primary" href="#keputusan">
      {t('decide.jump')}
    </a>
  ) : null;

  return (
    <Page
      title={p.title}
      actions={
        actions || decide ? (
          <>
            {actions}
            {decide}
          </>
        ) : null
      }
    >
      {decided ? (
        <p className="alert alert-ok" role="status" data-testid="decided-notice">
          {t(`decide.done.${decided.decision}`, { ns: 'tasks', title: decided.title })} <Link to="/tugas">{t('decide.backToTasks')}</Link>
        </p>
      ) : null}
      {notice ? (
        <p className="alert alert-ok" role="status">
          {t(`flash.${notice}`)}
        </p>
      ) : null}
      <ErrorMessage error={actionError} ns="proposals" />
      {withdrawOpen && mine ? (
        <WithdrawForm
          proposalId={p.id}
          onCancel={() => setWithdrawOpen(false)}
          onDone={() => {
            setWithdrawOpen(false);
            setNotice('withdrawn');
            reloadAll();
          }}
        />
      ) : null}
      {p.status === 'returned' && mine ? <p className="alert alert-warn">{t('detail.returnedHint')}</p> : null}

      <ProposalFacts proposal={p} openTasks={openTasks} custody={custody} />
      {p.round > 1 && comparison ? <RoundChanges proposalId={p.id} comparison={comparison} units={units.data?.items ?? null} /> : null}
      <Stages proposal={p} custody={custody} />
      <Contents proposal={p} units={units.data?.items ?? null} />
      <ErrorMessage error={myTasks.error} ns="tasks" onRetry={myTasks.reload} />
      {myOpenTasks.length > 0 ? (
        <DecisionPanel
          proposal={p}
          tasks={myOpenTasks}
          facts={submittedFacts(history.data, p)}
          custody={custody}
          onDecided={(task, decision) => {
            setDecided({ decision, title: task.proposalTitle });
            setNotice(null);
            reloadAll();
            refreshOpenTasks();
            window.scrollTo({ top: 0 });
          }}
        />
      ) : null}
      <History proposal={p} history={history.data} historyError={history.error} verification={verify.data} verifyError={verify.error} />
      <p className="no-print">
        <Link to={`/usulan/${p.id}/cetak`}>{t('record.link')}</Link>
      </p>
    </Page>
  );
}

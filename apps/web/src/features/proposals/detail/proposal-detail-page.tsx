import { FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api, ApiError } from '../../api';
import { useAuth } from '../../auth';
import { CapacityLabel, DateTime, Loading, Page, StatusBadge } from '../../components/common';
import { LIMITS } from './proposal-form';
import { Due, Holder, NS, ProposalError, useDuration, useMessageText, useMoney, useResource } from './shared';
import { ChainStage, CustodyEntry, FINAL_STATUSES, HistoryEvent, Proposal, TaskSummary, TimelineItem, Unit, Verification } from './types';
import './proposals.css';

type StageState = 'pending' | 'open' | 'approved' | 'rejected' | 'returned' | 'skipped' | 'blocked' | 'stopped';

/** What each stage event of the record says about its stage. */
const STAGE_EVENTS: Record<string, StageState> = {
  'stage.opened': 'open',
  'stage.approved': 'approved',
  'stage.rejected': 'rejected',
  'stage.returned': 'returned',
  'stage.skipped': 'skipped',
  'stage.blocked': 'blocked',
};

const WITHDRAWABLE = ['submitted', 'in_review', 'returned'];

const isOverdue = (dueAt: string | null) => dueAt !== null && new Date(dueAt).getTime() < Date.now();
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/**
 * Where each stage stands, from the last stage event of the record (opened, approved, returned,
 * skipped…); without the record, from the tasks.
 */
function stageStates(proposal: Proposal, history: HistoryEvent[] | null): Map<number, StageState> {
  const states = new Map<number, StageState>();
  if (history) {
    for (const e of history) {
      const index = e.data.stageIndex;
      if (typeof index !== 'number') continue;
      const state = STAGE_EVENTS[e.type];
      if (state) states.set(index, state);
    }
  } else {
    for (const task of proposal.tasks) {
      if (task.status === 'open') states.set(task.stageIndex, 'open');
      else if (!states.has(task.stageIndex) && task.decision) states.set(task.stageIndex, task.decision === 'approve' ? 'approved' : task.decision === 'reject' ? 'rejected' : 'returned');
    }
  }
  // A stage left open by a withdrawal or cancellation stopped there.
  for (const [index, state] of states) if (state === 'open' && FINAL_STATUSES.includes(proposal.status)) states.set(index, 'stopped');
  return states;
}

/** Detail usulan: the content, the chain stage by stage, and the verified Riwayat. */
export function ProposalDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(NS);
  const { user } = useAuth();
  const location = useLocation();
  const proposal = useResource<Proposal>(`/api/proposals/${id}`);
  const history = useResource<HistoryEvent[]>(`/api/proposals/${id}/history`);
  const verify = useResource<Verification>(`/api/proposals/${id}/history/verify`);
  const units = useResource<{ items: Unit[] }>('/api/units');
  const [notice, setNotice] = useState<string | null>(() => (location.state as { flash?: string } | null)?.flash ?? null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [withdrawOpen, setWithdrawOpen] = useState(false);

  const { reload: reloadProposal } = proposal;
  const { reload: reloadHistory } = history;
  const { reload: reloadVerify } = verify;
  const reloadAll = useCallback(() => {
    reloadProposal();
    reloadHistory();
    reloadVerify();
  }, [reloadProposal, reloadHistory, reloadVerify]);

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
            <ProposalError error={proposal.error} />
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
      {WITHDRAWABLE.includes(p.status) && !withdrawOpen ? (
        <button type="button" className="danger" onClick={() => setWithdrawOpen(true)}>
          {t('detail.actions.withdraw')}
        </button>
      ) : null}
    </>
  ) : null;

  const openTasks = p.tasks.filter((task) => task.status === 'open');
  const custody = new Map(p.custody.map((c) => [c.taskId, c]));
  const earliestDue = openTasks.map((task) => task.dueAt).filter((d): d is string => d !== null).sort()[0] ?? null;

  return (
    <Page title={p.title} actions={actions}>
      {notice ? (
        <p className="alert alert-ok" role="status">
          {t(`flash.${notice}`)}
        </p>
      ) : null}
      <ProposalError error={actionError} />
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

      <section className="card facts" aria-label={t('detail.summary')}>
        <dl>
          <div className="fact-wide">
            <dt>{t('detail.facts.status')}</dt>
            <dd className="badges" data-testid="proposal-status">
              <StatusBadge status={p.status} />
              {p.escalated ? <span className="badge badge-escalated">{t('list.escalated')}</span> : null}
            </dd>
          </div>
          {p.currentStageName && !['draft', 'withdrawn'].includes(p.status) ? (
            <div>
              <dt>{t('detail.facts.currentStage')}</dt>
              <dd>{p.currentStageName}</dd>
            </div>
          ) : null}
          {openTasks.length > 0 ? (
            <div className="fact-wide">
              <dt>{t('list.col.holder')}</dt>
              <dd>
                <ul className="holders">
                  {openTasks.map((task) => (
                    <li key={task.id}>
                      <Holder name={task.assigneeName} capacity={task.capacity} onBehalfOfName={custody.get(task.id)?.onBehalfOf?.name} positionTitle={task.positionTitle} />
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
          {earliestDue ? (
            <div>
              <dt>{t('list.col.due')}</dt>
              <dd>
                <Due at={earliestDue} overdue={isOverdue(earliestDue)} />
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t('detail.facts.round')}</dt>
            <dd>{p.round}</dd>
          </div>
          <div>
            <dt>{t('detail.facts.version')}</dt>
            <dd>{p.version}</dd>
          </div>
          {p.chain ? (
            <div>
              <dt>{t('detail.facts.chain')}</dt>
              <dd>{p.chain.name}</dd>
            </div>
          ) : null}
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
      </section>

      <Stages proposal={p} history={history.data} custody={custody} />
      <Contents proposal={p} units={units.data?.items ?? null} />
      <History proposal={p} history={history.data} historyError={history.error} verification={verify.data} verifyError={verify.error} />
    </Page>
  );
}

function WithdrawForm({ proposalId, onCancel, onDone }: { proposalId: string; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation(NS);
  const messageText = useMessageText();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => input.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (reason.trim() === '') return setFieldError(messageText({ key: 'reasonRequired' }));
    if (reason.length > LIMITS.withdrawReason) return setFieldError(messageText({ key: 'maxLength', params: { n: LIMITS.withdrawReason } }));
    setFieldError(null);
    setBusy(true);
    try {
      await api(`/api/proposals/${proposalId}/withdraw`, { method: 'POST', body: { reason } });
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.fields.reason) setFieldError(messageText({ key: 'reasonRequired' }));
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card withdraw-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{t('withdraw.title')}</h2>
      <p>{t('withdraw.warning')}</p>
      <ProposalError error={error} />
      <div className="field">
        <label htmlFor="withdraw-reason">
          {t('withdraw.reason')}
          <span className="required-mark" aria-hidden="true">
            {' '}
            *
          </span>
        </label>
        <textarea
          id="withdraw-reason"
          ref={input}
          required
          value={reason}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? 'withdraw-reason-error' : undefined}
          onChange={(e) => {
            setReason(e.target.value);
            setFieldError(null);
          }}
        />
        {fieldError ? (
          <p className="field-error" id="withdraw-reason-error" role="alert">
            {fieldError}
          </p>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="danger" disabled={busy}>
          {t('withdraw.confirm')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('withdraw.cancel')}
        </button>
      </div>
    </form>
  );
}

function Stages({ proposal: p, history, custody }: { proposal: Proposal; history: HistoryEvent[] | null; custody: Map<string, CustodyEntry> }) {
  const { t } = useTranslation(NS);
  const duration = useDuration();
  const money = useMoney();
  const states = useMemo(() => stageStates(p, history), [p, history]);
  // The template's stages; a proposal without one (should not happen) shows the stages its tasks name.
  const stages: ChainStage[] =
    p.chain?.stages ??
    [...new Map(p.tasks.map((task) => [task.stageIndex, task.stageName])).entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, name]) => ({ index, key: String(index), name, mode: '', sla: null, approverCount: 0, mayReturn: false, requiresDefinitive: false, condition: null }));

  const modeText = (mode: string) => {
    if (mode === 'any' || mode === 'all') return t(`stages.mode.${mode}`);
    const quorum = /^quorum:(\d+)$/.exec(mode);
    return quorum ? t('stages.mode.quorum', { k: Number(quorum[1]) }) : mode;
  };
  const conditionText = (c: NonNullable<ChainStage['condition']>) => {
    if (c.field === 'budgetEstimate' && typeof c.value === 'number') return t('stages.condition.budget', { value: money(c.value) });
    if (c.field === 'category' && Array.isArray(c.value)) return t('stages.condition.category', { value: c.value.join(', ') });
    if (c.field === 'crossAgency') return t(c.value === true ? 'stages.condition.crossAgency' : 'stages.condition.singleAgency');
    return null;
  };

  return (
    <section aria-labelledby="stages-title">
      <h2 id="stages-title">{t('stages.title')}</h2>
      {stages.length === 0 ? <p className="muted">{t('stages.none')}</p> : null}
      <ol className="stages">
        {stages.map((stage) => {
          const state = states.get(stage.index) ?? 'pending';
          const tasks = p.tasks.filter((task) => task.stageIndex === stage.index);
          const rounds = [...new Set(tasks.map((task) => task.round))].sort((a, b) => a - b);
          return (
            <li key={stage.index} className={`stage stage-${state}`} data-testid={`stage-${stage.index}`}>
              <div className="stage-head">
                <span className="stage-number" aria-hidden="true">
                  {stage.index + 1}
                </span>
                <div className="stage-title">
                  <h3>
                    <span className="visually-hidden">{t('stages.stageN', { n: stage.index + 1 })}: </span>
                    {stage.name}
                  </h3>
                  <p className="stage-meta">
                    {[
                      stage.mode ? modeText(stage.mode) : null,
                      stage.sla ? t('stages.sla', { duration: duration(stage.sla) }) : null,
                      stage.requiresDefinitive ? t('stages.requiresDefinitive') : null,
                      stage.mayReturn ? t('stages.mayReturn') : null,
                      stage.condition ? conditionText(stage.condition) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                </div>
                <span className={`badge stage-state stage-state-${state}`}>{t(`stages.state.${state}`)}</span>
              </div>
              {tasks.length > 0 ? (
                rounds.map((round) => (
                  <div key={round} className="stage-round">
                    {rounds.length > 1 || round > 1 ? <p className="round-label">{t('stages.roundN', { n: round })}</p> : null}
                    <ul className="tasks">
                      {tasks
                        .filter((task) => task.round === round)
                        .map((task) => (
                          <TaskItem key={task.id} task={task} entry={custody.get(task.id)} previous={custody.get(custody.get(task.id)?.previousTaskId ?? '')} />
                        ))}
                    </ul>
                  </div>
                ))
              ) : state === 'pending' ? (
                <p className="muted small">{t('stages.notYet')}</p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function TaskItem({ task, entry, previous }: { task: TaskSummary; entry: CustodyEntry | undefined; previous: CustodyEntry | undefined }) {
  const { t } = useTranslation(NS);
  const decided = task.decision !== null && ['approved', 'rejected', 'returned'].includes(task.status);
  return (
    <li className={`task task-${task.status}`}>
      <Holder name={task.assigneeName} capacity={task.capacity} onBehalfOfName={entry?.onBehalfOf?.name} positionTitle={task.positionTitle} />
      <p className="task-state">
        {entry?.via === 'escalated' ? <span className="badge badge-escalated">{t('stages.escalated', { level: entry.escalationLevel })}</span> : null}
        {entry?.via === 'reassigned' ? (
          <span className="badge">{t('stages.reassignedFrom', { name: previous?.personName ?? t('holder.vacant') })}</span>
        ) : null}
        {task.status === 'open' ? (
          <>
            <span>{t('taskStatus.open')}</span>
            {task.dueAt ? (
              <span>
                {' · '}
                {t('list.col.due')}: <Due at={task.dueAt} overdue={isOverdue(task.dueAt)} />
              </span>
            ) : null}
          </>
        ) : decided ? (
          <>
            <strong>{t(`decision.${task.decision}`)}</strong>
            {task.decidedByName && task.decidedByName !== task.assigneeName ? <span> {t('stages.by', { name: task.decidedByName })}</span> : null}
            {task.decidedAt ? (
              <span>
                {' · '}
                <DateTime value={task.decidedAt} />
              </span>
            ) : null}
          </>
        ) : (
          <>
            <span>{t(`taskStatus.${task.status}`)}</span>
            {task.decidedAt ? (
              <span>
                {' · '}
                <DateTime value={task.decidedAt} />
              </span>
            ) : null}
          </>
        )}
      </p>
      {task.comment ? (
        <p className="comment">
          {t('history.comment')}: <q>{task.comment}</q>
        </p>
      ) : null}
    </li>
  );
}

function Contents({ proposal: p, units }: { proposal: Proposal; units: Unit[] | null }) {
  const { t } = useTranslation(NS);
  const money = useMoney();
  const unitName = (id: string) => units?.find((u) => u.id === id)?.name ?? id;
  const none = <span className="muted">{t('detail.notGiven')}</span>;
  const textOr = (value: string) => (value.trim() ? <p className="prose">{value}</p> : none);
  return (
    <section aria-labelledby="contents-title">
      <h2 id="contents-title">{t('detail.contents')}</h2>
      <div className="card">
        <dl className="content-list">
          <dt>{t('fields.problem')}</dt>
          <dd>{textOr(p.problem)}</dd>
          <dt>{t('fields.proposedChange')}</dt>
          <dd>{textOr(p.proposedChange)}</dd>
          <dt>{t('fields.goals')}</dt>
          <dd>{textOr(p.goals)}</dd>
          <dt>{t('fields.benefits')}</dt>
          <dd>{textOr(p.benefits)}</dd>
          <dt>{t('detail.classification')}</dt>
          <dd>
            <ul className="plain">
              <li>
                {t('fields.category')}: <code>{p.category}</code>
              </li>
              <li>
                {t('fields.type')}: {t(`values.type.${p.type}`, { defaultValue: p.type })}
              </li>
              <li>
                {t('fields.form')}: {t(`values.form.${p.form}`, { defaultValue: p.form })}
              </li>
              <li>
                {t('fields.initiatorKind')}: {t(`values.initiatorKind.${p.initiatorKind}`, { defaultValue: p.initiatorKind })}
              </li>
            </ul>
          </dd>
          <dt>{t('fields.budgetEstimate')}</dt>
          <dd>{p.budgetEstimate === null ? none : money(p.budgetEstimate)}</dd>
          <dt>{t('fields.pilotPlan')}</dt>
          <dd>{p.pilotPlan ? <p className="prose">{t('detail.pilot', { months: p.pilotPlan.durationMonths, scope: p.pilotPlan.scope })}</p> : none}</dd>
          <dt>{t('fields.risks')}</dt>
          <dd>{textOr(p.risks)}</dd>
          <dt>{t('fields.indicators')}</dt>
          <dd>
            {p.indicators.length === 0 ? (
              none
            ) : (
              <div className="table-wrap">
                <table className="responsive">
                  <thead>
                    <tr>
                      <th scope="col">{t('fields.indicatorName')}</th>
                      <th scope="col">{t('fields.baseline')}</th>
                      <th scope="col">{t('fields.target')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.indicators.map((row, i) => (
                      <tr key={`${i}-${row.name}`}>
                        <td data-label={t('fields.indicatorName')}>{row.name}</td>
                        <td data-label={t('fields.baseline')}>{row.baseline}</td>
                        <td data-label={t('fields.target')}>{row.target}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </dd>
          <dt>{t('fields.collaboratingUnits')}</dt>
          <dd>
            {p.collaboratingUnitIds.length === 0 ? (
              none
            ) : (
              <ul className="plain">
                {p.collaboratingUnitIds.map((id) => (
                  <li key={id}>{unitName(id)}</li>
                ))}
              </ul>
            )}
          </dd>
          <dt>{t('fields.attachments')}</dt>
          <dd>
            {p.attachments.length === 0 ? (
              none
            ) : (
              <ul className="plain">
                {p.attachments.map((a, i) => (
                  <li key={`${i}-${a.url}`}>
                    {/^https?:\/\//i.test(a.url) ? (
                      <a href={a.url} target="_blank" rel="noopener noreferrer">
                        {a.name}
                      </a>
                    ) : (
                      <span>
                        {a.name} ({a.url})
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      </div>
    </section>
  );
}

function History({
  proposal: p,
  history,
  historyError,
  verification,
  verifyError,
}: {
  proposal: Proposal;
  history: HistoryEvent[] | null;
  historyError: unknown;
  verification: Verification | null;
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
      {historyError ? <ProposalError error={historyError} /> : null}
      <ol className="timeline" data-testid="timeline">
        {p.timeline.map((item) => (
          <TimelineEntry key={item.seq} item={item} event={bySeq.get(item.seq)} />
        ))}
      </ol>
    </section>
  );
}

function TimelineEntry({ item, event }: { item: TimelineItem; event: HistoryEvent | undefined }) {
  const { t } = useTranslation(NS);
  const data = event?.data ?? {};
  const holderText = (value: unknown): string => {
    const h = (value ?? {}) as { name?: unknown; capacity?: unknown; onBehalfOf?: { name?: unknown } | null };
    const name = str(h.name);
    if (!name) return t('holder.vacant');
    const capacity = str(h.capacity);
    if (!capacity || capacity === 'definitif') return name;
    return t('history.holderAs', { name, capacity: t(`capacity.${capacity}`, { ns: 'common', name: str(h.onBehalfOf?.name) ?? t('holder.someone') }) });
  };
  const label =
    item.type === 'task.decided' && str(data.decision)
      ? t(`decision.${String(data.decision)}`, { defaultValue: item.label })
      : t(`events.${item.type.replace(/\./g, '_')}`, { defaultValue: item.label });
  let detail: string | null = null;
  if (item.type === 'task.reassigned') {
    const reason = str(data.reasonCode) ? t(`reassignReason.${String(data.reasonCode)}`, { defaultValue: item.reason ?? '' }) : t('events.task_reassigned');
    detail = event ? `${reason}: ${holderText(data.from)} → ${holderText(data.to)}` : (item.reason ?? null);
  } else if (item.type === 'task.escalated') {
    detail = t('history.escalatedTo', { name: str(data.toName) ?? t('holder.vacant') });
  } else if (item.reason) {
    detail = `${t('history.reason')}: ${item.reason}`;
  }
  return (
    <li className={`timeline-item event-${item.type.replace(/\./g, '-')}${str(data.decision) ? ` event-decision-${String(data.decision)}` : ''}`}>
      <div className="timeline-head">
        <strong>{label}</strong>
        <span className="muted small">
          <DateTime value={item.occurredAt} />
        </span>
      </div>
      <p className="timeline-who small">
        {item.actorName ? (
          <>
            <span>{item.actorName}</span>
            {item.capacity ? (
              <>
                {' · '}
                <CapacityLabel capacity={item.capacity} onBehalfOf={t('holder.someone')} />
              </>
            ) : null}
            {item.actorPositionTitle ? <span className="muted"> · {item.actorPositionTitle}</span> : null}
          </>
        ) : (
          <span className="muted">{t('history.system')}</span>
        )}
        {item.stageName ? <span className="muted"> · {item.round ? t('history.stageRound', { stage: item.stageName, round: item.round }) : item.stageName}</span> : null}
      </p>
      {detail ? <p className="small">{detail}</p> : null}
      {item.comment ? (
        <p className="comment small">
          {t('history.comment')}: <q>{item.comment}</q>
        </p>
      ) : null}
    </li>
  );
}

import { useTranslation } from 'react-i18next';
import { DateTime, StatusBadge } from '@apps/web/src/components/labels';
import type { CustodyEntryView, ProposalView, TaskSummaryView } from '@apps/web/src/lib/api-types';
import { Due, Holder, isOverdue } from '../holder';
import { NS } from '../proposal-values';

/** The summary of a proposal: status, who proposed it from which unit, current stage, who holds it now, Jatuh Tempo, round, version, chain and dates. */
export function ProposalFacts({ proposal: p, openTasks, custody }: { proposal: ProposalView; openTasks: TaskSummaryView[]; custody: Map<string, CustodyEntryView> }) {
  const { t } = useTranslation(NS);
  const earliestDue = openTasks.map((task) => task.dueAt).filter((d): d is string => d !== null).sort()[0] ?? null;
  return (
    <section className="card facts" aria-label={t('detail.summary')}>
      <dl>
        <div className="fact-wide">
          <dt>{t('detail.facts.status')}</dt>
          <dd className="badges" data-testid="proposal-status">
            <StatusBadge status={p.status} />
            {p.escalated ? <span className="badge badge-escalated">{t('list.escalated')}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('detail.facts.proposer')}</dt>
          <dd data-testid="proposal-proposer">{p.proposerName ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('detail.facts.unit')}</dt>
          <dd data-testid="proposal-unit">{p.unitName ?? '—'}</dd>
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
  );
}

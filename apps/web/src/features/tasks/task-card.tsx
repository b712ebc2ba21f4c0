import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CapacityLabel, DateTime, StatusBadge } from '@apps/web/src/components/labels';
import type { InboxTaskView } from '@apps/web/src/lib/api-types';
import { useMoney } from '@apps/web/src/lib/format';

/**
 * One task of Tugas Saya: the proposal (who proposed it, from which unit, for how much), where it
 * stands, in which capacity I hold it; and the one thing to do next: open the proposal and decide
 * there, with its content, its chain and what changed at hand.
 */
export function TaskCard({ task, delegator }: { task: InboxTaskView; delegator: string | null }) {
  const { t } = useTranslation('tasks');
  const money = useMoney();
  const open = task.status === 'open';
  const headingId = `task-${task.id}`;
  const href = `/usulan/${task.proposalId}`;
  return (
    <article className={`card task-card${task.overdue ? ' overdue' : ''}`} aria-labelledby={headingId} data-task-id={task.id}>
      <h2 id={headingId}>
        <Link to={href}>{task.proposalTitle}</Link>
      </h2>
      <div className="markers">
        {task.overdue ? (
          <span className="marker marker-overdue">
            <span aria-hidden="true">⚠ </span>
            {t('task.overdue')}
          </span>
        ) : null}
        {task.onEscalation ? (
          <span className="marker marker-escalated">
            <span aria-hidden="true">⤴ </span>
            {t('task.escalated')}
          </span>
        ) : null}
        {!open ? <StatusBadge status={task.status} /> : null}
      </div>
      <dl className="facts">
        <div>
          <dt>{t('task.proposer')}</dt>
          <dd>{task.proposerName ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('task.unit')}</dt>
          <dd>{task.unitName ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('task.stage')}</dt>
          <dd>
            {task.stageName}
            <span className={task.round > 1 ? 'task-round' : 'muted'}> · {t('task.round', { round: task.round })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('task.budget')}</dt>
          <dd>{task.budgetEstimate === null ? <span className="muted">{t('task.noBudget')}</span> : money(task.budgetEstimate)}</dd>
        </div>
        <div>
          <dt>{t('task.post')}</dt>
          <dd>{task.positionTitle}</dd>
        </div>
        <div>
          <dt>{t('task.capacity')}</dt>
          <dd>{task.capacity ? <CapacityLabel capacity={task.capacity} onBehalfOf={delegator ?? t('task.someone')} /> : '—'}</dd>
        </div>
        {open ? (
          <>
            <div>
              <dt>{t('task.due')}</dt>
              <dd>{task.dueAt ? <DateTime value={task.dueAt} /> : t('task.noDue')}</dd>
            </div>
            <div>
              <dt>{t('task.received')}</dt>
              <dd>
                <DateTime value={task.createdAt} />
              </dd>
            </div>
          </>
        ) : (
          <div>
            <dt>{t('task.decidedAt')}</dt>
            <dd>
              <DateTime value={task.decidedAt} />
            </dd>
          </div>
        )}
      </dl>
      <div className="task-action">
        <Link
          to={href}
          className={`button-link${open ? ' primary' : ''}`}
          aria-label={t(open ? 'task.openLabel' : 'task.viewLabel', { title: task.proposalTitle })}
        >
          {t(open ? 'task.open' : 'task.view')}
        </Link>
      </div>
    </article>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CapacityLabel, DateTime, StatusBadge } from '@apps/web/src/components/labels';
import type { Decision, InboxTaskView } from '@apps/web/src/lib/api-types';
import { DecisionForm } from './decision-form';

/** One task of Tugas Saya: the proposal, where it stands, in which capacity I hold it; open, its decision form. */
export function TaskCard({ task, delegator, onDecided }: { task: InboxTaskView; delegator: string | null; onDecided: (d: Decision) => void }) {
  const { t } = useTranslation('tasks');
  const open = task.status === 'open';
  const headingId = `task-${task.id}`;
  return (
    <article className={`card task-card${task.overdue ? ' overdue' : ''}`} aria-labelledby={headingId} data-task-id={task.id}>
      <h2 id={headingId}>
        <Link to={`/usulan/${task.proposalId}`}>{task.proposalTitle}</Link>
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
          <dt>{t('task.stage')}</dt>
          <dd>
            {task.stageName}
            {task.round > 1 ? <span className="muted"> · {t('task.round', { round: task.round })}</span> : null}
          </dd>
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
      {open ? <DecisionForm task={task} onDecided={onDecided} /> : null}
    </article>
  );
}

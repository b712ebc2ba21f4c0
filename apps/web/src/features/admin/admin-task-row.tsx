import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CapacityLabel, DateTime } from '@apps/web/src/components/labels';
import type { AdminTaskView } from '@apps/web/src/lib/api-types';
import { StuckReason } from './stuck-reason';
import { formatWorkingDays } from './working-days';

/** The column names of the admin task table, each cell's label on phones. */
export type AdminTaskColumns = Record<'choose' | 'proposal' | 'stage' | 'post' | 'holder' | 'unit' | 'reason' | 'age' | 'due', string>;

/** One task of the admin task table: chosen for a pengalihan (when open), where it is, who holds it, why it waits and for how long. */
export function AdminTaskRow({ task: x, cols, selected, onToggle }: { task: AdminTaskView; cols: AdminTaskColumns; selected: boolean; onToggle: (on: boolean) => void }) {
  const { t } = useTranslation('admin');
  return (
    <tr data-task-id={x.taskId} className={x.overdueSeconds > 0 && x.status === 'open' ? 'overdue' : undefined}>
      <td data-label={cols.choose}>
        {x.status === 'open' ? (
          <input
            type="checkbox"
            checked={selected}
            onChange={(e) => onToggle(e.target.checked)}
            aria-label={t('tasks.choose', { title: x.proposalTitle, stage: x.stageName })}
          />
        ) : null}
      </td>
      <td data-label={cols.proposal}>
        <div>
          <Link to={`/usulan/${x.proposalId}`}>{x.proposalTitle}</Link>
          {x.escalationLevel > 0 ? (
            <span className="marker marker-escalated">
              <span aria-hidden="true">⤴ </span>
              {t('tasks.escalation', { level: x.escalationLevel })}
            </span>
          ) : null}
        </div>
      </td>
      <td data-label={cols.stage}>
        <div>
          {x.stageName}
          {x.round > 1 ? <span className="muted small"> · {t('tasks.round', { round: x.round })}</span> : null}
        </div>
      </td>
      <td data-label={cols.post}>{x.positionTitle}</td>
      <td data-label={cols.holder}>
        <div>
          {x.assigneeName ? (
            <>
              {x.assigneeName}
              <span className="muted small">
                {' '}
                (<CapacityLabel capacity={x.capacity} onBehalfOf={t('tasks.someone')} />)
              </span>
            </>
          ) : (
            <span className="marker marker-vacant">{t('tasks.vacant')}</span>
          )}
        </div>
      </td>
      <td data-label={cols.unit}>{x.unitName}</td>
      <td data-label={cols.reason}>
        <StuckReason reason={x.stuckReason} open={x.status === 'open'} />
      </td>
      <td data-label={cols.age} className="age">
        {formatWorkingDays(x.ageWorkingDays, t)}
      </td>
      <td data-label={cols.due}>
        <div>
          {x.dueAt ? <DateTime value={x.dueAt} /> : t('tasks.noDue')}
          {x.overdueSeconds > 0 ? (
            <span className="marker marker-overdue">
              <span aria-hidden="true">⚠ </span>
              {t('tasks.lateMarker')}
            </span>
          ) : null}
        </div>
      </td>
    </tr>
  );
}

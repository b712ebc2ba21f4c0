import { useTranslation } from 'react-i18next';
import { DateTime } from '@apps/web/src/components/labels';
import type { CustodyEntryView, TaskSummaryView } from '@apps/web/src/lib/api-types';
import { Due, Holder, isOverdue } from '../holder';
import { NS } from '../proposal-values';

/** One task of a stage: who holds or held it, how it came to them, what they decided. */
export function StageTask({ task, entry, previous }: { task: TaskSummaryView; entry: CustodyEntryView | undefined; previous: CustodyEntryView | undefined }) {
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

import { useTranslation } from 'react-i18next';
import { CapacityLabel, DateTime } from '@apps/web/src/components/labels';
import type { ProposalView, TaskSummaryView } from '@apps/web/src/lib/api-types';
import { NS } from '../proposal-values';

/** The chain to print: each stage where it stands, and each task of it with who held it and what was decided. */
export function RecordChain({ proposal: p }: { proposal: ProposalView }) {
  const { t } = useTranslation(NS);
  if (p.stages.length === 0) return <p className="muted">{t('stages.none')}</p>;
  const tasksOf = (index: number) => p.tasks.filter((task) => task.stageIndex === index);
  return (
    <ol className="record-chain">
      {p.stages.map((s) => (
        <li key={s.stageIndex}>
          <strong>{s.name}</strong> — {t(`stages.state.${s.state}`, { defaultValue: s.state })}
          {tasksOf(s.stageIndex).length ? (
            <ul className="plain small">
              {tasksOf(s.stageIndex).map((task) => (
                <RecordTask key={task.id} task={task} />
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function RecordTask({ task }: { task: TaskSummaryView }) {
  const { t } = useTranslation(NS);
  const who = task.decidedByName ?? task.assigneeName;
  return (
    <li>
      {t('stages.roundN', { n: task.round })} · {task.positionTitle}:{' '}
      {who ? (
        <>
          {who}
          {task.capacity ? (
            <>
              {' '}
              (<CapacityLabel capacity={task.capacity} onBehalfOf={t('holder.someone')} />)
            </>
          ) : null}
        </>
      ) : (
        t('holder.vacant')
      )}{' '}
      — {task.decision ? t(`decision.${task.decision}`, { defaultValue: task.decision }) : t(`taskStatus.${task.status}`, { defaultValue: task.status })}
      {task.decidedAt ? (
        <>
          , <DateTime value={task.decidedAt} />
        </>
      ) : null}
      {task.comment ? (
        <div>
          {t('history.comment')}: <q>{task.comment}</q>
        </div>
      ) : null}
    </li>
  );
}

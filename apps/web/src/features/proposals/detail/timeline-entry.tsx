import { useTranslation } from 'react-i18next';
import { CapacityLabel, DateTime } from '@apps/web/src/components/labels';
import type { HistoryEventView, TimelineItemView } from '@apps/web/src/lib/api-types';
import { NS } from '../proposal-values';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** One line of the Riwayat, completed with the facts of its record row (who a task moved from and to). */
export function TimelineEntry({ item, event }: { item: TimelineItemView; event: HistoryEventView | undefined }) {
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

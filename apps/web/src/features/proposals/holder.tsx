import { useTranslation } from 'react-i18next';
import { CapacityLabel, DateTime } from '@apps/web/src/components/labels';
import { NS } from './proposal-values';

/** Whether a due date (Jatuh Tempo) has passed. */
export const isOverdue = (dueAt: string | null) => dueAt !== null && new Date(dueAt).getTime() < Date.now();

/** Who holds a task: the person (or "jabatan kosong"), the capacity they act in, and the post. */
export function Holder({
  name,
  capacity,
  onBehalfOfName,
  positionTitle,
}: {
  name: string | null;
  capacity: string | null;
  onBehalfOfName?: string | null;
  positionTitle: string | null;
}) {
  const { t } = useTranslation(NS);
  return (
    <span className="holder">
      {name ? <strong className="holder-name">{name}</strong> : <strong className="holder-vacant">{t('holder.vacant')}</strong>}
      {name && capacity ? (
        <span className="holder-capacity">
          <CapacityLabel capacity={capacity} onBehalfOf={onBehalfOfName ?? t('holder.someone')} />
        </span>
      ) : null}
      {positionTitle ? <span className="holder-post">{positionTitle}</span> : null}
    </span>
  );
}

/** A due date (Jatuh Tempo), marked when it has passed. */
export function Due({ at, overdue }: { at: string | null; overdue: boolean }) {
  const { t } = useTranslation(NS);
  if (!at) return <span className="muted">{t('none')}</span>;
  return (
    <span className={overdue ? 'due overdue-label' : 'due'}>
      <DateTime value={at} />
      {overdue ? <span className="overdue-tag"> · {t('holder.overdue')}</span> : null}
    </span>
  );
}

import { useTranslation } from 'react-i18next';
import { CapacityLabel, DateTime } from '@apps/web/src/components/labels';
import type { HistoryEventView, TimelineItemView, VerificationView } from '@apps/web/src/lib/api-types';
import { NS } from '../proposal-values';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** Whether the Riwayat is intact, in plain words (no talk of hashes). */
export function RecordVerification({ verification, error }: { verification: VerificationView | null; error: unknown }) {
  const { t } = useTranslation(NS);
  if (verification?.valid) {
    return (
      <p className="record-verified" role="status" data-testid="record-verification">
        ✓ {t('record.intact', { count: verification.count })}
      </p>
    );
  }
  if (verification) {
    return (
      <p className="record-broken" role="alert" data-testid="record-verification">
        ⚠ {verification.brokenAt ? t('record.notIntact', { seq: verification.brokenAt.seq }) : t('record.notIntactAny')}
      </p>
    );
  }
  return (
    <p className={error ? 'record-broken' : 'muted'} role={error ? 'alert' : 'status'} data-testid="record-verification">
      {t(error ? 'record.checkFailed' : 'record.checking')}
    </p>
  );
}

/** The Riwayat as a table to print: every row of the record, who, in what capacity, when (zone named), notes. */
export function RecordHistory({ timeline, history }: { timeline: TimelineItemView[]; history: HistoryEventView[] | null }) {
  const { t } = useTranslation(NS);
  const bySeq = new Map((history ?? []).map((e) => [e.seq, e]));
  const cols = {
    no: t('record.col.no'),
    when: t('record.col.when'),
    event: t('record.col.event'),
    who: t('record.col.who'),
    stage: t('record.col.stage'),
    notes: t('record.col.notes'),
  };
  const label = (item: TimelineItemView) => {
    const decision = str(bySeq.get(item.seq)?.data.decision);
    return item.type === 'task.decided' && decision
      ? t(`decision.${decision}`, { defaultValue: item.label })
      : t(`events.${item.type.replace(/\./g, '_')}`, { defaultValue: item.label });
  };
  return (
    <div className="table-wrap">
      <table className="responsive record-table" data-testid="record-history">
        <caption className="visually-hidden">{t('record.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{cols.no}</th>
            <th scope="col">{cols.when}</th>
            <th scope="col">{cols.event}</th>
            <th scope="col">{cols.who}</th>
            <th scope="col">{cols.stage}</th>
            <th scope="col">{cols.notes}</th>
          </tr>
        </thead>
        <tbody>
          {timeline.map((item) => (
            <tr key={item.seq}>
              <td data-label={cols.no}>{item.seq}</td>
              <td data-label={cols.when}>
                <DateTime value={item.occurredAt} />
              </td>
              <td data-label={cols.event}>{label(item)}</td>
              <td data-label={cols.who}>
                {item.actorName ? (
                  <div>
                    {item.actorName}
                    {item.capacity ? (
                      <>
                        {' '}
                        (<CapacityLabel capacity={item.capacity} onBehalfOf={t('holder.someone')} />)
                      </>
                    ) : null}
                    {item.actorPositionTitle ? <div className="muted small">{item.actorPositionTitle}</div> : null}
                  </div>
                ) : (
                  <span className="muted">{t('history.system')}</span>
                )}
              </td>
              <td data-label={cols.stage}>{item.stageName ? (item.round ? t('history.stageRound', { stage: item.stageName, round: item.round }) : item.stageName) : '—'}</td>
              <td data-label={cols.notes}>
                <div>
                  {item.comment ? (
                    <div>
                      {t('history.comment')}: <q>{item.comment}</q>
                    </div>
                  ) : null}
                  {item.reason ? (
                    <div>
                      {t('history.reason')}: {item.reason}
                    </div>
                  ) : null}
                  {!item.comment && !item.reason ? '—' : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

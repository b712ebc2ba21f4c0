import { useTranslation } from 'react-i18next';
import { DateTime } from '@apps/web/src/components/labels';
import type { DelegationView } from '@apps/web/src/lib/api-types';

/** Delegations given (with Cabut while active or scheduled) or received. */
export function DelegationTable({ items, other, onRevoke, caption }: { items: DelegationView[]; other: 'delegate' | 'delegator'; onRevoke?: (d: DelegationView) => void; caption: string }) {
  const { t } = useTranslation('tasks');
  if (items.length === 0) return <p className="empty">{t(other === 'delegate' ? 'delegations.noneGiven' : 'delegations.noneReceived')}</p>;
  const cols = {
    post: t('delegations.col.post'),
    person: t(other === 'delegate' ? 'delegations.col.delegate' : 'delegations.col.delegator'),
    from: t('delegations.col.from'),
    to: t('delegations.col.to'),
    reason: t('delegations.col.reason'),
    state: t('delegations.col.state'),
    action: t('delegations.col.action'),
  };
  return (
    <div className="table-wrap">
      <table className="responsive">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{cols.post}</th>
            <th scope="col">{cols.person}</th>
            <th scope="col">{cols.from}</th>
            <th scope="col">{cols.to}</th>
            <th scope="col">{cols.reason}</th>
            <th scope="col">{cols.state}</th>
            {onRevoke ? <th scope="col">{cols.action}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id} data-delegation-id={d.id}>
              <td data-label={cols.post}>{d.positionTitle}</td>
              <td data-label={cols.person}>
                {other === 'delegate' ? d.delegateName : d.delegatorName}
              </td>
              <td data-label={cols.from}>
                <DateTime value={d.startsAt} />
              </td>
              <td data-label={cols.to}>
                <DateTime value={d.endsAt} />
              </td>
              <td data-label={cols.reason}>{d.reason}</td>
              <td data-label={cols.state}>
                <span className={`badge delegation-${d.state}`}>{t(`delegations.state.${d.state}`)}</span>
              </td>
              {onRevoke ? (
                <td data-label={cols.action}>
                  {d.state === 'active' || d.state === 'scheduled' ? (
                    <button type="button" className="danger" onClick={() => onRevoke(d)} aria-label={t('delegations.revokeLabel', { name: d.delegateName, post: d.positionTitle })}>
                      {t('delegations.revoke')}
                    </button>
                  ) : (
                    '—'
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

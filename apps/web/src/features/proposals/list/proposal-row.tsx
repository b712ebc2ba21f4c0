import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusBadge } from '@apps/web/src/components/labels';
import type { ProposalSummaryView } from '@apps/web/src/lib/api-types';
import { Due, Holder } from '../holder';
import { NS } from '../proposal-values';

/** One proposal of Usulan Saya: its title, status, current stage, who holds it now and Jatuh Tempo. */
export function ProposalRow({ proposal: p }: { proposal: ProposalSummaryView }) {
  const { t } = useTranslation(NS);
  return (
    <tr className={p.overdue ? 'overdue' : undefined} data-testid="proposal-row">
      <td data-label={t('list.col.title')}>
        <Link to={`/usulan/${p.id}`} className="proposal-title">
          {p.title}
        </Link>
      </td>
      <td data-label={t('list.col.status')}>
        <span className="badges">
          <StatusBadge status={p.status} />
          {p.escalated ? <span className="badge badge-escalated">{t('list.escalated')}</span> : null}
        </span>
      </td>
      <td data-label={t('list.col.stage')}>{p.currentStageName && !['draft', 'withdrawn'].includes(p.status) ? p.currentStageName : <span className="muted">{t('none')}</span>}</td>
      <td data-label={t('list.col.holder')}>
        {p.holders.length > 0 ? (
          <ul className="holders">
            {p.holders.map((h) => (
              <li key={h.taskId}>
                <Holder name={h.personName} capacity={h.capacity} onBehalfOfName={h.onBehalfOfName} positionTitle={h.positionTitle} />
              </li>
            ))}
          </ul>
        ) : p.status === 'returned' || p.status === 'draft' ? (
          <span className="muted">{t('list.withYou')}</span>
        ) : (
          <span className="muted">{t('none')}</span>
        )}
      </td>
      <td data-label={t('list.col.due')}>
        <Due at={p.dueAt} overdue={p.overdue} />
      </td>
    </tr>
  );
}

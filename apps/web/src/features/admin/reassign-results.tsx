import { useTranslation } from 'react-i18next';
import type { AssignOutcomeView } from '@apps/web/src/lib/api-types';

/** What a Disposisi did: per task, moved or skipped and why. */
export function ReassignResults({ results, titles, onClose }: { results: AssignOutcomeView[]; titles: Map<string, string>; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const moved = results.filter((r) => r.outcome === 'moved').length;
  const cols = { proposal: t('reassign.col.proposal'), outcome: t('reassign.col.outcome'), note: t('reassign.col.note') };
  return (
    <section className="card reassign-results" aria-labelledby="reassign-results-title">
      <h2 id="reassign-results-title">{t('reassign.resultsTitle')}</h2>
      <p role="status">{t('reassign.summary', { moved, skipped: results.length - moved })}</p>
      <div className="table-wrap">
        <table className="responsive">
          <thead>
            <tr>
              <th scope="col">{cols.proposal}</th>
              <th scope="col">{cols.outcome}</th>
              <th scope="col">{cols.note}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.taskId} data-result-task-id={r.taskId}>
                <td data-label={cols.proposal}>{titles.get(r.taskId) ?? r.taskId}</td>
                <td data-label={cols.outcome}>
                  <span className={`marker ${r.outcome === 'moved' ? 'marker-ok' : 'marker-skipped'}`}>{t(`reassign.outcome.${r.outcome}`)}</span>
                </td>
                <td data-label={cols.note}>{r.message ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" onClick={onClose}>
        {t('reassign.close')}
      </button>
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import type { PositionView } from '@apps/web/src/lib/api-types';
import { useApi } from '@apps/web/src/lib/use-api';
import { useSearch } from '@apps/web/src/lib/use-search';

/** A post as the filter names it: its title and unit. */
const postLabel = (p: Pick<PositionView, 'title' | 'unitName'>) => (p.unitName ? `${p.title} — ${p.unitName}` : p.title);

/**
 * The post filter: type part of a post's title or code, then pick it from the matches
 * (GET /api/positions?q=). The chosen post shows by name, with a button to choose another.
 */
export function PostPicker({ id, value, onChange }: { id: string; value: string; onChange: (positionId: string) => void }) {
  const { t } = useTranslation('admin');
  const [q, setQ] = useState('');
  const { term, results, failure } = useSearch<PositionView>('/api/positions', q, 20);
  const chosen = useApi<PositionView>(value ? `/api/positions/${value}` : null);

  if (value) {
    return (
      <div className="post-picker" role="group" aria-labelledby={`${id}-label`}>
        <span className="filter-label" id={`${id}-label`}>
          {t('filter.post')}
        </span>
        <p className="chosen-post">
          <strong>{chosen.data ? postLabel(chosen.data) : t('filter.postLoading')}</strong>{' '}
          <button type="button" className="link-button" onClick={() => onChange('')}>
            {t('filter.postClear')}
          </button>
        </p>
      </div>
    );
  }
  return (
    <div className="post-picker">
      <label htmlFor={id}>{t('filter.post')}</label>
      <input id={id} type="search" value={q} autoComplete="off" onChange={(e) => setQ(e.target.value)} aria-describedby={`${id}-hint`} />
      <p id={`${id}-hint`} className="muted small">
        {t('filter.postHint')}
      </p>
      {term.length >= 2 && results ? (
        results.length === 0 ? (
          <p className="muted small" role="status">
            {t('filter.postNone')}
          </p>
        ) : (
          <>
            <label htmlFor={`${id}-results`} className="visually-hidden">
              {t('filter.postResults')}
            </label>
            <select id={`${id}-results`} value="" onChange={(e) => e.target.value && onChange(e.target.value)}>
              <option value="">{t('filter.postFound', { count: results.length })}</option>
              {results.map((p) => (
                <option key={p.id} value={p.id}>
                  {postLabel(p)}
                </option>
              ))}
            </select>
          </>
        )
      ) : null}
      <ErrorMessage error={failure} ns="admin" />
    </div>
  );
}

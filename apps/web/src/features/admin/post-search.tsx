import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import type { PositionView } from '@apps/web/src/lib/api-types';
import { useSearch } from '@apps/web/src/lib/use-search';

/** A post picked from the organization, with what the chain editor shows of it. */
export interface PostChoice {
  id: string;
  code: string;
  title: string;
}

/**
 * The chain editor's way to name a post: find it by code or title (GET /api/positions?q=), then pick
 * it with one button per result, so it works with the keyboard and a screen reader alike.
 */
export function PostSearch({ id, label, onPick, errorId }: { id: string; label: string; onPick: (post: PostChoice) => void; errorId?: string }) {
  const { t } = useTranslation('admin');
  const [q, setQ] = useState('');
  const { term, results, failure } = useSearch<PositionView>('/api/positions', q, 10);

  return (
    <div className="post-search">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={q}
        autoComplete="off"
        onChange={(e) => setQ(e.target.value)}
        aria-describedby={[`${id}-hint`, errorId].filter(Boolean).join(' ')}
        aria-invalid={errorId ? true : undefined}
      />
      <p id={`${id}-hint`} className="muted small">
        {t('editor.picker.hint')}
      </p>
      <ErrorMessage error={failure} ns="admin" />
      {term.length >= 2 && results ? (
        results.length === 0 ? (
          <p className="muted small" role="status">
            {t('editor.picker.none')}
          </p>
        ) : (
          <ul className="post-results" aria-label={t('editor.picker.results')}>
            {results.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    onPick({ id: p.id, code: p.code, title: p.title });
                    setQ('');
                  }}
                >
                  {p.title}
                </button>{' '}
                <span className="muted small">
                  {p.code}
                  {p.unitName ? ` · ${p.unitName}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}

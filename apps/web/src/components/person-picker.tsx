import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonView } from '@apps/web/src/lib/api-types';
import { useSearch } from '@apps/web/src/lib/use-search';
import { ErrorMessage } from './error-message';

/** A person picked from the results of GET /api/people. */
export type PersonChoice = PersonView;

/**
 * Finds a person by name or NIP (GET /api/people?q=) and lets the reader pick one from the results:
 * a search field, then radio buttons, so it works with the keyboard and a screen reader alike.
 */
export function PersonPicker({
  id,
  label,
  value,
  onChange,
  exclude = [],
  error,
}: {
  id: string;
  label: string;
  value: PersonChoice | null;
  onChange: (person: PersonChoice | null) => void;
  exclude?: string[];
  error?: string | null;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const { term, results: found, failure } = useSearch<PersonChoice>('/api/people', q, 10);

  const results = found ? found.filter((p) => !exclude.includes(p.id)) : null;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="person-picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={q}
        autoComplete="off"
        onChange={(e) => setQ(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(' ')}
      />
      <p id={hintId} className="muted small">
        {t('personPicker.hint')}
      </p>
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <ErrorMessage error={failure} />
      {term.length >= 2 && results ? (
        results.length === 0 ? (
          <p className="muted" role="status">
            {t('personPicker.none')}
          </p>
        ) : (
          <fieldset className="person-results">
            <legend>{t('personPicker.results')}</legend>
            {results.map((p) => (
              <div key={p.id} className="person-option">
                <input
                  type="radio"
                  id={`${id}-${p.id}`}
                  name={`${id}-choice`}
                  checked={value?.id === p.id}
                  onChange={() => onChange(p)}
                />
                <label htmlFor={`${id}-${p.id}`}>
                  {p.name} <span className="muted small">({p.nip}{p.activeAppointments[0]?.positionTitle ? ` · ${p.activeAppointments[0].positionTitle}` : ''})</span>
                </label>
              </div>
            ))}
          </fieldset>
        )
      ) : null}
      {value ? (
        <p className="chosen">
          {t('personPicker.chosen')} <strong>{value.name}</strong>{' '}
          <button type="button" className="link-button" onClick={() => onChange(null)}>
            {t('personPicker.clear')}
          </button>
        </p>
      ) : null}
    </div>
  );
}

import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { api } from '@apps/web/src/lib/api';
import type { TemplateView } from '@apps/web/src/lib/api-types';
import { fieldErrorsOf } from '@apps/web/src/lib/errors';

/** Buat Versi Baru: the latest version's body as JSON to edit; the API's field-level problems listed by field. */
export function NewVersionEditor({ template, onSaved }: { template: TemplateView; onSaved: (saved: TemplateView) => void }) {
  const { t } = useTranslation('admin');
  const [body, setBody] = useState(() => JSON.stringify({ name: template.name, categories: template.categories, stages: template.stages }, null, 2));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const problems = fieldErrorsOf(error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (err) {
      setJsonError(t('editor.invalidJson', { detail: err instanceof Error ? err.message : '' }));
      return;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      setJsonError(t('editor.notObject'));
      return;
    }
    setJsonError(null);
    setBusy(true);
    try {
      onSaved(await api<TemplateView>(`/api/templates/${encodeURIComponent(template.code)}/versions`, { method: 'POST', body: parsed }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const describedBy = ['editor-hint', jsonError ? 'editor-json-error' : null, error ? 'editor-problems' : null].filter(Boolean).join(' ');

  return (
    <form className="card form editor" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="editor-title">
      <h2 id="editor-title">{t('editor.title')}</h2>
      <label htmlFor="new-version-body">{t('editor.body', { version: template.version })}</label>
      <textarea
        id="new-version-body"
        className="code"
        spellCheck={false}
        value={body}
        rows={20}
        onChange={(e) => setBody(e.target.value)}
        aria-invalid={jsonError || problems.length ? true : undefined}
        aria-describedby={describedBy}
      />
      <p id="editor-hint" className="muted small">
        {t('editor.hint')}
      </p>
      {jsonError ? (
        <p id="editor-json-error" className="field-error" role="alert">
          {jsonError}
        </p>
      ) : null}
      {error ? (
        <div id="editor-problems">
          <ErrorMessage error={error} ns="admin" />
          {problems.length ? (
            <ul className="field-problems" aria-label={t('editor.problems')}>
              {problems.map((p, i) => (
                <li key={`${p.field}-${i}`}>
                  <code>{p.field}</code>: {p.messages.join('; ')}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <button type="submit" className="primary" disabled={busy}>
        {t('editor.submit')}
      </button>
    </form>
  );
}

import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '@apps/web/src/lib/api';
import type { TemplateView } from '@apps/web/src/lib/api-types';
import { ChainEditor } from './chain-editor';

/** Templat Baru: a new chain template (version 1), built in the form or written as JSON; then its page. */
export function NewTemplateForm({ id }: { id: string }) {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  return (
    <section id={id} className="card editor-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('templates.newTitle')}</h2>
      <p className="muted small">{t('templates.newIntro')}</p>
      <ChainEditor
        idPrefix="new-template"
        withCode
        initial={null}
        jsonLabel={t('editor.bodyNew')}
        submitLabel={t('editor.submitNew')}
        onSubmit={(body) => api<TemplateView>('/api/templates', { method: 'POST', body })}
        onSaved={(saved) => void navigate(`/admin/templat/${encodeURIComponent(saved.code)}`, { state: { flash: t('templates.created', { name: saved.name }) } })}
      />
    </section>
  );
}

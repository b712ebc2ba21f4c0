import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@apps/web/src/lib/api';
import type { TemplateView } from '@apps/web/src/lib/api-types';
import { ChainEditor } from './chain-editor';

/** Buat Versi Baru: the latest version's chain to change, in the form or as JSON; saved as the next version. */
export function NewVersionEditor({ template, onSaved }: { template: TemplateView; onSaved: (saved: TemplateView) => void }) {
  const { t } = useTranslation('admin');
  const initial = useMemo(() => ({ name: template.name, categories: template.categories, stages: template.stages }), [template]);
  return (
    <section className="card editor-card" aria-labelledby="editor-title">
      <h2 id="editor-title">{t('editor.title')}</h2>
      <p className="muted small">{t('editor.intro')}</p>
      <ChainEditor
        idPrefix="new-version"
        withCode={false}
        initial={initial}
        jsonLabel={t('editor.body', { version: template.version })}
        submitLabel={t('editor.submit')}
        onSubmit={(body) => api<TemplateView>(`/api/templates/${encodeURIComponent(template.code)}/versions`, { method: 'POST', body })}
        onSaved={onSaved}
      />
    </section>
  );
}

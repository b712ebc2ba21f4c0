import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { DateTime } from '@apps/web/src/components/labels';
import { Loading, Page } from '@apps/web/src/components/page';
import type { TemplateListView } from '@apps/web/src/lib/api-types';
import { useApi } from '@apps/web/src/lib/use-api';
import { AdminNav, AdminOnly } from './admin-shell';
import { NewTemplateForm } from './new-template-form';

export function TemplatesPage() {
  return (
    <AdminOnly>
      <Templates />
    </AdminOnly>
  );
}

/** Templat: the chain templates, latest version of each, with how much they are used; a new one. */
function Templates() {
  const { t } = useTranslation('admin');
  const list = useApi<TemplateListView>('/api/templates');
  const [creating, setCreating] = useState(false);
  const cols = {
    name: t('templates.col.name'),
    version: t('templates.col.version'),
    stages: t('templates.col.stages'),
    categories: t('templates.col.categories'),
    inUse: t('templates.col.inUse'),
    created: t('templates.col.created'),
  };
  return (
    <Page title={t('templates.title')}>
      <AdminNav />
      <p>{t('templates.intro')}</p>
      <p>
        <button type="button" aria-expanded={creating} aria-controls="new-template" onClick={() => setCreating((c) => !c)}>
          {t('templates.new')}
        </button>
      </p>
      {creating ? <NewTemplateForm id="new-template" /> : null}
      <ErrorMessage error={list.error} ns="admin" onRetry={list.reload} />
      {list.loading ? <Loading /> : null}
      {list.data ? (
        <div className="table-wrap">
          <table className="responsive" data-testid="templates-table">
            <caption className="visually-hidden">{t('templates.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{cols.name}</th>
                <th scope="col">{cols.version}</th>
                <th scope="col">{cols.stages}</th>
                <th scope="col">{cols.categories}</th>
                <th scope="col">{cols.inUse}</th>
                <th scope="col">{cols.created}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((x) => (
                <tr key={x.code} data-template-code={x.code}>
                  <td data-label={cols.name}>
                    <Link to={`/admin/templat/${encodeURIComponent(x.code)}`}>{x.name}</Link>
                    <div className="muted small">{x.code}</div>
                  </td>
                  <td data-label={cols.version}>{t('templates.versionOf', { version: x.version, count: x.versions.length })}</td>
                  <td data-label={cols.stages}>{x.stages.map((s) => s.name).join(' → ')}</td>
                  <td data-label={cols.categories}>{x.categories.length ? x.categories.join(', ') : t('templates.anyCategory')}</td>
                  <td data-label={cols.inUse}>{t('templates.inUse', { count: x.inUseAllVersions })}</td>
                  <td data-label={cols.created}>
                    <DateTime value={x.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}

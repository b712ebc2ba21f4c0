import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { DateTime } from '@apps/web/src/components/labels';
import { Loading, Page } from '@apps/web/src/components/page';
import type { TemplateView } from '@apps/web/src/lib/api-types';
import { useApi } from '@apps/web/src/lib/use-api';
import { AdminNav, AdminOnly } from './admin-shell';
import { NewVersionEditor } from './new-version-editor';
import { StageView } from './stage-view';
import { postsOf } from './template-posts';
import { usePostTitles } from './use-post-titles';

export function TemplateDetailPage() {
  return (
    <AdminOnly>
      <TemplateDetail />
    </AdminOnly>
  );
}

/** One chain template: its stages in words, its versions, and a new version (in a form, or as JSON). */
function TemplateDetail() {
  const { t } = useTranslation('admin');
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('version')) || null;
  const latest = useApi<TemplateView>(`/api/templates/${encodeURIComponent(code)}`);
  const older = useApi<TemplateView>(asked && latest.data && asked !== latest.data.version ? `/api/templates/${encodeURIComponent(code)}/versions/${asked}` : null);
  const shown = older.data ?? (asked && latest.data && asked !== latest.data.version ? null : latest.data);
  const titles = usePostTitles(shown ? postsOf(shown.stages) : []);
  // A template just created arrives with its confirmation.
  const location = useLocation();
  const [notice, setNotice] = useState(() => (location.state as { flash?: string } | null)?.flash ?? '');

  return (
    <Page title={shown ? shown.name : t('template.title')}>
      <AdminNav />
      <p>
        <Link to="/admin/templat">{t('template.back')}</Link>
      </p>
      <p role="status" className={notice ? 'alert alert-ok' : 'visually-hidden'}>
        {notice}
      </p>
      <ErrorMessage error={latest.error ?? older.error} ns="admin" onRetry={latest.error ? latest.reload : older.reload} />
      {latest.loading || older.loading ? <Loading /> : null}
      {shown && latest.data ? (
        <>
          <dl className="facts card">
            <div>
              <dt>{t('template.code')}</dt>
              <dd>{shown.code}</dd>
            </div>
            <div>
              <dt>{t('template.version')}</dt>
              <dd data-testid="template-version">{t('template.versionText', { version: shown.version, latest: latest.data.version })}</dd>
            </div>
            <div>
              <dt>{t('template.categories')}</dt>
              <dd>{shown.categories.length ? shown.categories.join(', ') : t('templates.anyCategory')}</dd>
            </div>
            <div>
              <dt>{t('template.inUse')}</dt>
              <dd>{t('template.inUseText', { count: shown.inUse, all: shown.inUseAllVersions })}</dd>
            </div>
            <div>
              <dt>{t('template.created')}</dt>
              <dd>
                <DateTime value={shown.createdAt} />
              </dd>
            </div>
          </dl>
          {shown.versions.length > 1 ? (
            <nav className="view-tabs" aria-label={t('template.versions')}>
              {shown.versions.map((v) => (
                <Link key={v} to={`/admin/templat/${encodeURIComponent(code)}?version=${v}`} aria-current={v === shown.version ? 'page' : undefined}>
                  {t('template.versionTab', { version: v })}
                </Link>
              ))}
            </nav>
          ) : null}
          <h2>{t('template.stages')}</h2>
          <ol className="stage-list">
            {shown.stages.map((s, i) => (
              <li key={s.key} className="card">
                <StageView stage={s} index={i} titles={titles} />
              </li>
            ))}
          </ol>
          <NewVersionEditor
            key={latest.data.version}
            template={latest.data}
            onSaved={(saved) => {
              setNotice(t('editor.saved', { version: saved.version }));
              setParams(new URLSearchParams());
              latest.reload();
            }}
          />
        </>
      ) : null}
    </Page>
  );
}

import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, ApiError } from '../../api';
import { DateTime, Loading, Page } from '../../components/common';
import { AreaError } from '../tasks/area-error';
import { useApi } from '../tasks/use-api';
import { AdminNav, AdminOnly } from './admin-shell';
import { formatIsoDuration } from './format';
import { postsOf, Stage, Template } from './template-types';

export function TemplateDetailPage() {
  return (
    <AdminOnly>
      <TemplateDetail />
    </AdminOnly>
  );
}

/** Titles of the posts a chain names, looked up once per post. */
function usePostTitles(ids: string[]): Map<string, string> {
  const [titles, setTitles] = useState<Map<string, string>>(new Map());
  const key = [...ids].sort().join(',');
  useEffect(() => {
    if (!key) return;
    let current = true;
    void Promise.all(
      key.split(',').map((id) =>
        api<{ id: string; title: string }>(`/api/positions/${id}`)
          .then((p): [string, string] => [id, p.title])
          .catch((): [string, string] | null => null),
      ),
    ).then((pairs) => {
      if (current) setTitles(new Map(pairs.filter((p): p is [string, string] => p !== null)));
    });
    return () => {
      current = false;
    };
  }, [key]);
  return titles;
}

/** One chain template: its stages in words, its versions, and a new version from a JSON body. */
function TemplateDetail() {
  const { t } = useTranslation('admin');
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('version')) || null;
  const latest = useApi<Template>(`/api/templates/${encodeURIComponent(code)}`);
  const older = useApi<Template>(asked && latest.data && asked !== latest.data.version ? `/api/templates/${encodeURIComponent(code)}/versions/${asked}` : null);
  const shown = older.data ?? (asked && latest.data && asked !== latest.data.version ? null : latest.data);
  const titles = usePostTitles(shown ? postsOf(shown.stages) : []);
  const [notice, setNotice] = useState('');

  return (
    <Page title={shown ? shown.name : t('template.title')}>
      <AdminNav />
      <p>
        <Link to="/admin/templat">{t('template.back')}</Link>
      </p>
      <p role="status" className={notice ? 'alert alert-ok' : 'visually-hidden'}>
        {notice}
      </p>
      <AreaError error={latest.error ?? older.error} ns="admin" />
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

function StageView({ stage, index, titles }: { stage: Stage; index: number; titles: Map<string, string> }) {
  const { t, i18n } = useTranslation('admin');
  const post = (id: string) => titles.get(id) ?? id;
  const approver = (a: Stage['approvers'][number]) => {
    switch (a.kind) {
      case 'position':
        return t('stage.approver.position', { post: post(a.positionId) });
      case 'positions':
        return t('stage.approver.positions', { posts: a.positionIds.map(post).join(', ') });
      default:
        return t(`stage.approver.${a.kind}`);
    }
  };
  const mode = stage.mode.startsWith('quorum:') ? t('stage.mode.quorum', { k: stage.mode.slice(7) }) : t(`stage.mode.${stage.mode}`, { defaultValue: stage.mode });
  const timeout = stage.onTimeout ?? { action: 'escalate-superior' };
  const timeoutText = [
    t(`stage.timeout.${timeout.action}`, { post: timeout.positionId ? post(timeout.positionId) : '', defaultValue: timeout.action }),
    timeout.after ? t('stage.timeout.after', { duration: formatIsoDuration(timeout.after, t) }) : '',
    timeout.action.startsWith('escalate') ? t('stage.timeout.max', { count: timeout.maxEscalations ?? 2 }) : '',
  ]
    .filter(Boolean)
    .join('; ');
  const condition = () => {
    const c = stage.condition;
    if (!c) return t('stage.condition.always');
    if (c.field === 'budgetEstimate') return t('stage.condition.budget', { amount: new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID').format(Number(c.value)) });
    if (c.field === 'category') return t('stage.condition.category', { categories: Array.isArray(c.value) ? c.value.join(', ') : String(c.value) });
    return t(c.value ? 'stage.condition.crossAgency' : 'stage.condition.notCrossAgency');
  };
  return (
    <>
      <h3>
        {t('stage.heading', { n: index + 1 })} {stage.name}
      </h3>
      <dl className="facts">
        <div>
          <dt>{t('stage.approvers')}</dt>
          <dd>
            <ul className="plain">
              {stage.approvers.map((a, i) => (
                <li key={i}>{approver(a)}</li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t('stage.modeLabel')}</dt>
          <dd>{mode}</dd>
        </div>
        <div>
          <dt>{t('stage.sla')}</dt>
          <dd>{stage.sla ? formatIsoDuration(stage.sla, t) : t('stage.noSla')}</dd>
        </div>
        <div>
          <dt>{t('stage.reminders')}</dt>
          <dd>{stage.reminders?.length ? stage.reminders.map((r) => t('stage.reminderAfter', { duration: formatIsoDuration(r, t) })).join(', ') : t('stage.noReminders')}</dd>
        </div>
        <div>
          <dt>{t('stage.onTimeout')}</dt>
          <dd>{stage.sla ? timeoutText : t('stage.noTimeout')}</dd>
        </div>
        <div>
          <dt>{t('stage.conditionLabel')}</dt>
          <dd>{condition()}</dd>
        </div>
        <div>
          <dt>{t('stage.mayReturn')}</dt>
          <dd>{t(stage.mayReturn ? 'yes' : 'no')}</dd>
        </div>
        <div>
          <dt>{t('stage.requiresDefinitive')}</dt>
          <dd>{t(stage.requiresDefinitive ? 'yes' : 'no')}</dd>
        </div>
      </dl>
    </>
  );
}

interface FieldProblem {
  field: string;
  messages: string[];
}

/** Buat Versi Baru: the latest version's body as JSON to edit; the API's field-level problems listed by field. */
function NewVersionEditor({ template, onSaved }: { template: Template; onSaved: (saved: Template) => void }) {
  const { t } = useTranslation('admin');
  const [body, setBody] = useState(() => JSON.stringify({ name: template.name, categories: template.categories, stages: template.stages }, null, 2));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const problems: FieldProblem[] = error instanceof ApiError && Array.isArray(error.details) ? (error.details as FieldProblem[]).filter((d) => typeof d?.field === 'string') : [];

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
      onSaved(await api<Template>(`/api/templates/${encodeURIComponent(template.code)}/versions`, { method: 'POST', body: parsed }));
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
          <AreaError error={error} ns="admin" />
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

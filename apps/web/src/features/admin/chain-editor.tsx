import { FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import type { TemplateView } from '@apps/web/src/lib/api-types';
import { fieldErrorsOf } from '@apps/web/src/lib/errors';
import { bodyToForm, ChainForm, emptyChainForm, FieldProblem, formToBody, move, newStage, StageForm } from './chain-form';
import { placeOf, problemsOfRefusal } from './chain-messages';
import type { PostChoice } from './post-search';
import { StageFields } from './stage-fields';
import { usePostTitles } from './use-post-titles';

type View = 'form' | 'json';

/** Problems found at one moment, and the stages (by uid) their indexes meant then; null: by today's indexes. */
interface Found {
  list: FieldProblem[];
  order: string[] | null;
}

const NONE: Found = { list: [], order: null };

/** The posts a form names by id, to look their titles up. */
const idsOf = (form: ChainForm) =>
  form.stages.flatMap((s) => [...s.approvers.flatMap((a) => a.posts), ...(s.timeout.post ? [s.timeout.post] : [])].filter((p) => p.by === 'id').map((p) => p.value));

/**
 * A chain of stages, edited in a form (stages added, removed and reordered; approvers picked from the
 * organization; durations in days and hours) or as the JSON body the API takes: both views edit the
 * same chain. The API's field-level refusals are shown next to their fields, in the reader's language.
 */
export function ChainEditor({
  idPrefix,
  withCode,
  initial,
  jsonLabel,
  submitLabel,
  onSubmit,
  onSaved,
}: {
  idPrefix: string;
  /** A new template: its code is part of the body. */
  withCode: boolean;
  initial: Record<string, unknown> | null;
  jsonLabel: string;
  submitLabel: string;
  onSubmit: (body: Record<string, unknown>) => Promise<TemplateView>;
  onSaved: (saved: TemplateView) => void;
}) {
  const { t } = useTranslation('admin');
  const start = useMemo(() => (initial ? bodyToForm(initial, withCode) : ({ ok: true, form: emptyChainForm() } as const)), [initial, withCode]);
  const [view, setView] = useState<View>(start.ok ? 'form' : 'json');
  const [form, setForm] = useState<ChainForm>(start.ok ? start.form : emptyChainForm());
  const [json, setJson] = useState(() => JSON.stringify(initial ?? formToBody(emptyChainForm(), withCode).body, null, 2));
  const [found, setFound] = useState<Found>(NONE);
  const [notice, setNotice] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [picked, setPicked] = useState<Map<string, string>>(new Map());
  const [focusId, setFocusId] = useState<string | null>(null);
  const lookedUp = usePostTitles(idsOf(form));
  const titles = useMemo(() => new Map([...lookedUp, ...picked]), [lookedUp, picked]);
  const say = (p: FieldProblem) => t(`editor.error.${p.key}`, { ...p.values, defaultValue: t('editor.error.unknown', { ...p.values }) });

  // After a stage is added, moved or removed, the keyboard stays where the reader is working.
  useEffect(() => {
    if (!focusId) return;
    const el = document.getElementById(focusId);
    (el instanceof HTMLButtonElement && el.disabled ? document.getElementById(el.dataset.otherwise ?? '') : el)?.focus();
    setFocusId(null);
  }, [focusId]);

  const stageProblems = (stage: StageForm, index: number) =>
    found.list.filter((p) => {
      const place = placeOf(p.path);
      return place.at === 'stage' && (found.order ? found.order[place.index] === stage.uid : place.index === index);
    });
  const topProblems = (field: 'code' | 'name' | 'categories' | 'stages' | 'other') => found.list.filter((p) => {
    const place = placeOf(p.path);
    return place.at === 'top' && place.field === field;
  });
  const update = (next: ChainForm) => {
    setForm(next);
    setNotice(null);
  };
  const setStage = (index: number, stage: StageForm) => update({ ...form, stages: form.stages.map((s, i) => (i === index ? stage : s)) });

  const toJson = () => {
    const { body, problems } = formToBody(form, withCode);
    if (problems.length) {
      setFound({ list: problems, order: form.stages.map((s) => s.uid) });
      setNotice(t('editor.fixBeforeJson'));
      return;
    }
    setJson(JSON.stringify(body, null, 2));
    setFound((f) => ({ ...f, order: null }));
    setNotice(null);
    setView('json');
  };
  const toForm = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (err) {
      setNotice(t('editor.invalidJson', { detail: err instanceof Error ? err.message : '' }));
      return;
    }
    const read = bodyToForm(parsed, withCode);
    if (!read.ok) {
      setNotice(t('editor.cannotShow', { fields: read.fields.map((f) => f || 'JSON').join(', ') }));
      return;
    }
    setForm(read.form);
    setFound((f) => ({ ...f, order: read.form.stages.map((s) => s.uid) }));
    setNotice(null);
    setView('form');
  };

  const bodyToSend = (): { body: Record<string, unknown>; order: string[] | null } | null => {
    if (view === 'form') {
      const { body, problems } = formToBody(form, withCode);
      const order = form.stages.map((s) => s.uid);
      if (problems.length) {
        setFound({ list: problems, order });
        setNotice(t('editor.checkForm'));
        return null;
      }
      return { body, order };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (err) {
      setNotice(t('editor.invalidJson', { detail: err instanceof Error ? err.message : '' }));
      return null;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      setNotice(t('editor.notObject'));
      return null;
    }
    return { body: parsed as Record<string, unknown>, order: null };
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setRefusal(null);
    setNotice(null);
    setFound(NONE);
    const sending = bodyToSend();
    if (!sending) return;
    setBusy(true);
    try {
      onSaved(await onSubmit(sending.body));
    } catch (err) {
      setRefusal(err);
      setFound({ list: problemsOfRefusal(fieldErrorsOf(err)), order: sending.order });
    } finally {
      setBusy(false);
    }
  };

  const say1 = (list: FieldProblem[]) => list.map(say).join(' ');
  const field = (name: 'code' | 'name' | 'categories', labelText: string, value: string, onChange: (v: string) => void, hint?: string) => {
    const messages = say1(topProblems(name));
    const id = `${idPrefix}-${name}`;
    return (
      <>
        <label htmlFor={id}>{labelText}</label>
        <input
          id={id}
          value={value}
          spellCheck={name === 'name'}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={messages ? true : undefined}
          aria-describedby={[hint ? `${id}-hint` : null, messages ? `${id}-error` : null].filter(Boolean).join(' ') || undefined}
        />
        {hint ? (
          <p id={`${id}-hint`} className="muted small">
            {hint}
          </p>
        ) : null}
        {messages ? (
          <p id={`${id}-error`} className="field-error" role="alert">
            {messages}
          </p>
        ) : null}
      </>
    );
  };

  const jsonId = `${idPrefix}-json`;
  const generalProblems = [...topProblems('other'), ...topProblems('stages')];
  return (
    <form className="chain-editor" onSubmit={(e) => void submit(e)} noValidate>
      <div className="view-switch" role="group" aria-label={t('editor.view.label')}>
        <button type="button" aria-pressed={view === 'form'} onClick={() => view === 'json' && toForm()}>
          {t('editor.view.form')}
        </button>
        <button type="button" aria-pressed={view === 'json'} onClick={() => view === 'form' && toJson()}>
          {t('editor.view.json')}
        </button>
      </div>
      {notice ? (
        <p id={`${idPrefix}-notice`} className="field-error" role="alert">
          {notice}
        </p>
      ) : null}
      <ErrorMessage error={refusal} ns="admin" />

      {view === 'form' ? (
        <div className="form editor-form">
          {withCode ? field('code', t('editor.code'), form.code, (code) => update({ ...form, code }), t('editor.codeHint')) : null}
          {field('name', t('editor.name'), form.name, (name) => update({ ...form, name }))}
          {field('categories', t('editor.categories'), form.categories, (categories) => update({ ...form, categories }), t('editor.categoriesHint'))}
          <div className="check">
            <input id={`${idPrefix}-take-over`} type="checkbox" checked={form.takeOverCategories} onChange={(e) => update({ ...form, takeOverCategories: e.target.checked })} />
            <label htmlFor={`${idPrefix}-take-over`}>{t('editor.takeOver')}</label>
          </div>
          <h3>{t('editor.stages')}</h3>
          {generalProblems.length ? (
            <p className="field-error" role="alert">
              {say1(generalProblems)}
            </p>
          ) : null}
          {form.stages.map((stage, i) => (
            <StageFields
              key={stage.uid}
              stage={stage}
              index={i}
              count={form.stages.length}
              titles={titles}
              problems={stageProblems(stage, i)}
              say={say}
              onChange={(next) => setStage(i, next)}
              onMove={(to) => {
                update({ ...form, stages: move(form.stages, i, to) });
                setFocusId(`stage-${stage.uid}-${to < i ? 'up' : 'down'}`);
              }}
              onRemove={() => {
                update({ ...form, stages: form.stages.filter((s) => s.uid !== stage.uid) });
                setFocusId(`${idPrefix}-add-stage`);
              }}
              onPicked={(post: PostChoice) => setPicked((m) => new Map(m).set(post.id, post.title))}
            />
          ))}
          <button
            type="button"
            id={`${idPrefix}-add-stage`}
            onClick={() => {
              const stage = newStage();
              update({ ...form, stages: [...form.stages, stage] });
              setFocusId(`stage-${stage.uid}-name`);
            }}
          >
            {t('editor.addStage')}
          </button>
        </div>
      ) : (
        <div className="form editor">
          <label htmlFor={jsonId}>{jsonLabel}</label>
          <textarea
            id={jsonId}
            className="code"
            spellCheck={false}
            value={json}
            rows={20}
            onChange={(e) => setJson(e.target.value)}
            aria-invalid={notice || found.list.length ? true : undefined}
            aria-describedby={[`${jsonId}-hint`, notice ? `${idPrefix}-notice` : null, found.list.length ? `${jsonId}-problems` : null].filter(Boolean).join(' ')}
          />
          <p id={`${jsonId}-hint`} className="muted small">
            {t('editor.hint')}
          </p>
          {found.list.length ? (
            <ul id={`${jsonId}-problems`} className="field-problems" aria-label={t('editor.problems')}>
              {found.list.map((p, i) => (
                <li key={`${p.path}-${i}`}>
                  <code>{p.path || 'JSON'}</code>: {say(p)}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}

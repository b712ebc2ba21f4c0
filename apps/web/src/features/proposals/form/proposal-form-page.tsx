import { ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../api';
import { useAuth } from '../../auth';
import { Loading, Page, StatusBadge } from '../../components/common';
import {
  createBody,
  emptyAttachment,
  emptyForm,
  emptyIndicator,
  FieldErrors,
  fieldId,
  formOf,
  LIMITS,
  normalizePath,
  patchBody,
  ProposalFormState,
  serverErrors,
  validateForm,
} from './proposal-form';
import { NS, ProposalError, useMessageText, useResource } from './shared';
import { EDITABLE_STATUSES, INITIATOR_KINDS, Proposal, PROPOSAL_FORMS, PROPOSAL_TYPES, Unit } from './types';
import './proposals.css';

type Action = 'save' | 'submit';
/** The attributes that tie an input to its hint and its message. */
interface Described {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}
type TextField = 'title' | 'problem' | 'proposedChange' | 'goals' | 'benefits' | 'category' | 'type' | 'form' | 'initiatorKind' | 'budgetEstimate' | 'pilotDurationMonths' | 'pilotScope' | 'risks';

/** Where a message of the form state's own fields is shown, as the API names them. */
const PATH_OF: Partial<Record<TextField, string>> = { pilotDurationMonths: 'pilotPlan.durationMonths', pilotScope: 'pilotPlan.scope' };
const pathOf = (field: TextField) => PATH_OF[field] ?? field;

/** The label keys (fields.*) of the inputs of indicator and attachment rows. */
const ROW_FIELD_LABELS: Record<string, string> = {
  'indicators.name': 'indicatorName',
  'indicators.baseline': 'baseline',
  'indicators.target': 'target',
  'attachments.name': 'attachmentName',
  'attachments.url': 'attachmentUrl',
};

/** A key for a retried resubmission to apply once (Idempotency-Key). */
const newKey = () => `resubmit-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** Usulan Baru. */
export function NewProposalPage() {
  return <ProposalFormPage />;
}

/** Ubah usulan: a draft, or a proposal returned for revision (then Ajukan Ulang). */
export function EditProposalPage() {
  const { id } = useParams();
  return <ProposalFormPage key={id} id={id} />;
}

function ProposalFormPage({ id }: { id?: string }) {
  const { t } = useTranslation(NS);
  const navigate = useNavigate();
  const location = useLocation();
  const { user } = useAuth();
  const messageText = useMessageText();
  const [stored, setStored] = useState<Proposal | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [form, setForm] = useState<ProposalFormState>(emptyForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(() => (location.state as { flash?: string } | null)?.flash ?? null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [unitToAdd, setUnitToAdd] = useState('');
  const resubmitKey = useMemo(newKey, []);
  const summaryRef = useRef<HTMLDivElement>(null);
  const units = useResource<{ items: Unit[] }>('/api/units');
  const templates = useResource<{ items: { categories: string[] }[] }>('/api/templates');

  useEffect(() => {
    if (!id) return;
    let live = true;
    void api<Proposal>(`/api/proposals/${id}`)
      .then((p) => {
        if (!live) return;
        setStored(p);
        setForm(formOf(p));
      })
      .catch((err: unknown) => live && setLoadError(err));
    return () => {
      live = false;
    };
  }, [id]);

  useEffect(() => {
    if (Object.keys(errors).length > 0) summaryRef.current?.focus();
  }, [errors]);

  const returned = stored?.status === 'returned';
  const categories = useMemo(() => [...new Set((templates.data?.items ?? []).flatMap((tpl) => tpl.categories))].sort(), [templates.data]);
  const unitList = units.data?.items ?? [];
  const unitName = (unitId: string) => unitList.find((u) => u.id === unitId)?.name ?? unitId;
  const lastReturn = useMemo(
    () => (stored?.tasks ?? []).filter((task) => task.decision === 'return').sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''))[0],
    [stored],
  );

  const clearErrors = (predicate: (path: string) => boolean) =>
    setErrors((current) => (Object.keys(current).some(predicate) ? Object.fromEntries(Object.entries(current).filter(([p]) => !predicate(p))) : current));
  const set = (field: TextField) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    clearErrors((p) => p === pathOf(field) || (field.startsWith('pilot') && p === 'pilotPlan'));
  };
  const setRow = <K extends 'indicators' | 'attachments'>(list: K, index: number, key: string, value: string) => {
    setForm((f) => ({ ...f, [list]: f[list].map((row, i) => (i === index ? { ...row, [key]: value } : row)) }));
    clearErrors((p) => p === `${list}.${index}.${key}` || p === `${list}.${index}` || p === list);
  };
  const removeRow = (list: 'indicators' | 'attachments', index: number) => {
    setForm((f) => ({ ...f, [list]: f[list].filter((_, i) => i !== index) }));
    // Rows after it move up: their messages would point at the wrong row.
    clearErrors((p) => p === list || p.startsWith(`${list}.`));
  };

  const describe = (path: string, hint = false): Described => {
    const idOf = fieldId(path);
    const invalid = (errors[normalizePath(path)]?.length ?? 0) > 0;
    const ids = [hint ? `${idOf}-hint` : null, invalid ? `${idOf}-error` : null].filter(Boolean).join(' ');
    return { id: idOf, 'aria-invalid': invalid || undefined, 'aria-describedby': ids || undefined };
  };
  const messages = (path: string) => {
    const list = errors[path];
    if (!list?.length) return null;
    return (
      <p className="field-error" id={`${fieldId(path)}-error`}>
        {list.map(messageText).join(' ')}
      </p>
    );
  };

  /** The label of a field path, for the summary of messages. */
  const labelOf = (path: string): string => {
    const row = /^(indicators|attachments)\.(\d+)(?:\.(\w+))?$/.exec(path);
    if (row) {
      const n = Number(row[2]) + 1;
      const rowLabel = row[1] === 'indicators' ? t('form.indicatorN', { n }) : t('form.attachmentN', { n });
      const part = row[3] ? ROW_FIELD_LABELS[`${row[1]}.${row[3]}`] : undefined;
      return part ? `${rowLabel}: ${t(`fields.${part}`)}` : rowLabel;
    }
    const known: Record<string, string> = {
      'pilotPlan.durationMonths': 'pilotDuration',
      'pilotPlan.scope': 'pilotScope',
      pilotPlan: 'pilotPlan',
      note: 'resubmitNote',
      indicators: 'indicators',
      attachments: 'attachments',
      collaboratingUnitIds: 'collaboratingUnits',
    };
    const key = known[path] ?? path;
    return t(`fields.${key}`, { defaultValue: path });
  };

  const act = async (action: Action) => {
    setError(null);
    setNotice(null);
    const found = validateForm(form);
    if (note.length > LIMITS.resubmitNote) found.note = [{ key: 'maxLength', params: { n: LIMITS.resubmitNote } }];
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      if (!stored) {
        const created = await api<Proposal>('/api/proposals', { method: 'POST', body: createBody(form, action === 'submit') });
        if (action === 'submit') void navigate(`/usulan/${created.id}`, { state: { flash: 'submitted' } });
        else void navigate(`/usulan/${created.id}/ubah`, { replace: true, state: { flash: 'draftSaved' } });
        return;
      }
      let current = stored;
      const changes = patchBody(form, stored);
      if (Object.keys(changes).length > 0) {
        current = await api<Proposal>(`/api/proposals/${stored.id}`, { method: 'PATCH', body: changes, headers: { 'if-match': String(stored.version) } });
        setStored(current);
      }
      if (action === 'save') {
        setNotice(Object.keys(changes).length === 0 ? 'nothingChanged' : current.status === 'draft' ? 'draftSaved' : 'changesSaved');
        return;
      }
      if (current.status === 'draft') {
        await api(`/api/proposals/${current.id}/submit`, { method: 'POST' });
        void navigate(`/usulan/${current.id}`, { state: { flash: 'submitted' } });
      } else {
        await api(`/api/proposals/${current.id}/resubmit`, { method: 'POST', body: note.trim() ? { note } : {}, headers: { 'idempotency-key': resubmitKey } });
        void navigate(`/usulan/${current.id}`, { state: { flash: 'resubmitted' } });
      }
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) setErrors(serverErrors(err.fields, form));
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (id && loadError) {
    return (
      <Page title={t('form.titleEdit')}>
        <ProposalError error={loadError} />
        <Link to="/usulan">{t('form.backToList')}</Link>
      </Page>
    );
  }
  if (id && !stored) {
    return (
      <Page title={t('form.titleEdit')}>
        <Loading />
      </Page>
    );
  }
  if (stored && stored.proposerId !== user?.id) {
    return (
      <Page title={t('form.titleEdit')}>
        <div className="card" role="status">
          <p>{t('errors.NOT_PROPOSER')}</p>
          <Link to={`/usulan/${stored.id}`}>{t('form.backToDetail')}</Link>
        </div>
      </Page>
    );
  }
  if (stored && !EDITABLE_STATUSES.includes(stored.status)) {
    return (
      <Page title={t('form.titleEdit')}>
        <div className="card" role="status">
          <p>
            {t('form.notEditable')} <StatusBadge status={stored.status} />
          </p>
          <Link to={`/usulan/${stored.id}`}>{t('form.backToDetail')}</Link>
        </div>
      </Page>
    );
  }

  const errorPaths = Object.keys(errors);
  const text = (field: TextField, props: { label: string; required?: boolean; hint?: string; multiline?: boolean; maxLength?: number; inputMode?: 'decimal' | 'numeric'; list?: string }) => {
    const path = pathOf(field);
    return (
      <div className="field">
        <label htmlFor={fieldId(path)}>
          {props.label}
          {props.required ? <Required /> : <span className="optional"> {t('form.optional')}</span>}
        </label>
        {props.hint ? (
          <p className="hint" id={`${fieldId(path)}-hint`}>
            {props.hint}
          </p>
        ) : null}
        {props.multiline ? (
          <textarea {...describe(path, !!props.hint)} value={form[field]} required={props.required} onChange={(e) => set(field)(e.target.value)} />
        ) : (
          <input
            {...describe(path, !!props.hint)}
            type="text"
            value={form[field]}
            required={props.required}
            inputMode={props.inputMode}
            list={props.list}
            autoComplete="off"
            onChange={(e) => set(field)(e.target.value)}
          />
        )}
        {messages(path)}
      </div>
    );
  };
  const choice = (field: 'type' | 'form' | 'initiatorKind', values: readonly string[], prefix: string) => (
    <div className="field">
      <label htmlFor={fieldId(field)}>
        {t(`fields.${field}`)}
        <Required />
      </label>
      <select {...describe(field)} value={form[field]} required onChange={(e) => set(field)(e.target.value)}>
        <option value="">{t('form.choose')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {t(`${prefix}.${v}`)}
          </option>
        ))}
      </select>
      {messages(field)}
    </div>
  );

  return (
    <Page title={stored ? t('form.titleEdit') : t('form.titleNew')}>
      {stored ? (
        <p className="form-context">
          <span className="proposal-title">{stored.title}</span> <StatusBadge status={stored.status} />
        </p>
      ) : null}
      {returned && lastReturn ? (
        <div className="alert alert-warn">
          <p>{t('form.returnedNotice')}</p>
          {lastReturn.comment ? (
            <p>
              {t('form.returnedBy', { name: lastReturn.decidedByName ?? lastReturn.assigneeName ?? '', stage: lastReturn.stageName })}{' '}
              <q>{lastReturn.comment}</q>
            </p>
          ) : null}
        </div>
      ) : null}
      {notice ? (
        <p className="alert alert-ok" role="status">
          {t(`flash.${notice}`)}
        </p>
      ) : null}
      {errorPaths.length > 0 ? (
        <div className="alert alert-error" role="alert" tabIndex={-1} ref={summaryRef} data-testid="error-summary">
          <p>{t('errors.VALIDATION_FAILED', { ns: 'common' })}</p>
          <ul>
            {errorPaths.map((path) => (
              <li key={path}>
                <a
                  href={`#${fieldId(path)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(fieldId(path))?.focus();
                  }}
                >
                  {labelOf(path)}: {errors[path]!.map(messageText).join(' ')}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : error ? (
        <ProposalError error={error} />
      ) : null}
      <p className="muted small">{t('form.requiredNote')}</p>
      <form
        className="proposal-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void act('save');
        }}
      >
        <fieldset className="card">
          <legend>{t('form.sections.idea')}</legend>
          {text('title', { label: t('fields.title'), required: true, hint: t('form.hints.title') })}
          {text('problem', { label: t('fields.problem'), required: true, multiline: true })}
          {text('proposedChange', { label: t('fields.proposedChange'), required: true, multiline: true })}
          {text('goals', { label: t('fields.goals'), multiline: true })}
          {text('benefits', { label: t('fields.benefits'), multiline: true })}
        </fieldset>

        <fieldset className="card">
          <legend>{t('form.sections.classification')}</legend>
          {text('category', { label: t('fields.category'), required: true, hint: t('form.hints.category'), list: 'category-options' })}
          <datalist id="category-options">
            {categories.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <div className="field-row">
            {choice('type', PROPOSAL_TYPES, 'values.type')}
            {choice('form', PROPOSAL_FORMS, 'values.form')}
            {choice('initiatorKind', INITIATOR_KINDS, 'values.initiatorKind')}
          </div>
        </fieldset>

        <fieldset className="card">
          <legend>{t('form.sections.plan')}</legend>
          {text('budgetEstimate', { label: t('fields.budgetEstimate'), hint: t('form.hints.budget'), inputMode: 'decimal' })}
          <div className="field-group" id={fieldId('pilotPlan')}>
            <p className="group-label">{t('fields.pilotPlan')}</p>
            <p className="hint">{t('form.hints.pilot')}</p>
            {messages('pilotPlan')}
            <div className="field-row">
              {text('pilotDurationMonths', { label: t('fields.pilotDuration'), inputMode: 'numeric' })}
              {text('pilotScope', { label: t('fields.pilotScope') })}
            </div>
          </div>
          {text('risks', { label: t('fields.risks'), multiline: true })}
        </fieldset>

        <fieldset className="card" id={fieldId('indicators')}>
          <legend>{t('fields.indicators')}</legend>
          <p className="hint">{t('form.hints.indicators')}</p>
          {messages('indicators')}
          {form.indicators.map((row, i) => (
            <fieldset key={row.rowId} className="row-card">
              <legend>{t('form.indicatorN', { n: i + 1 })}</legend>
              <div className="field-row">
                <RowInput label={t('fields.indicatorName')} required path={`indicators.${i}.name`} value={row.name} describe={describe} onChange={(v) => setRow('indicators', i, 'name', v)}>
                  {messages(`indicators.${i}.name`)}
                </RowInput>
                <RowInput label={t('fields.baseline')} path={`indicators.${i}.baseline`} value={row.baseline} describe={describe} onChange={(v) => setRow('indicators', i, 'baseline', v)}>
                  {messages(`indicators.${i}.baseline`)}
                </RowInput>
                <RowInput label={t('fields.target')} path={`indicators.${i}.target`} value={row.target} describe={describe} onChange={(v) => setRow('indicators', i, 'target', v)}>
                  {messages(`indicators.${i}.target`)}
                </RowInput>
              </div>
              {messages(`indicators.${i}`)}
              <button type="button" className="link-button" onClick={() => removeRow('indicators', i)}>
                {t('form.removeIndicator', { n: i + 1 })}
              </button>
            </fieldset>
          ))}
          <button type="button" className="add-row" disabled={form.indicators.length >= LIMITS.rows} onClick={() => setForm((f) => ({ ...f, indicators: [...f.indicators, emptyIndicator()] }))}>
            {t('form.addIndicator')}
          </button>
        </fieldset>

        <fieldset className="card" id={fieldId('collaboratingUnitIds')}>
          <legend>{t('fields.collaboratingUnits')}</legend>
          <p className="hint">{t('form.hints.units')}</p>
          {form.collaboratingUnitIds.length === 0 ? (
            <p className="muted">{t('form.noUnits')}</p>
          ) : (
            <ul className="chips">
              {form.collaboratingUnitIds.map((unitId) => (
                <li key={unitId} className="chip">
                  <span>{unitName(unitId)}</span>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('form.removeUnit', { name: unitName(unitId) })}
                    onClick={() => {
                      setForm((f) => ({ ...f, collaboratingUnitIds: f.collaboratingUnitIds.filter((x) => x !== unitId) }));
                      clearErrors((p) => p.startsWith('collaboratingUnitIds'));
                    }}
                  >
                    {t('form.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {messages('collaboratingUnitIds')}
          <div className="inline-add">
            <div className="field grow">
              <label htmlFor="unit-to-add">{t('form.chooseUnit')}</label>
              <select id="unit-to-add" value={unitToAdd} onChange={(e) => setUnitToAdd(e.target.value)} disabled={!units.data}>
                <option value="">{t('form.choose')}</option>
                {unitList
                  .filter((u) => !form.collaboratingUnitIds.includes(u.id))
                  .map((u) => (
                    <option key={u.id} value={u.id}>
                      {'\u00a0\u00a0'.repeat(u.depth)}
                      {u.name}
                    </option>
                  ))}
              </select>
            </div>
            <button
              type="button"
              disabled={!unitToAdd || form.collaboratingUnitIds.length >= LIMITS.rows}
              onClick={() => {
                setForm((f) => ({ ...f, collaboratingUnitIds: [...f.collaboratingUnitIds, unitToAdd] }));
                setUnitToAdd('');
              }}
            >
              {t('form.addUnit')}
            </button>
          </div>
          {units.error ? <ProposalError error={units.error} /> : null}
        </fieldset>

        <fieldset className="card" id={fieldId('attachments')}>
          <legend>{t('fields.attachments')}</legend>
          <p className="hint">{t('form.hints.attachments')}</p>
          {messages('attachments')}
          {form.attachments.length === 0 ? <p className="muted">{t('form.noAttachments')}</p> : null}
          {form.attachments.map((row, i) => (
            <fieldset key={row.rowId} className="row-card">
              <legend>{t('form.attachmentN', { n: i + 1 })}</legend>
              <div className="field-row">
                <RowInput label={t('fields.attachmentName')} required path={`attachments.${i}.name`} value={row.name} describe={describe} onChange={(v) => setRow('attachments', i, 'name', v)}>
                  {messages(`attachments.${i}.name`)}
                </RowInput>
                <RowInput label={t('fields.attachmentUrl')} required type="url" path={`attachments.${i}.url`} value={row.url} describe={describe} onChange={(v) => setRow('attachments', i, 'url', v)}>
                  {messages(`attachments.${i}.url`)}
                </RowInput>
              </div>
              {messages(`attachments.${i}`)}
              <button type="button" className="link-button" onClick={() => removeRow('attachments', i)}>
                {t('form.removeAttachment', { n: i + 1 })}
              </button>
            </fieldset>
          ))}
          <button type="button" className="add-row" disabled={form.attachments.length >= LIMITS.rows} onClick={() => setForm((f) => ({ ...f, attachments: [...f.attachments, emptyAttachment()] }))}>
            {t('form.addAttachment')}
          </button>
        </fieldset>

        {returned ? (
          <fieldset className="card">
            <legend>{t('form.sections.resubmit')}</legend>
            <div className="field">
              <label htmlFor={fieldId('note')}>
                {t('fields.resubmitNote')}
                <span className="optional"> {t('form.optional')}</span>
              </label>
              <p className="hint" id={`${fieldId('note')}-hint`}>
                {t('form.hints.note')}
              </p>
              <textarea
                {...describe('note', true)}
                value={note}
                onChange={(e) => {
                  setNote(e.target.value);
                  clearErrors((p) => p === 'note');
                }}
              />
              {messages('note')}
            </div>
          </fieldset>
        ) : null}

        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {returned ? t('form.saveChanges') : t('form.saveDraft')}
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void act('submit')}>
            {returned ? t('form.resubmit') : t('form.submit')}
          </button>
          <Link to={stored ? `/usulan/${stored.id}` : '/usulan'} className="cancel-link">
            {t('form.cancel')}
          </Link>
          {busy ? (
            <span className="muted" role="status">
              {t('form.saving')}
            </span>
          ) : null}
        </div>
      </form>
    </Page>
  );
}

/** The visible mark of a required field; assistive technology reads the input's `required` instead. */
function Required() {
  return (
    <span className="required-mark" aria-hidden="true">
      {' '}
      *
    </span>
  );
}

function RowInput({
  label,
  path,
  value,
  required,
  type = 'text',
  describe,
  onChange,
  children,
}: {
  label: string;
  path: string;
  value: string;
  required?: boolean;
  type?: 'text' | 'url';
  describe: (path: string) => Described;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const props = describe(path);
  return (
    <div className="field">
      <label htmlFor={props.id}>
        {label}
        {required ? <Required /> : null}
      </label>
      <input {...props} type={type} value={value} required={required} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
      {children}
    </div>
  );
}

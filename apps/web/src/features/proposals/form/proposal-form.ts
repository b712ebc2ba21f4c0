/**
 * The proposal form without React: its state, the rules of the API's DTOs (create-proposal.dto.ts,
 * update-proposal.dto.ts) checked before sending, the request bodies, and the API's 422 field
 * messages mapped back onto the form. Messages are keys, translated when shown, so switching the
 * language translates them too.
 */
import type { AttachmentDto, IndicatorDto, ProposalView } from '@apps/web/src/lib/api-types';
import { INITIATOR_KINDS, PROPOSAL_FORMS, PROPOSAL_TYPES } from '../proposal-values';
import { formatRupiah, parseRupiah, RUPIAH_MAX } from './money';

/** The content of a proposal: what the proposer writes, as the API stores it. */
export type ProposalContent = Pick<
  ProposalView,
  | 'title' | 'problem' | 'proposedChange' | 'goals' | 'benefits' | 'category' | 'type' | 'form' | 'initiatorKind'
  | 'budgetEstimate' | 'pilotPlan' | 'indicators' | 'risks' | 'collaboratingUnitIds' | 'attachments'
>;

/** A message for one field: a key of `validation.*` with its values, or the API's own words when it says something the form does not know. */
export interface FieldMessage {
  key: string;
  params?: Record<string, string | number>;
  raw?: string;
}

/** Messages by field path, as the API names fields: `title`, `pilotPlan.durationMonths`, `indicators.0.name`. */
export type FieldErrors = Record<string, FieldMessage[]>;

export interface IndicatorRow extends IndicatorDto {
  rowId: string;
}

export interface AttachmentRow extends AttachmentDto {
  rowId: string;
}

/** What the inputs hold: text as typed, so nothing is lost while it is not valid yet. */
export interface ProposalFormState {
  title: string;
  problem: string;
  proposedChange: string;
  goals: string;
  benefits: string;
  category: string;
  type: string;
  form: string;
  initiatorKind: string;
  budgetEstimate: string;
  pilotDurationMonths: string;
  pilotScope: string;
  indicators: IndicatorRow[];
  risks: string;
  collaboratingUnitIds: string[];
  attachments: AttachmentRow[];
}

/** The content fields of the API, in the order the form shows them. */
export const CONTENT_FIELDS = [
  'title', 'problem', 'proposedChange', 'goals', 'benefits', 'category', 'type', 'form', 'initiatorKind',
  'budgetEstimate', 'pilotPlan', 'indicators', 'risks', 'collaboratingUnitIds', 'attachments',
] as const;
type ContentField = (typeof CONTENT_FIELDS)[number];

/**
 * What a submission needs beyond the title (libs/domain REQUIRED_TO_SUBMIT): a draft may leave
 * them empty, and they are then not sent.
 */
export const REQUIRED_TO_SUBMIT = ['problem', 'proposedChange', 'category', 'type', 'form', 'initiatorKind'] as const;
const isRequiredToSubmit = (key: string) => (REQUIRED_TO_SUBMIT as readonly string[]).includes(key);
/** Empty or only spaces. */
const blank = (value: unknown) => typeof value === 'string' && value.trim() === '';

/** Simpan Draf checks a draft (only the title required), Ajukan the whole proposal. */
export type CheckMode = 'draft' | 'submit';

/** The limits of the DTOs. */
export const LIMITS = {
  title: [5, 200],
  problem: [10, 10000],
  proposedChange: [10, 10000],
  goals: [0, 5000],
  benefits: [0, 5000],
  risks: [0, 5000],
  category: [1, 64],
  pilotScope: [3, 2000],
  pilotMonths: [1, 60],
  indicatorName: [1, 200],
  indicatorText: [0, 200],
  attachmentName: [1, 200],
  attachmentUrl: [1, 2000],
  rows: 20,
  budgetMax: RUPIAH_MAX,
  resubmitNote: 5000,
  withdrawReason: 2000,
} as const;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const TYPES: readonly string[] = PROPOSAL_TYPES;
const FORMS: readonly string[] = PROPOSAL_FORMS;
const INITIATORS: readonly string[] = INITIATOR_KINDS;

let rowCounter = 0;
/** A stable key for a new row (React keys; never sent). */
export const newRowId = () => `row-${++rowCounter}`;

export const emptyIndicator = (): IndicatorRow => ({ rowId: newRowId(), name: '', baseline: '', target: '' });
export const emptyAttachment = (): AttachmentRow => ({ rowId: newRowId(), name: '', url: '' });

export function emptyForm(): ProposalFormState {
  return {
    title: '', problem: '', proposedChange: '', goals: '', benefits: '', category: '', type: '', form: '', initiatorKind: '',
    budgetEstimate: '', pilotDurationMonths: '', pilotScope: '', indicators: [emptyIndicator()], risks: '', collaboratingUnitIds: [], attachments: [],
  };
}

/** The form filled with a stored proposal. */
export function formOf(p: ProposalContent): ProposalFormState {
  return {
    title: p.title,
    problem: p.problem,
    proposedChange: p.proposedChange,
    goals: p.goals,
    benefits: p.benefits,
    category: p.category,
    type: p.type,
    form: p.form,
    initiatorKind: p.initiatorKind,
    budgetEstimate: p.budgetEstimate === null ? '' : formatRupiah(p.budgetEstimate),
    pilotDurationMonths: p.pilotPlan ? String(p.pilotPlan.durationMonths) : '',
    pilotScope: p.pilotPlan?.scope ?? '',
    indicators: p.indicators.map((i) => ({ rowId: newRowId(), name: i.name, baseline: i.baseline, target: i.target })),
    risks: p.risks,
    collaboratingUnitIds: [...p.collaboratingUnitIds],
    attachments: p.attachments.map((a) => ({ rowId: newRowId(), name: a.name, url: a.url })),
  };
}

const blankRow = (values: string[]) => values.every((v) => v.trim() === '');

/** Rows left entirely empty are not content: they are dropped rather than refused. */
const keptIndicators = (f: ProposalFormState) => f.indicators.filter((i) => !blankRow([i.name, i.baseline, i.target]));
const keptAttachments = (f: ProposalFormState) => f.attachments.filter((a) => !blankRow([a.name, a.url]));

/** The budget as typed ("Rp 75 juta", "75.000.000"; see money.ts), or null when it is not an amount. */
export const parseBudget = (text: string): number | null => {
  const reading = parseRupiah(text);
  return reading.ok ? reading.value : null;
};

/** An http(s) address a browser can parse; the API's stricter check (e.g. a domain with a dot) answers with a field message. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The request body's content as the form stands (blank optional parts left out). */
export function contentOf(f: ProposalFormState): Partial<Record<ContentField, unknown>> {
  const budget = f.budgetEstimate.trim() === '' ? null : parseBudget(f.budgetEstimate);
  const pilot = f.pilotDurationMonths.trim() === '' && f.pilotScope.trim() === '' ? null : { durationMonths: Number(f.pilotDurationMonths.trim()), scope: f.pilotScope };
  return {
    title: f.title,
    problem: f.problem,
    proposedChange: f.proposedChange,
    goals: f.goals,
    benefits: f.benefits,
    category: f.category.trim(),
    type: f.type,
    form: f.form,
    initiatorKind: f.initiatorKind,
    budgetEstimate: budget,
    pilotPlan: pilot,
    indicators: keptIndicators(f).map(({ name, baseline, target }) => ({ name, baseline, target })),
    risks: f.risks,
    collaboratingUnitIds: f.collaboratingUnitIds,
    attachments: keptAttachments(f).map(({ name, url }) => ({ name, url: url.trim() })),
  };
}

/** POST /api/proposals: a new proposal, kept as a draft or submitted at once. */
export function createBody(f: ProposalFormState, submit: boolean): Record<string, unknown> {
  const content = contentOf(f);
  const body: Record<string, unknown> = { ...content, submit };
  // Absent rather than null: the create DTO has no "clear" for these.
  if (content.budgetEstimate === null) delete body.budgetEstimate;
  if (content.pilotPlan === null) delete body.pilotPlan;
  // A draft needs only a title: what it leaves empty is left out (an empty value would be checked).
  if (!submit) for (const key of REQUIRED_TO_SUBMIT) if (blank(content[key])) delete body[key];
  return body;
}

/**
 * What the form holds, compared with what it was loaded or saved with, to know whether leaving
 * would lose something: the content as it would be sent, with text that does not read as an
 * amount or a number of months kept as typed.
 */
export function fingerprint(f: ProposalFormState): string {
  const budget = f.budgetEstimate.trim() === '' ? null : parseRupiah(f.budgetEstimate);
  return JSON.stringify({
    ...contentOf(f),
    budgetEstimate: budget === null ? null : budget.ok ? budget.value : f.budgetEstimate.trim(),
    pilotPlan: [f.pilotDurationMonths.trim(), f.pilotScope],
  });
}

/** Enter in a one-line input submits its form in a browser; the proposal form is only sent by its buttons. */
export const entersSubmit = (target: { tagName: string; type?: string }): boolean =>
  target.tagName === 'INPUT' && !['button', 'submit', 'reset', 'image'].includes(target.type ?? 'text');

/** PATCH /api/proposals/:id: only the fields that differ from the stored version (null clears budget and pilot plan). */
export function patchBody(f: ProposalFormState, stored: ProposalContent): Record<string, unknown> {
  const now = contentOf(f);
  const before = contentOf(formOf(stored));
  const body: Record<string, unknown> = {};
  for (const key of CONTENT_FIELDS) {
    // Spaces where a draft had nothing are still nothing.
    if (isRequiredToSubmit(key) && blank(now[key]) && blank(before[key])) continue;
    if (JSON.stringify(now[key]) !== JSON.stringify(before[key])) body[key] = now[key];
  }
  return body;
}

function add(errors: FieldErrors, path: string, message: FieldMessage): void {
  (errors[path] ??= []).push(message);
}

function checkLength(errors: FieldErrors, path: string, value: string, [min, max]: readonly [number, number]): void {
  if (value.length < min) add(errors, path, min <= 1 ? { key: 'required' } : { key: 'minLength', params: { n: min } });
  else if (value.length > max) add(errors, path, { key: 'maxLength', params: { n: max } });
}

/** The budget's problem, if it has one: not an amount, sen beyond two decimals, over the limit. */
function checkBudget(errors: FieldErrors, text: string): void {
  if (text.trim() === '') return;
  const reading = parseRupiah(text);
  if (reading.ok) return;
  if (reading.problem === 'format') add(errors, 'budgetEstimate', { key: 'budget' });
  else if (reading.problem === 'decimals') add(errors, 'budgetEstimate', { key: 'budgetDecimals' });
  else add(errors, 'budgetEstimate', { key: 'max', params: { n: formatRupiah(LIMITS.budgetMax) } });
}

/** The budget's messages (none when it is empty or an amount), for a check as the field is left. */
export function budgetMessages(text: string): FieldMessage[] {
  const errors: FieldErrors = {};
  checkBudget(errors, text);
  return errors.budgetEstimate ?? [];
}

/**
 * Messages about what a draft may still leave empty go: a required field empty in the form and
 * in the stored version is not sent. One that was filled in and is emptied now would be sent
 * empty, which the API refuses (a draft's field can be changed, not emptied): it says so.
 */
function draftOnly(errors: FieldErrors, f: ProposalFormState, stored: ProposalContent | null): FieldErrors {
  for (const key of REQUIRED_TO_SUBMIT) {
    if (!blank(f[key])) continue;
    if (stored && !blank(stored[key])) errors[key] = [{ key: 'cannotEmpty' }];
    else delete errors[key];
  }
  return errors;
}

/**
 * The rules of the DTOs, checked before anything is sent; an empty result means the API should
 * accept the content. To submit, every required field; for a draft, only the title, and the rest
 * where filled in.
 */
export function validateForm(f: ProposalFormState, mode: CheckMode = 'submit', stored: ProposalContent | null = null): FieldErrors {
  const errors: FieldErrors = {};
  checkLength(errors, 'title', f.title, LIMITS.title);
  checkLength(errors, 'problem', f.problem, LIMITS.problem);
  checkLength(errors, 'proposedChange', f.proposedChange, LIMITS.proposedChange);
  checkLength(errors, 'goals', f.goals, LIMITS.goals);
  checkLength(errors, 'benefits', f.benefits, LIMITS.benefits);
  checkLength(errors, 'risks', f.risks, LIMITS.risks);
  const category = f.category.trim();
  if (category === '') add(errors, 'category', { key: 'choose' });
  else if (category.length > LIMITS.category[1]) add(errors, 'category', { key: 'maxLength', params: { n: LIMITS.category[1] } });
  else if (!SLUG.test(category)) add(errors, 'category', { key: 'slug' });
  if (!TYPES.includes(f.type)) add(errors, 'type', { key: 'choose' });
  if (!FORMS.includes(f.form)) add(errors, 'form', { key: 'choose' });
  if (!INITIATORS.includes(f.initiatorKind)) add(errors, 'initiatorKind', { key: 'choose' });
  checkBudget(errors, f.budgetEstimate);
  checkRest(errors, f);
  return mode === 'draft' ? draftOnly(errors, f, stored) : errors;
}

/** The pilot plan, the rows and the units. */
function checkRest(errors: FieldErrors, f: ProposalFormState): void {
  if (f.pilotDurationMonths.trim() !== '' || f.pilotScope.trim() !== '') {
    const months = f.pilotDurationMonths.trim();
    const [min, max] = LIMITS.pilotMonths;
    if (months === '') add(errors, 'pilotPlan.durationMonths', { key: 'required' });
    else if (!/^-?\d+$/.test(months)) add(errors, 'pilotPlan.durationMonths', { key: 'integer' });
    else if (Number(months) < min) add(errors, 'pilotPlan.durationMonths', { key: 'min', params: { n: min } });
    else if (Number(months) > max) add(errors, 'pilotPlan.durationMonths', { key: 'max', params: { n: max } });
    checkLength(errors, 'pilotPlan.scope', f.pilotScope, LIMITS.pilotScope);
  }

  const indicators = keptIndicators(f);
  if (indicators.length > LIMITS.rows) add(errors, 'indicators', { key: 'maxRows', params: { n: LIMITS.rows } });
  f.indicators.forEach((row, i) => {
    if (blankRow([row.name, row.baseline, row.target])) return;
    checkLength(errors, `indicators.${i}.name`, row.name, LIMITS.indicatorName);
    checkLength(errors, `indicators.${i}.baseline`, row.baseline, LIMITS.indicatorText);
    checkLength(errors, `indicators.${i}.target`, row.target, LIMITS.indicatorText);
  });

  if (keptAttachments(f).length > LIMITS.rows) add(errors, 'attachments', { key: 'maxRows', params: { n: LIMITS.rows } });
  f.attachments.forEach((row, i) => {
    if (blankRow([row.name, row.url])) return;
    checkLength(errors, `attachments.${i}.name`, row.name, LIMITS.attachmentName);
    const url = row.url.trim();
    if (url === '') add(errors, `attachments.${i}.url`, { key: 'required' });
    else if (url.length > LIMITS.attachmentUrl[1]) add(errors, `attachments.${i}.url`, { key: 'maxLength', params: { n: LIMITS.attachmentUrl[1] } });
    else if (!isHttpUrl(url)) add(errors, `attachments.${i}.url`, { key: 'url' });
  });

  if (f.collaboratingUnitIds.length > LIMITS.rows) add(errors, 'collaboratingUnitIds', { key: 'maxRows', params: { n: LIMITS.rows } });
}

/**
 * The form's index of a row sent as `sent` (blank rows are not sent, so the API's `indicators.1` may
 * be the form's third row).
 */
function formIndex(rows: { values: string[] }[], sent: number): number {
  let seen = -1;
  for (let i = 0; i < rows.length; i++) {
    if (blankRow(rows[i]!.values)) continue;
    if (++seen === sent) return i;
  }
  return sent;
}

/** `indicators[0].name` and `indicators.0.name` alike, as the form names fields. */
export function normalizePath(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}

/** Maps the API's field paths onto the form's (row numbers of sent rows onto the form's rows). */
export function formPath(path: string, f: ProposalFormState): string {
  const p = normalizePath(path);
  const row = /^(indicators|attachments)\.(\d+)(\..*)?$/.exec(p);
  if (!row) return p;
  const rows = row[1] === 'indicators' ? f.indicators.map((r) => ({ values: [r.name, r.baseline, r.target] })) : f.attachments.map((r) => ({ values: [r.name, r.url] }));
  return `${row[1]}.${formIndex(rows, Number(row[2]))}${row[3] ?? ''}`;
}

/** class-validator's sentences (and the DTOs' own) as message keys, so they read in the reader's language. */
const SERVER_MESSAGES: [RegExp, (m: RegExpExecArray) => FieldMessage][] = [
  [/must be longer than or equal to (\d+) characters?/, (m) => (Number(m[1]) <= 1 ? { key: 'required' } : { key: 'minLength', params: { n: Number(m[1]) } })],
  [/must be shorter than or equal to (\d+) characters?/, (m) => ({ key: 'maxLength', params: { n: Number(m[1]) } })],
  [/must not be less than (-?[\d.e+]+)/, (m) => ({ key: 'min', params: { n: Number(m[1]) } })],
  [/must not be greater than (-?[\d.e+]+)/, (m) => ({ key: 'max', params: { n: Number(m[1]) } })],
  [/must be an integer number/, () => ({ key: 'integer' })],
  [/must be a number conforming/, () => ({ key: 'budget' })],
  [/must be one of the following values/, () => ({ key: 'choose' })],
  [/must be a lower-case slug/, () => ({ key: 'slug' })],
  [/must be an http\(s\) URL/, () => ({ key: 'url' })],
  [/must contain no more than (\d+) elements/, (m) => ({ key: 'maxRows', params: { n: Number(m[1]) } })],
  [/must be a UUID/, () => ({ key: 'unknownUnit' })],
  [/must not be blank/, () => ({ key: 'required' })],
  [/must not contain the NUL character/, () => ({ key: 'nul' })],
];

export function serverMessage(message: string): FieldMessage {
  for (const [pattern, toMessage] of SERVER_MESSAGES) {
    const m = pattern.exec(message);
    if (m) return toMessage(m);
  }
  return { key: 'raw', raw: message };
}

/** The API's 422 field messages (`ApiError.fields`) on the form's fields, one message per distinct meaning. */
export function serverErrors(fields: Record<string, string[]>, f: ProposalFormState): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, messages] of Object.entries(fields)) {
    const target = formPath(path, f);
    for (const message of messages) {
      const m = serverMessage(message);
      if (!(errors[target] ?? []).some((x) => JSON.stringify(x) === JSON.stringify(m))) add(errors, target, m);
    }
  }
  return errors;
}

/** A category slug as words, when the language has no name for it: `integrasi-data` → "Integrasi data". */
export const humanizeSlug = (slug: string) => (slug ? slug[0]!.toUpperCase() + slug.slice(1).replace(/-/g, ' ') : slug);
/** The key (in `proposals`) of a category's name, for the categories the language names. */
export const categoryLabelKey = (slug: string) => `categories.${slug}`;

/** The id of the input (or group) that shows a field path: `indicators.0.name` → `f-indicators-0-name`. */
export const fieldId = (path: string) => `f-${normalizePath(path).replace(/\./g, '-')}`;

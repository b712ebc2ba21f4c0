import { DurationFields, durationFields, EMPTY_DURATION, readDuration } from './duration-fields';

/**
 * The chain editor's form and the request body it stands for (POST /api/templates, POST
 * /api/templates/:code/versions). Both views edit one chain: the form converts to the body the JSON
 * view shows, and a JSON body converts back to the form. What the form has no input for (a stage's
 * condition and reminders, properties it does not know) is carried along unchanged, so switching
 * views never loses anything; a body the form cannot show (a mode that is no mode, a selector of no
 * known kind) stays in the JSON view, naming the fields. No React here: unit-tested.
 */

type Json = Record<string, unknown>;

export const APPROVER_KINDS = ['position', 'positions', 'head-of-proposer-unit', 'head-of-parent-unit'] as const;
export type ApproverKind = (typeof APPROVER_KINDS)[number];
export const TIMEOUT_ACTIONS = ['escalate-superior', 'escalate-to', 'return', 'notify-admin'] as const;
export type TimeoutAction = (typeof TIMEOUT_ACTIONS)[number];
export const MODES = ['any', 'all', 'quorum'] as const;
export type Mode = (typeof MODES)[number];

/** A post as the chain names it: by id (what the API answers, what the picker gives) or by code (typed in JSON). */
export interface PostRef {
  by: 'id' | 'code';
  value: string;
}

export interface ApproverForm {
  kind: ApproverKind;
  posts: PostRef[];
}

export interface TimeoutForm {
  /** Empty: no policy of its own (the API escalates to the superior post). */
  action: '' | TimeoutAction;
  post: PostRef | null;
  after: DurationFields;
  maxEscalations: string;
}

export interface StageForm {
  /** Stable for the life of the form (a React key; where a refusal's field paths point after a reorder). */
  uid: string;
  key: string;
  /** The key follows the name until it is typed in. */
  keyAuto: boolean;
  name: string;
  approvers: ApproverForm[];
  mode: Mode;
  quorum: string;
  sla: DurationFields;
  timeout: TimeoutForm;
  mayReturn: boolean;
  requiresDefinitive: boolean;
  /** condition, reminders and any property the form does not know, as they came. */
  extra: Json;
}

export interface ChainForm {
  code: string;
  name: string;
  /** As typed: slugs separated by commas or spaces. */
  categories: string;
  takeOverCategories: boolean;
  stages: StageForm[];
  extra: Json;
}

/** A problem with a field, where the API would report it (`stages[1].sla`), as a message key of the admin namespace and its values. */
export interface FieldProblem {
  path: string;
  key: string;
  values?: Record<string, string | number>;
}

let uids = 0;
const nextUid = () => `stage-${++uids}`;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const QUORUM = /^quorum:(\d+)$/;

/** A stage key from its name: "Kepala Bidang Pelayanan" → "kepala-bidang-pelayanan". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

export function newStage(): StageForm {
  return {
    uid: nextUid(),
    key: '',
    keyAuto: true,
    name: '',
    approvers: [{ kind: 'position', posts: [] }],
    mode: 'any',
    quorum: '2',
    sla: EMPTY_DURATION,
    timeout: { action: '', post: null, after: EMPTY_DURATION, maxEscalations: '' },
    mayReturn: false,
    requiresDefinitive: false,
    extra: {},
  };
}

export function emptyChainForm(): ChainForm {
  return { code: '', name: '', categories: '', takeOverCategories: false, stages: [newStage()], extra: {} };
}

/** Why a body cannot be shown in the form: the fields that hold what the form has no input for. */
class Unshowable extends Error {
  constructor(readonly fields: string[]) {
    super('unshowable');
  }
}

const text = (value: unknown, path: string): string => {
  if (value === undefined) return '';
  if (typeof value !== 'string') throw new Unshowable([path]);
  return value;
};

function onlyKeys(obj: Json, allowed: string[], path: string): void {
  const unknown = Object.keys(obj).filter((k) => !allowed.includes(k));
  if (unknown.length) throw new Unshowable(unknown.map((k) => `${path}.${k}`));
}

function postRef(id: unknown, code: unknown, path: string): PostRef[] {
  if (id !== undefined && code !== undefined) throw new Unshowable([path]);
  if (typeof id === 'string') return [{ by: 'id', value: id }];
  if (typeof code === 'string') return [{ by: 'code', value: code }];
  if (id === undefined && code === undefined) return [];
  throw new Unshowable([path]);
}

function approverForm(selector: unknown, path: string): ApproverForm {
  if (!isObject(selector) || !(APPROVER_KINDS as readonly unknown[]).includes(selector.kind)) throw new Unshowable([path]);
  const kind = selector.kind as ApproverKind;
  if (kind === 'position') {
    onlyKeys(selector, ['kind', 'positionId', 'positionCode'], path);
    return { kind, posts: postRef(selector.positionId, selector.positionCode, `${path}.positionId`) };
  }
  if (kind === 'positions') {
    onlyKeys(selector, ['kind', 'positionIds', 'positionCodes'], path);
    const { positionIds: ids = [], positionCodes: codes = [] } = selector;
    if (!isStringList(ids) || !isStringList(codes)) throw new Unshowable([`${path}.positionIds`]);
    return { kind, posts: [...ids.map((value): PostRef => ({ by: 'id', value })), ...codes.map((value): PostRef => ({ by: 'code', value }))] };
  }
  onlyKeys(selector, ['kind'], path);
  return { kind, posts: [] };
}

function timeoutForm(policy: unknown, path: string): TimeoutForm {
  if (policy === undefined) return newStage().timeout;
  if (!isObject(policy) || !(TIMEOUT_ACTIONS as readonly unknown[]).includes(policy.action)) throw new Unshowable([`${path}.action`]);
  onlyKeys(policy, ['action', 'positionId', 'positionCode', 'after', 'maxEscalations'], path);
  if (policy.after !== undefined && typeof policy.after !== 'string') throw new Unshowable([`${path}.after`]);
  const max = policy.maxEscalations;
  if (max !== undefined && !Number.isInteger(max)) throw new Unshowable([`${path}.maxEscalations`]);
  return {
    action: policy.action as TimeoutAction,
    post: postRef(policy.positionId, policy.positionCode, `${path}.positionId`)[0] ?? null,
    after: durationFields(policy.after),
    maxEscalations: max === undefined ? '' : String(max),
  };
}

const FORM_STAGE_KEYS = ['key', 'name', 'approvers', 'mode', 'sla', 'onTimeout', 'mayReturn', 'requiresDefinitive'];

function stageForm(stage: unknown, path: string): StageForm {
  if (!isObject(stage)) throw new Unshowable([path]);
  const approvers = stage.approvers ?? [];
  if (!Array.isArray(approvers)) throw new Unshowable([`${path}.approvers`]);
  const mode = stage.mode;
  const quorum = typeof mode === 'string' ? QUORUM.exec(mode) : null;
  if (mode !== 'any' && mode !== 'all' && !quorum) throw new Unshowable([`${path}.mode`]);
  if (stage.sla !== undefined && typeof stage.sla !== 'string') throw new Unshowable([`${path}.sla`]);
  for (const flag of ['mayReturn', 'requiresDefinitive']) {
    if (stage[flag] !== undefined && typeof stage[flag] !== 'boolean') throw new Unshowable([`${path}.${flag}`]);
  }
  const key = text(stage.key, `${path}.key`);
  return {
    uid: nextUid(),
    key,
    keyAuto: key === '',
    name: text(stage.name, `${path}.name`),
    approvers: approvers.map((a, j) => approverForm(a, `${path}.approvers[${j}]`)),
    mode: quorum ? 'quorum' : (mode as Mode),
    quorum: quorum ? quorum[1] : '2',
    sla: durationFields(stage.sla),
    timeout: timeoutForm(stage.onTimeout, `${path}.onTimeout`),
    mayReturn: stage.mayReturn === true,
    requiresDefinitive: stage.requiresDefinitive === true,
    extra: Object.fromEntries(Object.entries(stage).filter(([k]) => !FORM_STAGE_KEYS.includes(k))),
  };
}

const FORM_BODY_KEYS = ['code', 'name', 'categories', 'takeOverCategories', 'stages'];

/** The form showing a request body, or the fields it has no input for. */
export function bodyToForm(body: unknown, withCode: boolean): { ok: true; form: ChainForm } | { ok: false; fields: string[] } {
  try {
    if (!isObject(body)) throw new Unshowable(['']);
    const { categories = [], stages = [], takeOverCategories = false } = body;
    if (!isStringList(categories)) throw new Unshowable(['categories']);
    if (!Array.isArray(stages)) throw new Unshowable(['stages']);
    if (typeof takeOverCategories !== 'boolean') throw new Unshowable(['takeOverCategories']);
    const known = withCode ? FORM_BODY_KEYS : FORM_BODY_KEYS.filter((k) => k !== 'code');
    return {
      ok: true,
      form: {
        code: withCode ? text(body.code, 'code') : '',
        name: text(body.name, 'name'),
        categories: categories.join(', '),
        takeOverCategories,
        stages: stages.map((s, i) => stageForm(s, `stages[${i}]`)),
        extra: Object.fromEntries(Object.entries(body).filter(([k]) => !known.includes(k))),
      },
    };
  } catch (err) {
    if (err instanceof Unshowable) return { ok: false, fields: err.fields };
    throw err;
  }
}

function selector(a: ApproverForm): Json {
  const ids = a.posts.filter((p) => p.by === 'id').map((p) => p.value);
  const codes = a.posts.filter((p) => p.by === 'code').map((p) => p.value);
  if (a.kind === 'position') {
    const [post] = a.posts;
    return post?.by === 'code' ? { kind: a.kind, positionCode: post.value } : { kind: a.kind, positionId: post?.value ?? '' };
  }
  if (a.kind === 'positions') return { kind: a.kind, ...(ids.length || !codes.length ? { positionIds: ids } : {}), ...(codes.length ? { positionCodes: codes } : {}) };
  return { kind: a.kind };
}

const postField = (post: PostRef | null): Json => (post ? (post.by === 'code' ? { positionCode: post.value } : { positionId: post.value }) : {});

/** One stage as the API takes it, in the order the API documents its properties; problems found on the way. */
function stageBody(s: StageForm, path: string, problems: FieldProblem[]): Json {
  const duration = (fields: DurationFields, at: string): string | null => {
    const read = readDuration(fields);
    if (read.ok) return read.iso;
    problems.push({ path: at, key: read.problem });
    return null;
  };
  const k = s.quorum.trim();
  if (s.mode === 'quorum' && !/^[1-9]\d{0,5}$/.test(k)) problems.push({ path: `${path}.mode`, key: 'quorumNumber' });
  s.approvers.forEach((a, j) => {
    if ((a.kind === 'position' || a.kind === 'positions') && a.posts.length === 0) {
      problems.push({ path: `${path}.approvers[${j}].${a.kind === 'position' ? 'positionId' : 'positionIds'}`, key: 'pickPost' });
    }
  });
  const { condition, reminders, ...unknown } = s.extra;
  const sla = duration(s.sla, `${path}.sla`);
  const body: Json = { key: s.key.trim(), name: s.name, approvers: s.approvers.map(selector), mode: s.mode === 'quorum' ? `quorum:${k}` : s.mode };
  if (condition !== undefined) body.condition = condition;
  if (sla !== null) body.sla = sla;
  if (reminders !== undefined) body.reminders = reminders;
  const t = s.timeout;
  if (t.action) {
    if (t.action === 'escalate-to' && !t.post) problems.push({ path: `${path}.onTimeout.positionId`, key: 'pickPost' });
    const after = duration(t.after, `${path}.onTimeout.after`);
    const max = t.maxEscalations.trim();
    if (max !== '' && !/^\d{1,3}$/.test(max)) problems.push({ path: `${path}.onTimeout.maxEscalations`, key: 'wholeNumber' });
    body.onTimeout = {
      action: t.action,
      ...(t.action === 'escalate-to' ? postField(t.post) : {}),
      ...(after !== null ? { after } : {}),
      ...(t.action.startsWith('escalate') && /^\d{1,3}$/.test(max) ? { maxEscalations: Number(max) } : {}),
    };
  }
  if (s.mayReturn) body.mayReturn = true;
  if (s.requiresDefinitive) body.requiresDefinitive = true;
  return { ...body, ...unknown };
}

/** The request body the form stands for, and what in the form cannot be sent as it is. */
export function formToBody(form: ChainForm, withCode: boolean): { body: Json; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const stages = form.stages.map((s, i) => stageBody(s, `stages[${i}]`, problems));
  const body: Json = {
    ...(withCode ? { code: form.code.trim() } : {}),
    name: form.name,
    categories: form.categories.split(/[\s,;]+/).filter(Boolean),
    stages,
    ...(form.takeOverCategories ? { takeOverCategories: true } : {}),
    ...form.extra,
  };
  return { body, problems };
}

/** A changed name carries the key along while the key has not been typed in. */
export function renameStage(stage: StageForm, name: string): StageForm {
  return { ...stage, name, ...(stage.keyAuto ? { key: slugify(name) } : {}) };
}

/** The list with the item at `from` moved to `to`. */
export function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

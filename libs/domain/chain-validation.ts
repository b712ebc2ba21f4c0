import { CONDITION_FIELDS, TIMEOUT_ACTIONS } from './chain';
import { durationToMs, isIsoDuration } from './duration';

/**
 * Validation of a chain definition as an administrator sends it. The definition arrives as
 * untyped JSON and its selectors and conditions are tagged unions, which decorator-based validation
 * cannot express, so it is checked here by hand. Pure and bundle-safe: the workflow may import it.
 *
 * Every problem is reported against a field path such as `stages[1].mode` so that a form can put the
 * message next to the input that caused it; all problems are reported at once, not just the first.
 */
export interface ChainFieldError {
  field: string;
  messages: string[];
}

export interface ChainValidationContext {
  /** Ids of the posts that exist; when given, a selector naming any other post is refused. */
  knownPositionIds?: ReadonlySet<string>;
}

export const MAX_STAGES = 20;
export const MAX_SELECTORS_PER_STAGE = 20;
export const MAX_POSITIONS_PER_SELECTOR = 50;
export const MAX_REMINDERS = 10;
export const MAX_ESCALATIONS_LIMIT = 10;
export const MAX_CONDITION_CATEGORIES = 50;
/** Timers longer than a year are a typo, not a plan; the cap also keeps every duration far inside what Temporal accepts. */
export const MAX_DURATION_DAYS = 366;
/** Budget conditions use the same ceiling as a proposal's budget estimate. */
export const MAX_BUDGET = 1e15;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const QUORUM = /^quorum:(\d+)$/;
const MAX_KEY_LENGTH = 64;
const MAX_NAME_LENGTH = 200;
const MAX_POST_REF_LENGTH = 64;
const MAX_DURATION_TEXT = 40;
/** An answer listing thousands of unknown properties helps nobody; the first ones make the point. */
const MAX_REPORTED_FIELDS = 100;
const DAY_MS = 86_400_000;

const SELECTOR_KINDS = ['position', 'positions', 'head-of-proposer-unit', 'head-of-parent-unit'] as const;
const SELECTOR_KEYS: Record<(typeof SELECTOR_KINDS)[number], readonly string[]> = {
  position: ['kind', 'positionId'],
  positions: ['kind', 'positionIds'],
  'head-of-proposer-unit': ['kind'],
  'head-of-parent-unit': ['kind'],
};
const STAGE_KEYS = ['key', 'name', 'approvers', 'mode', 'condition', 'sla', 'reminders', 'onTimeout', 'mayReturn', 'requiresDefinitive'];
const CONDITION_KEYS = ['field', 'op', 'value'];
const TIMEOUT_KEYS = ['action', 'positionId', 'after', 'maxEscalations'];
const CONDITION_OPS: Record<(typeof CONDITION_FIELDS)[number], string> = { budgetEstimate: 'gte', category: 'in', crossAgency: 'eq' };

const DURATION_HINT = 'must be an ISO-8601 duration such as P3D or PT12H (weeks, days, hours, minutes or seconds)';

type Json = Record<string, unknown>;

/** Collects messages per field, in the order problems are found. */
class Problems {
  private readonly byField = new Map<string, string[]>();
  private found = 0;

  add(field: string, message: string): void {
    this.found += 1;
    const messages = this.byField.get(field);
    if (messages) messages.push(message);
    else if (this.byField.size < MAX_REPORTED_FIELDS) this.byField.set(field, [message]);
  }

  /** How many problems were found so far, reported or not. */
  count(): number {
    return this.found;
  }

  list(): ChainFieldError[] {
    return [...this.byField].map(([field, messages]) => ({ field, messages }));
  }
}

/**
 * A JSON object, and only that: arrays, class instances and objects with a doctored prototype are
 * refused, so that only own, serializable properties are ever read and stored.
 */
function isJsonObject(value: unknown): value is Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const has = (obj: Json, key: string) => Object.prototype.hasOwnProperty.call(obj, key);
const own = (obj: Json, key: string): unknown => (has(obj, key) ? obj[key] : undefined);

function refuseUnknownKeys(obj: Json, allowed: readonly string[], path: string, problems: Problems): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) problems.add(`${path}.${key}`, `property ${key} should not exist`);
  }
}

export function validateChain(definition: unknown, ctx: ChainValidationContext = {}): ChainFieldError[] {
  const problems = new Problems();
  if (!isJsonObject(definition)) {
    problems.add('', 'must be an object with a stages array');
    return problems.list();
  }
  for (const key of Object.keys(definition)) {
    if (key !== 'stages') problems.add(key, `property ${key} should not exist`);
  }
  const stages = own(definition, 'stages');
  if (!Array.isArray(stages)) {
    problems.add('stages', `must be an array of 1 to ${MAX_STAGES} stages`);
    return problems.list();
  }
  if (stages.length === 0) problems.add('stages', 'must have at least one stage');
  if (stages.length > MAX_STAGES) {
    // Checking hundreds of stages would only bury this one message.
    problems.add('stages', `must have at most ${MAX_STAGES} stages`);
    return problems.list();
  }
  const keys = new Map<string, number>();
  stages.forEach((stage, i) => {
    const key = validateStage(stage, `stages[${i}]`, ctx, problems);
    if (key === undefined) return;
    const first = keys.get(key);
    if (first === undefined) keys.set(key, i);
    else problems.add(`stages[${i}].key`, `must be unique: stages[${first}] has the key ${key} too`);
  });
  return problems.list();
}

/** Checks one stage; answers its key when the key itself is well-formed (for the uniqueness check). */
function validateStage(stage: unknown, path: string, ctx: ChainValidationContext, problems: Problems): string | undefined {
  if (!isJsonObject(stage)) {
    problems.add(path, 'must be an object');
    return undefined;
  }
  refuseUnknownKeys(stage, STAGE_KEYS, path, problems);

  const key = own(stage, 'key');
  let wellFormedKey: string | undefined;
  if (typeof key !== 'string' || !SLUG.test(key) || key.length > MAX_KEY_LENGTH) {
    problems.add(`${path}.key`, `must be a lower-case slug such as kepala-unit, at most ${MAX_KEY_LENGTH} characters`);
  } else {
    wellFormedKey = key;
  }

  const name = own(stage, 'name');
  if (typeof name !== 'string' || name.trim() === '') problems.add(`${path}.name`, 'must be a non-empty string');
  else if (name.length > MAX_NAME_LENGTH) problems.add(`${path}.name`, `must be at most ${MAX_NAME_LENGTH} characters`);

  const posts = validateApprovers(own(stage, 'approvers'), `${path}.approvers`, ctx, problems);
  validateMode(own(stage, 'mode'), `${path}.mode`, posts, problems);
  if (has(stage, 'condition')) validateCondition(stage.condition, `${path}.condition`, problems);

  const slaMs = has(stage, 'sla') ? validateDuration(stage.sla, `${path}.sla`, false, problems) : undefined;
  if (has(stage, 'reminders')) validateReminders(stage.reminders, `${path}.reminders`, has(stage, 'sla'), slaMs, stage.sla, problems);
  if (has(stage, 'onTimeout')) validateTimeout(stage.onTimeout, `${path}.onTimeout`, ctx, problems);

  for (const flag of ['mayReturn', 'requiresDefinitive']) {
    if (has(stage, flag) && typeof stage[flag] !== 'boolean') problems.add(`${path}.${flag}`, 'must be true or false');
  }
  return wellFormedKey;
}

/**
 * Checks the selectors and answers how many distinct posts they can resolve to at most (for the
 * quorum check), or undefined when they are invalid. Posts named by id count once however often
 * they are named; each head-of-* selector resolves to one post, whichever it is.
 */
function validateApprovers(approvers: unknown, path: string, ctx: ChainValidationContext, problems: Problems): number | undefined {
  if (!Array.isArray(approvers) || approvers.length === 0) {
    problems.add(path, 'must be a non-empty array of approver selectors');
    return undefined;
  }
  if (approvers.length > MAX_SELECTORS_PER_STAGE) {
    problems.add(path, `must have at most ${MAX_SELECTORS_PER_STAGE} selectors`);
    return undefined;
  }
  const before = problems.count();
  const ids = new Set<string>();
  const heads = new Set<string>();
  approvers.forEach((selector, j) => {
    const at = `${path}[${j}]`;
    if (!isJsonObject(selector)) {
      problems.add(at, 'must be an object with a kind');
      return;
    }
    const kind = own(selector, 'kind');
    if (typeof kind !== 'string' || !(SELECTOR_KINDS as readonly string[]).includes(kind)) {
      problems.add(`${at}.kind`, `must be one of ${SELECTOR_KINDS.join(', ')}`);
      return;
    }
    refuseUnknownKeys(selector, SELECTOR_KEYS[kind as (typeof SELECTOR_KINDS)[number]], at, problems);
    if (kind === 'position') {
      const id = validatePostRef(own(selector, 'positionId'), `${at}.positionId`, ctx, problems);
      if (id !== undefined) ids.add(id);
    } else if (kind === 'positions') {
      const list = own(selector, 'positionIds');
      if (!Array.isArray(list) || list.length === 0 || list.length > MAX_POSITIONS_PER_SELECTOR) {
        problems.add(`${at}.positionIds`, `must be an array of 1 to ${MAX_POSITIONS_PER_SELECTOR} post ids`);
        return;
      }
      list.forEach((item, k) => {
        const id = validatePostRef(item, `${at}.positionIds[${k}]`, ctx, problems);
        if (id !== undefined) ids.add(id);
      });
    } else {
      heads.add(kind);
    }
  });
  return problems.count() === before ? ids.size + heads.size : undefined;
}

function validatePostRef(value: unknown, path: string, ctx: ChainValidationContext, problems: Problems): string | undefined {
  if (typeof value !== 'string' || value === '' || value.length > MAX_POST_REF_LENGTH) {
    problems.add(path, `must be the id of a post (a non-empty string of at most ${MAX_POST_REF_LENGTH} characters)`);
    return undefined;
  }
  if (ctx.knownPositionIds && !ctx.knownPositionIds.has(value)) {
    problems.add(path, `unknown post "${value}"`);
    return undefined;
  }
  return value;
}

function validateMode(mode: unknown, path: string, posts: number | undefined, problems: Problems): void {
  if (mode === 'any' || mode === 'all') return;
  const match = typeof mode === 'string' ? QUORUM.exec(mode) : null;
  // Leading zeros would store a second spelling of the same mode.
  if (!match || (match[1].length > 1 && match[1].startsWith('0'))) {
    problems.add(path, 'must be any, all or quorum:k with a whole number k of at least 1');
    return;
  }
  const k = Number(match[1]);
  if (k < 1) problems.add(path, 'quorum:k needs k of at least 1');
  else if (posts !== undefined && k > posts) {
    const shown = match[1].length > 9 ? `${match[1].slice(0, 9)}…` : match[1];
    problems.add(path, `quorum:${shown} needs ${shown} approvals, but the approvers resolve to at most ${posts} post${posts === 1 ? '' : 's'}`);
  }
}

function validateCondition(condition: unknown, path: string, problems: Problems): void {
  if (!isJsonObject(condition)) {
    problems.add(path, 'must be an object with field, op and value');
    return;
  }
  refuseUnknownKeys(condition, CONDITION_KEYS, path, problems);
  const field = own(condition, 'field');
  if (typeof field !== 'string' || !(CONDITION_FIELDS as readonly string[]).includes(field)) {
    problems.add(`${path}.field`, `must be one of ${CONDITION_FIELDS.join(', ')}`);
    return;
  }
  const known = field as (typeof CONDITION_FIELDS)[number];
  if (own(condition, 'op') !== CONDITION_OPS[known]) problems.add(`${path}.op`, `must be ${CONDITION_OPS[known]} for the field ${known}`);
  const value = own(condition, 'value');
  switch (known) {
    case 'budgetEstimate':
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_BUDGET) {
        problems.add(`${path}.value`, `must be an amount of rupiah from 0 to ${MAX_BUDGET}`);
      }
      break;
    case 'category':
      if (!Array.isArray(value) || value.length === 0 || value.length > MAX_CONDITION_CATEGORIES) {
        problems.add(`${path}.value`, `must be an array of 1 to ${MAX_CONDITION_CATEGORIES} categories`);
        break;
      }
      value.forEach((category, k) => {
        if (typeof category !== 'string' || !SLUG.test(category) || category.length > MAX_KEY_LENGTH) {
          problems.add(`${path}.value[${k}]`, 'must be a lower-case category slug such as pelayanan-publik');
        }
      });
      break;
    case 'crossAgency':
      if (typeof value !== 'boolean') problems.add(`${path}.value`, 'must be true or false');
      break;
  }
}

/** Checks an ISO-8601 duration and answers its length in milliseconds when it is valid. */
function validateDuration(value: unknown, path: string, zeroAllowed: boolean, problems: Problems): number | undefined {
  if (typeof value !== 'string' || value.length > MAX_DURATION_TEXT || !isIsoDuration(value)) {
    problems.add(path, DURATION_HINT);
    return undefined;
  }
  const ms = durationToMs(value);
  if (ms === 0 && !zeroAllowed) {
    problems.add(path, 'must be longer than zero');
    return undefined;
  }
  if (ms > MAX_DURATION_DAYS * DAY_MS) {
    problems.add(path, `must be at most ${MAX_DURATION_DAYS} days (P${MAX_DURATION_DAYS}D)`);
    return undefined;
  }
  return ms;
}

function validateReminders(
  reminders: unknown,
  path: string,
  slaGiven: boolean,
  slaMs: number | undefined,
  sla: unknown,
  problems: Problems,
): void {
  if (!Array.isArray(reminders) || reminders.length > MAX_REMINDERS) {
    problems.add(path, `must be an array of at most ${MAX_REMINDERS} ISO-8601 durations`);
    return;
  }
  // A reminder is "due soon": without a due time it has nothing to come before.
  if (reminders.length > 0 && !slaGiven) problems.add(path, 'need an sla: each reminder must come before the due time');
  reminders.forEach((reminder, k) => {
    const ms = validateDuration(reminder, `${path}[${k}]`, false, problems);
    if (ms !== undefined && slaMs !== undefined && ms >= slaMs) {
      problems.add(`${path}[${k}]`, `must be shorter than the sla (${String(sla)})`);
    }
  });
}

function validateTimeout(policy: unknown, path: string, ctx: ChainValidationContext, problems: Problems): void {
  if (!isJsonObject(policy)) {
    problems.add(path, 'must be an object with an action');
    return;
  }
  refuseUnknownKeys(policy, TIMEOUT_KEYS, path, problems);
  const action = own(policy, 'action');
  const knownAction = typeof action === 'string' && (TIMEOUT_ACTIONS as readonly string[]).includes(action);
  if (!knownAction) problems.add(`${path}.action`, `must be one of ${TIMEOUT_ACTIONS.join(', ')}`);
  if (has(policy, 'positionId')) {
    if (knownAction && action !== 'escalate-to') problems.add(`${path}.positionId`, 'only the action escalate-to names a post');
    else validatePostRef(policy.positionId, `${path}.positionId`, ctx, problems);
  } else if (action === 'escalate-to') {
    problems.add(`${path}.positionId`, 'is required when the action is escalate-to: name the post to escalate to');
  }
  if (has(policy, 'after')) validateDuration(policy.after, `${path}.after`, true, problems);
  if (has(policy, 'maxEscalations')) {
    const max = policy.maxEscalations;
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 0 || max > MAX_ESCALATIONS_LIMIT) {
      problems.add(`${path}.maxEscalations`, `must be a whole number from 0 to ${MAX_ESCALATIONS_LIMIT}`);
    }
  }
}

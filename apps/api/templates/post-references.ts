import { MAX_STAGES } from '@libs/domain/chain-validation';
import type { FieldError } from '@libs/http/validation';
import { UUID } from '@libs/domain/uuid';

/**
 * Administrators may name posts by their readable code (KADIS-DPMPTSP) instead of their id. Stored
 * chains hold ids only, so that renaming a post's code never changes a chain. This file finds the
 * codes in an unvalidated stages array and replaces them with ids, remembering which field each
 * replacement came from, so that a problem with a replaced value is reported where the client wrote it.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
const has = (obj: Json, key: string) => Object.prototype.hasOwnProperty.call(obj, key);

/** Post ids look like this; anything else cannot be an id and is not sent to the database. */
const MAX_CODE_LENGTH = 64;

export interface PostReferences {
  ids: string[];
  codes: string[];
}

export interface ResolvedStages {
  /** The stages with codes replaced by ids; an unknown code is left in place of the id, to be reported as an unknown post. */
  stages: unknown;
  /** Problems that only exist because both spellings were given. */
  errors: FieldError[];
  /** Field path after replacement → field path the client wrote (e.g. `….positionId` → `….positionCode`). */
  renamed: Map<string, string>;
}

/** Visits each place a post may be named: selectors of the two position kinds, and timeout policies. */
function eachPostHolder(stages: unknown, visit: (holder: Json, path: string, where: 'position' | 'positions' | 'timeout') => void): void {
  // An over-long list is refused by validation without looking inside it; do not look here either.
  if (!Array.isArray(stages) || stages.length > MAX_STAGES) return;
  stages.forEach((stage, i) => {
    if (!isObject(stage)) return;
    if (Array.isArray(stage.approvers)) {
      stage.approvers.forEach((selector: unknown, j) => {
        if (!isObject(selector)) return;
        if (selector.kind === 'position') visit(selector, `stages[${i}].approvers[${j}]`, 'position');
        if (selector.kind === 'positions') visit(selector, `stages[${i}].approvers[${j}]`, 'positions');
      });
    }
    if (isObject(stage.onTimeout)) visit(stage.onTimeout, `stages[${i}].onTimeout`, 'timeout');
  });
}

const looksLikeCode = (value: unknown): value is string => typeof value === 'string' && value !== '' && value.length <= MAX_CODE_LENGTH;

/** The ids and codes a stages array mentions, for a single lookup in the position table. */
export function postReferences(stages: unknown): PostReferences {
  const ids = new Set<string>();
  const codes = new Set<string>();
  const addId = (value: unknown) => typeof value === 'string' && UUID.test(value) && ids.add(value.toLowerCase());
  const addCode = (value: unknown) => looksLikeCode(value) && codes.add(value);
  eachPostHolder(stages, (holder, _path, where) => {
    if (where === 'positions') {
      if (Array.isArray(holder.positionIds)) holder.positionIds.forEach(addId);
      if (Array.isArray(holder.positionCodes)) holder.positionCodes.forEach(addCode);
    } else {
      addId(holder.positionId);
      addCode(holder.positionCode);
    }
  });
  return { ids: [...ids], codes: [...codes] };
}

/**
 * A copy of the stages in which every `positionCode` became a `positionId` and every
 * `positionCodes` a `positionIds`. The input is untrusted JSON: anything unexpected is copied as
 * it is, for validation to report.
 */
export function resolvePostCodes(stages: unknown, idsByCode: ReadonlyMap<string, string>): ResolvedStages {
  const errors: FieldError[] = [];
  const renamed = new Map<string, string>();
  const resolve = (code: unknown) => (typeof code === 'string' ? (idsByCode.get(code) ?? code) : code);
  // Ids are stored as the database spells them (lower case), so that equal ids compare equal.
  const normalizeId = (id: unknown) => (typeof id === 'string' && UUID.test(id) ? id.toLowerCase() : id);
  const replacements = new Map<Json, Json>();

  eachPostHolder(stages, (holder, path, where) => {
    const [idKey, codeKey] = where === 'positions' ? ['positionIds', 'positionCodes'] : ['positionId', 'positionCode'];
    const copy: Json = { ...holder };
    replacements.set(holder, copy);
    if (has(holder, idKey)) copy[idKey] = Array.isArray(holder[idKey]) ? holder[idKey].map(normalizeId) : normalizeId(holder[idKey]);
    if (!has(holder, codeKey)) return;
    delete copy[codeKey];
    if (has(holder, idKey)) {
      errors.push({ field: `${path}.${codeKey}`, messages: [`give either ${idKey} or ${codeKey}, not both`] });
      return;
    }
    const value = holder[codeKey];
    copy[idKey] = Array.isArray(value) ? value.map(resolve) : resolve(value);
    renamed.set(`${path}.${idKey}`, `${path}.${codeKey}`);
    if (Array.isArray(value)) value.forEach((_, k) => renamed.set(`${path}.${idKey}[${k}]`, `${path}.${codeKey}[${k}]`));
  });

  if (replacements.size === 0) return { stages, errors, renamed };
  const copied = (stages as unknown[]).map((stage) => {
    if (!isObject(stage)) return stage;
    const out: Json = { ...stage };
    if (Array.isArray(stage.approvers)) out.approvers = stage.approvers.map((s: unknown) => (isObject(s) ? (replacements.get(s) ?? s) : s));
    if (isObject(stage.onTimeout)) out.onTimeout = replacements.get(stage.onTimeout) ?? stage.onTimeout;
    return out;
  });
  return { stages: copied, errors, renamed };
}

/** Field errors with each replaced field put back under the name the client used, same fields merged. */
export function reportedAsWritten(errors: FieldError[], renamed: ReadonlyMap<string, string>): FieldError[] {
  const merged = new Map<string, string[]>();
  for (const { field, messages } of errors) {
    const as = renamed.get(field) ?? field;
    merged.set(as, [...(merged.get(as) ?? []), ...messages]);
  }
  return [...merged].map(([field, messages]) => ({ field, messages }));
}

import type { FieldProblem } from './chain-form';

/**
 * The API refuses a chain with field-level messages in English (libs/domain/chain-validation.ts and
 * the DTO's class-validator rules), e.g. `stages[1].sla: must be at most 366 days (P366D)`. The editor
 * shows each one next to its field in the reader's language: every known sentence becomes a message
 * key of the admin namespace (`editor.error.<key>`) with the numbers and names it carries. A sentence
 * not known here becomes `unknown` with the original text, which only the English strings show.
 */

type Rule = [RegExp, string, (m: RegExpExecArray) => Record<string, string | number>];

const none = () => ({});
const RULES: Rule[] = [
  [/^must be unique: stages\[(\d+)\] has the key (.*) too$/, 'keyTaken', (m) => ({ n: Number(m[1]) + 1, key: m[2] })],
  [/must be a lower-case slug such as kepala-unit/, 'stageKey', none],
  [/must be a lower-case category slug|each category must be a lower-case slug/, 'categorySlug', none],
  [/code must be a lower-case slug/, 'templateCode', none],
  [/must be a non-empty string|must not be blank|should not be empty/, 'required', none],
  [/must be at most (\d+) characters|must be shorter than or equal to (\d+) characters/, 'tooLong', (m) => ({ max: Number(m[1] ?? m[2]) })],
  [/^must be a non-empty array of approver selectors$/, 'approversRequired', none],
  [/^must have at most (\d+) selectors$/, 'tooManyApprovers', (m) => ({ max: Number(m[1]) })],
  [/^must be one of position, positions/, 'approverKind', none],
  [/^must be an object with a kind$/, 'approverKind', none],
  [/^must be the id of a post/, 'pickPost', none],
  [/^must be an array of 1 to (\d+) post ids$/, 'pickPosts', (m) => ({ max: Number(m[1]) })],
  [/^unknown post "(.*)"$/, 'unknownPost', (m) => ({ post: m[1] })],
  [/^give either (\w+) or (\w+), not both$/, 'eitherOr', (m) => ({ a: m[1], b: m[2] })],
  [/^must be any, all or quorum:k/, 'mode', none],
  [/^quorum:k needs k of at least 1$/, 'quorumNumber', none],
  [/^quorum:(\S+) needs \S+ approvals, but the approvers resolve to at most (\d+) posts?$/, 'quorumTooHigh', (m) => ({ k: m[1], count: Number(m[2]) })],
  [/^must be an ISO-8601 duration/, 'duration', none],
  [/^must be longer than zero$/, 'durationZero', none],
  [/^must be at most (\d+) days/, 'durationMax', (m) => ({ days: Number(m[1]) })],
  [/^must be an array of at most (\d+) ISO-8601 durations$/, 'reminders', (m) => ({ max: Number(m[1]) })],
  [/^need an sla: each reminder/, 'remindersNeedSla', none],
  [/^must be shorter than the sla/, 'reminderAfterSla', none],
  [/^must be one of escalate-superior/, 'timeoutAction', none],
  [/^must be an object with an action$/, 'timeoutAction', none],
  [/^only the action escalate-to names a post$/, 'timeoutPostOnlyEscalateTo', none],
  [/^is required when the action is escalate-to/, 'pickPost', none],
  [/^must be a whole number from 0 to (\d+)$/, 'maxEscalations', (m) => ({ max: Number(m[1]) })],
  [/must be true or false$|must be a boolean value$/, 'boolean', none],
  [/must contain no more than (\d+) elements$/, 'tooMany', (m) => ({ max: Number(m[1]) })],
  [/elements must be unique$/, 'unique', none],
  [/^must be one of budgetEstimate/, 'conditionField', none],
  [/^must be (gte|in|eq) for the field (\w+)$/, 'conditionOp', (m) => ({ op: m[1], field: m[2] })],
  [/^must be an amount of rupiah from 0 to/, 'conditionBudget', none],
  [/^must be an array of 1 to (\d+) categories$/, 'conditionCategories', (m) => ({ max: Number(m[1]) })],
  [/^must be an object with field, op and value$/, 'condition', none],
  [/^must have at least one stage$|^must be an array of 1 to (\d+) stages$/, 'stagesRequired', none],
  [/^must have at most (\d+) stages$/, 'tooManyStages', (m) => ({ max: Number(m[1]) })],
  [/^(?:categor(?:y|ies)) (.+) (?:is|are) claimed by the template "([^"]+)" \((.*), version (\d+)\)$/, 'categoryClaimed', (m) => ({ categories: m[1], code: m[2], name: m[3], version: Number(m[4]) })],
  [/property (\S+) should not exist$/, 'unknownProperty', (m) => ({ name: m[1] })],
  [/must be an array$|must be a string$|must be an object/, 'shape', none],
];

/** Every key a problem of the editor may have (`editor.error.<key>` in both languages): the API's sentences and the form's own checks. */
export const MESSAGE_KEYS = [...new Set([...RULES.map(([, key]) => key), 'unknown', 'wholeNumber', 'hoursRange', 'quorumNumber', 'pickPost'])];

/** One message of the API as a message key with its values. */
export function chainMessage(message: string): { key: string; values: Record<string, string | number> } {
  for (const [pattern, key, values] of RULES) {
    const m = pattern.exec(message);
    if (m) return { key, values: values(m) };
  }
  return { key: 'unknown', values: { message } };
}

/** The field-level messages of a refusal (`details: [{ field, messages }]`) as problems to show by field. */
export function problemsOfRefusal(details: { field: string; messages: string[] }[]): FieldProblem[] {
  return details.flatMap(({ field, messages }) => messages.map((message) => ({ path: field, ...chainMessage(message) })));
}

/** Where a problem is shown in the form. */
export type Place =
  | { at: 'top'; field: 'code' | 'name' | 'categories' | 'stages' | 'other' }
  | { at: 'stage'; index: number; field: 'key' | 'name' | 'approvers' | 'mode' | 'sla' | 'timeout' | 'other'; approver?: number };

const STAGE_PATH = /^stages\[(\d+)\](?:\.(\w+)(?:\[(\d+)\])?)?/;

export function placeOf(path: string): Place {
  const m = STAGE_PATH.exec(path);
  if (!m) {
    const top = path.split(/[.[]/)[0];
    return { at: 'top', field: top === 'code' || top === 'name' || top === 'categories' || top === 'stages' ? top : top === 'takeOverCategories' ? 'categories' : 'other' };
  }
  const index = Number(m[1]);
  const field = m[2];
  switch (field) {
    case 'key':
    case 'name':
    case 'mode':
    case 'sla':
      return { at: 'stage', index, field };
    case 'approvers':
      return { at: 'stage', index, field: 'approvers', ...(m[3] !== undefined ? { approver: Number(m[3]) } : {}) };
    case 'onTimeout':
      return { at: 'stage', index, field: 'timeout' };
    default:
      return { at: 'stage', index, field: 'other' };
  }
}

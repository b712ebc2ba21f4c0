import type { MoveAuthority } from '@libs/domain/acting-authority';
import { REASSIGNMENT_REASONS } from '@libs/domain/acting';
import { ProposalFacts, StageCondition, StageMode, TIMEOUT_ACTIONS } from '@libs/domain/chain';
import { CAPACITIES, DECISIONS } from '@libs/domain/proposal';
import { UUID } from '@libs/domain/uuid';
import {
  HISTORY_EVENT_TYPES,
  HistoryEventData,
  HistoryEventEnvelope,
  HistoryEventType,
  HistoryFact,
  NewHistoryEvent,
  OnBehalfOf,
  RoutedAround,
  SettlementCause,
  TaskHolder,
  TemplateRef,
  TIMEOUT_OUTCOMES,
  TimeoutOutcome,
} from './record.contract';

/**
 * The runtime check of a history event against record.contract.ts: one schema per event type, built
 * from a few checks. The record store runs it before it hashes anything, readers use it to narrow a
 * stored row to its type. Pure, but not for the workflow bundle: the workflow is typed by the
 * contract and never imports this file.
 */

/**
 * Checks one value and reports what is wrong with it, by path. The phantom `type` ties a check to the
 * TypeScript type it accepts, so a schema whose fields do not match its contract type does not compile.
 */
interface Check<T> {
  (value: unknown, path: string, issues: string[]): void;
  readonly type?: (value: T) => T;
}

const check = <T>(test: (value: unknown) => boolean, expected: string): Check<T> => (value, path, issues) => {
  if (!test(value)) issues.push(`${path}: expected ${expected}, got ${describe(value)}`);
};

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : typeof value === 'object' ? 'an object' : String(value);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const text = check<string>((v) => typeof v === 'string', 'a string');
const nonEmpty = check<string>((v) => typeof v === 'string' && v.trim() !== '', 'a non-empty string');
const uuid = check<string>((v) => typeof v === 'string' && UUID.test(v), 'a UUID');
const count = check<number>((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0, 'a whole number from 0');
const positive = check<number>((v) => typeof v === 'number' && Number.isInteger(v) && v >= 1, 'a whole number from 1');
const flag = check<boolean>((v) => typeof v === 'boolean', 'true or false');
const instant = check<string>((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)), 'an ISO-8601 date-time');
const oneOf = <T extends string>(values: readonly T[]): Check<T> => check<T>((v) => (values as readonly unknown[]).includes(v), `one of ${values.join(', ')}`);
const literal = <T extends string>(value: T): Check<T> => oneOf([value]);

/** Plain JSON all the way down: what jsonb keeps and the canonical hash encodes the same way every time. */
const isJson = (value: unknown): boolean =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) ||
  (Array.isArray(value) && value.every(isJson)) || (isObject(value) && Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isJson));
const jsonObject = check<Record<string, unknown>>((v) => isObject(v) && isJson(v), 'a JSON object');

const nullable = <T>(inner: Check<T>): Check<T | null> => (value, path, issues) => {
  if (value !== null) inner(value, path, issues);
};
const optional = <T>(inner: Check<T>): Check<T | undefined> => (value, path, issues) => {
  if (value !== undefined) inner(value, path, issues);
};
const listOf = <T>(inner: Check<T>): Check<T[]> => (value, path, issues) => {
  if (!Array.isArray(value)) issues.push(`${path}: expected an array, got ${describe(value)}`);
  else value.forEach((item, i) => inner(item, `${path}[${i}]`, issues));
};

/** Every field of the type, each with its check; a field the type does not name is refused. */
type Shape<T> = { [K in keyof T]-?: Check<T[K]> };
const object = <T>(shape: Shape<T>): Check<T> => (value, path, issues) => {
  if (!isObject(value)) {
    issues.push(`${path}: expected an object, got ${describe(value)}`);
    return;
  }
  const checks = shape as Record<string, Check<unknown>>;
  for (const [key, fieldCheck] of Object.entries(checks)) fieldCheck(value[key], `${path}.${key}`, issues);
  for (const key of Object.keys(value)) if (!(key in checks)) issues.push(`${path}.${key}: not a field of this event`);
};

/** Checks that pick the branch of a union by one field (`field` of a condition, `kind` of a term). */
const byField = <T>(field: string, branches: Record<string, (value: unknown, path: string, issues: string[]) => void>): Check<T> => (value, path, issues) => {
  const branch = isObject(value) ? branches[String(value[field])] : undefined;
  if (branch) branch(value, path, issues);
  else issues.push(`${path}.${field}: expected one of ${Object.keys(branches).join(', ')}, got ${describe(isObject(value) ? value[field] : value)}`);
};

const stageMode = check<StageMode>((v) => v === 'any' || v === 'all' || (typeof v === 'string' && /^quorum:[1-9]\d*$/.test(v)), 'any, all or quorum:k');
const capacity = oneOf(CAPACITIES);
const timeoutAction = oneOf(TIMEOUT_ACTIONS);
const cause = oneOf<SettlementCause>(['decision', 'timeout']);
const timeoutOutcome = oneOf<TimeoutOutcome>(TIMEOUT_OUTCOMES);

const facts = object<ProposalFacts>({ budgetEstimate: nullable(check<number>((v) => typeof v === 'number' && Number.isFinite(v), 'a number')), category: text, crossAgency: flag });
const template = object<TemplateRef>({ id: uuid, code: text, version: positive });
const onBehalfOf = object<OnBehalfOf>({ personId: uuid, name: nullable(text) });
const routedAround = object<RoutedAround>({ positionId: uuid, positionTitle: text, reason: literal('proposer-holds-post') });
const holder = object<TaskHolder>({ personId: nullable(uuid), name: nullable(text), capacity: nullable(capacity), onBehalfOf: nullable(onBehalfOf) });
const condition = byField<StageCondition>('field', {
  budgetEstimate: object<Extract<StageCondition, { field: 'budgetEstimate' }>>({ field: literal('budgetEstimate'), op: literal('gte'), value: check<number>((v) => typeof v === 'number' && Number.isFinite(v), 'a number') }),
  category: object<Extract<StageCondition, { field: 'category' }>>({ field: literal('category'), op: literal('in'), value: listOf(text) }),
  crossAgency: object<Extract<StageCondition, { field: 'crossAgency' }>>({ field: literal('crossAgency'), op: literal('eq'), value: flag }),
});

const person = object<{ personId: string; name: string | null }>({ personId: uuid, name: nullable(text) });
const termFields = {
  kind: oneOf(['appointment', 'delegation'] as const),
  id: uuid,
  personId: uuid,
  capacity,
  basis: nullable(text),
  startsAt: instant,
  endsAt: nullable(instant),
  recordedBy: nullable(person),
  delegator: optional(person),
};
type Term = NonNullable<MoveAuthority['term']>;
type Ended = NonNullable<MoveAuthority['ended']>;
const authority = object<MoveAuthority>({
  term: nullable(object<Term>(termFields)),
  ended: nullable(object<Ended>({ ...termFields, endedAt: instant, endedBy: nullable(person), endReason: nullable(text) })),
});

const stageSettled = object<HistoryEventData['stage.approved']>({ stageIndex: count, stage: text, round: positive, cause, closedTasks: listOf(uuid) });
const proposalSettled = object<HistoryEventData['proposal.approved']>({ stageIndex: count, round: positive, cause });
const proposalClosed = object<HistoryEventData['proposal.withdrawn']>({ reason: text, stageIndex: optional(count), round: optional(positive), cancelledTasks: optional(listOf(uuid)) });

/** The schema of each event type's data. */
const DATA: { [T in HistoryEventType]: Check<HistoryEventData[T]> } = {
  'proposal.submitted': object<HistoryEventData['proposal.submitted']>({ template, proposalVersion: positive, facts, snapshot: nullable(jsonObject) }),
  'stage.opened': object<HistoryEventData['stage.opened']>({ stageIndex: count, stage: text, mode: stageMode, round: positive }),
  'stage.skipped': object<HistoryEventData['stage.skipped']>({ stageIndex: count, stage: text, round: positive, condition: nullable(condition), facts }),
  'stage.blocked': object<HistoryEventData['stage.blocked']>({ stageIndex: count, stage: text, round: positive, reason: text }),
  'task.created': object<HistoryEventData['task.created']>({
    taskId: uuid,
    stageIndex: count,
    round: positive,
    slot: count,
    dueAt: nullable(instant),
    assignee: nullable(text),
    escalationLevel: count,
    escalatedFromTaskId: nullable(uuid),
    onBehalfOf: optional(onBehalfOf),
    reassignedFromTaskId: optional(uuid),
    routedAround: optional(routedAround),
  }),
  'task.reminded': object<HistoryEventData['task.reminded']>({ taskId: uuid, reminder: positive, dueAt: nullable(instant) }),
  'task.overdue': object<HistoryEventData['task.overdue']>({ taskId: uuid, dueAt: nullable(instant) }),
  'task.timeout': object<HistoryEventData['task.timeout']>({ taskId: uuid, policy: timeoutAction, outcome: timeoutOutcome, escalationLevel: count }),
  'task.escalated': object<HistoryEventData['task.escalated']>({ taskId: uuid, toTaskId: uuid, toPositionId: uuid, toPersonId: nullable(uuid), toName: nullable(text), policy: timeoutAction, escalationLevel: positive }),
  'task.reassigned': object<HistoryEventData['task.reassigned']>({
    taskId: uuid,
    toTaskId: uuid,
    stageIndex: count,
    round: positive,
    slot: count,
    positionId: uuid,
    positionTitle: optional(text),
    reasonCode: oneOf(REASSIGNMENT_REASONS),
    reason: text,
    note: optional(text),
    from: holder,
    to: holder,
    authority: optional(authority),
  }),
  'task.decided': object<HistoryEventData['task.decided']>({
    taskId: uuid,
    stageIndex: count,
    round: positive,
    slot: count,
    decision: oneOf(DECISIONS),
    comment: nullable(text),
    onEscalation: flag,
    proposalVersion: positive,
    onBehalfOf: optional(onBehalfOf),
  }),
  'stage.approved': stageSettled,
  'stage.rejected': stageSettled,
  'stage.returned': stageSettled,
  'proposal.approved': proposalSettled,
  'proposal.rejected': proposalSettled,
  'proposal.returned': proposalSettled,
  'proposal.resubmitted': object<HistoryEventData['proposal.resubmitted']>({ round: positive, stageIndex: count, proposalVersion: positive, facts, note: nullable(text), snapshot: nullable(jsonObject) }),
  'proposal.withdrawn': proposalClosed,
  'proposal.cancelled': proposalClosed,
};

export const isHistoryEventType = (type: unknown): type is HistoryEventType => (HISTORY_EVENT_TYPES as readonly unknown[]).includes(type);

/** What is wrong with the data of an event of this type; empty when it matches its schema. */
export function historyDataIssues(type: unknown, data: unknown): string[] {
  if (!isHistoryEventType(type)) return [`type: not a history event type: ${describe(type)}`];
  const issues: string[] = [];
  DATA[type](data, 'data', issues);
  return issues;
}

const envelope = object<HistoryEventEnvelope & { type: unknown; data: unknown }>({
  // The type and the data are checked by the type's schema.
  key: nonEmpty,
  type: () => undefined,
  data: () => undefined,
  occurredAt: instant,
  actorPersonId: optional(nullable(uuid)),
  actorPositionId: optional(nullable(uuid)),
  capacity: optional(nullable(capacity)),
});

/** What is wrong with an event to append (its envelope, type and data); empty when it matches the contract. */
export function historyEventIssues(event: unknown): string[] {
  const issues: string[] = [];
  envelope(event, 'event', issues);
  if (!isObject(event)) return issues;
  return [...issues, ...historyDataIssues(event.type, event.data)];
}

export const isNewHistoryEvent = (event: unknown): event is NewHistoryEvent => historyEventIssues(event).length === 0;

/**
 * A stored row's type and data as the fact they say, or null for a row no schema describes (an
 * unknown type, or data that does not match it): readers show such a row by its type alone.
 */
export function readHistoryFact(type: string, data: unknown): HistoryFact | null {
  return historyDataIssues(type, data).length === 0 ? ({ type, data } as HistoryFact) : null;
}

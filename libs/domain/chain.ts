import type { TaskStatus } from './proposal';

/**
 * Chain templates: the ordered stages a proposal must pass. Pure data, shared by the API, the
 * activities and the workflow (so it must stay free of Node and framework imports).
 */
export type ApproverSelector =
  | { kind: 'position'; positionId: string }
  | { kind: 'positions'; positionIds: string[] }
  | { kind: 'head-of-proposer-unit' }
  | { kind: 'head-of-parent-unit' };

/** `any`: first decision settles the stage; `all`: every slot must approve; `quorum:k`: k approvals. */
export type StageMode = 'any' | 'all' | `quorum:${number}`;

/** Facts of a proposal a stage condition may test. */
export const CONDITION_FIELDS = ['budgetEstimate', 'category', 'crossAgency'] as const;
export type ConditionField = (typeof CONDITION_FIELDS)[number];

/**
 * When a stage applies: budget at or above N, category in a set, or (not) cross-agency. A stage whose
 * condition does not hold is skipped, and the skip is recorded.
 */
export type StageCondition =
  | { field: 'budgetEstimate'; op: 'gte'; value: number }
  | { field: 'category'; op: 'in'; value: string[] }
  | { field: 'crossAgency'; op: 'eq'; value: boolean };

/** What a condition is evaluated against; captured at submission and at every resubmission. */
export interface ProposalFacts {
  budgetEstimate: number | null;
  category: string;
  /** True when a collaborating unit belongs to another agency than the proposer's. */
  crossAgency: boolean;
}

export const TIMEOUT_ACTIONS = ['escalate-superior', 'escalate-to', 'return', 'notify-admin'] as const;
export type TimeoutAction = (typeof TIMEOUT_ACTIONS)[number];

/** Default cap on how many times one slot of a stage round is escalated before only admins are told. */
export const DEFAULT_MAX_ESCALATIONS = 2;

/**
 * What happens when a task passes its due time. `escalate-superior` (the default) hands the slot to
 * the superior post of the post it was addressed to; `escalate-to` to a named post; `return` sends
 * the proposal back to the proposer; `notify-admin` leaves the task open and tells administrators.
 * After `maxEscalations` escalations of a slot, further timeouts only notify administrators.
 */
export interface TimeoutPolicy {
  action: TimeoutAction;
  /** Target post of `escalate-to`. */
  positionId?: string;
  /** ISO-8601 grace after the due time before the action is taken (default: at once). */
  after?: string;
  maxEscalations?: number;
}

export interface StageDefinition {
  key: string;
  name: string;
  approvers: ApproverSelector[];
  mode: StageMode;
  condition?: StageCondition;
  /** ISO-8601 duration, e.g. P3D. */
  sla?: string;
  /** ISO-8601 durations after a task opens at which its assignee is reminded; each before the SLA. */
  reminders?: string[];
  onTimeout?: TimeoutPolicy;
  mayReturn?: boolean;
  /** Only a definitive holder (not Plt./Plh. or a delegate) may decide this stage. */
  requiresDefinitive?: boolean;
}

export interface ChainDefinition {
  stages: StageDefinition[];
}

export type StageOutcome = 'pending' | 'approved' | 'rejected' | 'returned';

/** Whether a stage applies to a proposal with these facts. */
export function conditionHolds(condition: StageCondition | undefined, facts: ProposalFacts): boolean {
  if (!condition) return true;
  switch (condition.field) {
    case 'budgetEstimate':
      return facts.budgetEstimate !== null && facts.budgetEstimate >= condition.value;
    case 'category':
      return condition.value.includes(facts.category);
    case 'crossAgency':
      return facts.crossAgency === condition.value;
  }
}

export const timeoutPolicyOf = (stage: StageDefinition): Required<Pick<TimeoutPolicy, 'action' | 'maxEscalations'>> & TimeoutPolicy => ({
  ...stage.onTimeout,
  action: stage.onTimeout?.action ?? 'escalate-superior',
  maxEscalations: stage.onTimeout?.maxEscalations ?? DEFAULT_MAX_ESCALATIONS,
});

export interface SlotState {
  status: TaskStatus;
}

export function quorumOf(mode: StageMode, slots: number): number {
  if (mode === 'any') return 1;
  if (mode === 'all') return slots;
  const k = Number(mode.slice('quorum:'.length));
  return Math.min(k, slots);
}

/**
 * What a stage has come to, given its slots. A return or rejection settles the stage at once
 * (a single "no" in an `all` stage cannot be outvoted); otherwise it is approved when enough
 * slots approved, rejected when too few open slots remain to reach the quorum, pending otherwise.
 */
export function stageOutcome(mode: StageMode, slots: SlotState[]): StageOutcome {
  if (slots.some((s) => s.status === 'returned')) return 'returned';
  const needed = quorumOf(mode, slots.length);
  const approvals = slots.filter((s) => s.status === 'approved').length;
  if (approvals >= needed) return 'approved';
  if (mode === 'any' || mode === 'all') {
    if (slots.some((s) => s.status === 'rejected')) return 'rejected';
  }
  const stillOpen = slots.filter((s) => s.status === 'open').length;
  if (approvals + stillOpen < needed) return 'rejected';
  return 'pending';
}

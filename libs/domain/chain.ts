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

export interface StageDefinition {
  key: string;
  name: string;
  approvers: ApproverSelector[];
  mode: StageMode;
  /** ISO-8601 duration, e.g. P3D. */
  sla?: string;
  mayReturn?: boolean;
  requiresDefinitive?: boolean;
}

export interface ChainDefinition {
  stages: StageDefinition[];
}

export type StageOutcome = 'pending' | 'approved' | 'rejected' | 'returned';

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

import type { Decision, ProposalStatus, TaskStatus } from './proposal';
import type { StageMode, TimeoutAction } from './chain';

/**
 * A deliberately simple, independent statement of what an approval chain should come to, given a
 * sequence of decisions, timeouts, resubmissions and withdrawals. The workflow is checked against
 * it (test/property): the two are written separately so a mistake in one shows up as a difference.
 */

export interface ModelStage {
  mode: StageMode;
  /** Number of approver slots (distinct posts) of the stage. */
  slots: number;
  mayReturn: boolean;
  onTimeout: { action: TimeoutAction; maxEscalations: number };
  /** Whether the stage's condition holds for the proposal. */
  applies: boolean;
}

export type ModelStep =
  | { kind: 'decide'; slot: number; decision: Decision }
  | { kind: 'timeout' }
  | { kind: 'resubmit' }
  | { kind: 'withdraw' };

export interface ModelTask {
  stage: number;
  round: number;
  slot: number;
  level: number;
  status: TaskStatus;
  timeoutHandled: boolean;
  /** Passed its due time while open. */
  overdue: boolean;
}

export interface ModelState {
  status: ProposalStatus;
  stage: number;
  round: number;
  tasks: ModelTask[];
}

/** Why the model expects a step to be refused, if it does. */
export type ModelRefusal = 'ReturnNotAllowed' | 'AlreadyDecided' | 'WrongState';

export function initialModel(stages: ModelStage[]): ModelState {
  const state: ModelState = { status: 'in_review', stage: 0, round: 1, tasks: [] };
  enterStage(stages, state, 0);
  return state;
}

export function currentTasks(state: ModelState): ModelTask[] {
  return state.tasks.filter((t) => t.stage === state.stage && t.round === state.round && t.status !== 'escalated');
}

export function openTasksOf(state: ModelState): ModelTask[] {
  return currentTasks(state).filter((t) => t.status === 'open');
}

/** Applies one step; returns the refusal the real system should answer with, or null when it applies. */
export function applyStep(stages: ModelStage[], state: ModelState, step: ModelStep): ModelRefusal | null {
  const final = ['approved', 'rejected', 'withdrawn', 'cancelled'].includes(state.status);
  switch (step.kind) {
    case 'withdraw':
      if (final) return 'WrongState';
      for (const t of state.tasks) if (t.status === 'open') t.status = 'cancelled';
      state.status = 'withdrawn';
      return null;
    case 'resubmit':
      if (state.status !== 'returned') return 'WrongState';
      state.round += 1;
      state.status = 'in_review';
      enterStage(stages, state, state.stage);
      return null;
    case 'timeout':
      if (state.status !== 'in_review') return null;
      timeout(stages, state);
      return null;
    case 'decide': {
      if (state.status !== 'in_review') return 'AlreadyDecided';
      const task = currentTasks(state).find((t) => t.slot === step.slot);
      if (!task || task.status !== 'open') return 'AlreadyDecided';
      if (step.decision === 'return' && !stages[state.stage].mayReturn) return 'ReturnNotAllowed';
      task.status = step.decision === 'approve' ? 'approved' : step.decision === 'reject' ? 'rejected' : 'returned';
      settleIfDone(stages, state, 'cancelled');
      return null;
    }
  }
}

function enterStage(stages: ModelStage[], state: ModelState, from: number): void {
  let index = from;
  while (index < stages.length && !stages[index].applies) index++;
  if (index === stages.length) {
    state.stage = stages.length - 1;
    state.status = 'approved';
    return;
  }
  state.stage = index;
  for (let slot = 0; slot < stages[index].slots; slot++) {
    state.tasks.push({ stage: index, round: state.round, slot, level: 0, status: 'open', timeoutHandled: false, overdue: false });
  }
}

function needed(mode: StageMode, slots: number): number {
  if (mode === 'any') return 1;
  if (mode === 'all') return slots;
  return Math.min(slots, Number(mode.split(':')[1]));
}

function settleIfDone(stages: ModelStage[], state: ModelState, leftOver: TaskStatus): void {
  const def = stages[state.stage];
  const tasks = currentTasks(state);
  const count = (s: TaskStatus) => tasks.filter((t) => t.status === s).length;
  const need = needed(def.mode, def.slots);
  let outcome: 'approved' | 'rejected' | 'returned' | null = null;
  if (count('returned') > 0) outcome = 'returned';
  else if (count('approved') >= need) outcome = 'approved';
  else if ((def.mode === 'any' || def.mode === 'all') && count('rejected') > 0) outcome = 'rejected';
  else if (count('approved') + count('open') < need) outcome = 'rejected';
  if (!outcome) return;
  for (const t of tasks) if (t.status === 'open') t.status = leftOver;
  if (outcome === 'approved') {
    if (state.stage === stages.length - 1) state.status = 'approved';
    else enterStage(stages, state, state.stage + 1);
  } else {
    state.status = outcome;
  }
}

function timeout(stages: ModelStage[], state: ModelState): void {
  const policy = stages[state.stage].onTimeout;
  const due = openTasksOf(state).filter((t) => !t.timeoutHandled);
  if (!due.length) return;
  for (const t of due) t.overdue = true;
  if (policy.action === 'return') {
    for (const t of due) t.timeoutHandled = true;
    for (const t of openTasksOf(state)) t.status = 'expired';
    state.status = 'returned';
    return;
  }
  for (const t of due) {
    const escalates = policy.action === 'escalate-superior' || policy.action === 'escalate-to';
    if (!escalates || t.level >= policy.maxEscalations) {
      t.timeoutHandled = true;
      continue;
    }
    t.status = 'escalated';
    state.tasks.push({ stage: t.stage, round: t.round, slot: t.slot, level: t.level + 1, status: 'open', timeoutHandled: false, overdue: false });
  }
}

/** Order-independent summary of the tasks, for comparing the model with the real read model. */
export function taskSignature(tasks: Pick<ModelTask, 'stage' | 'round' | 'slot' | 'level' | 'status' | 'overdue'>[]): string[] {
  return tasks.map((t) => `r${t.round}/s${t.stage}/slot${t.slot}/L${t.level}:${t.status}${t.overdue ? '!' : ''}`).sort();
}

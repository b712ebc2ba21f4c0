import type { ChainStageView, HistoryEventView, TaskSummaryView } from '@apps/web/src/lib/api-types';

/** The facts stage conditions test, as recorded with the submission the approvers are deciding on. */
export interface StageFacts {
  budgetEstimate: number | null;
  category: string;
  /** Null when unknown (no recorded facts): a cross-agency condition cannot be told then. */
  crossAgency: boolean | null;
}

/** What one approval or rejection will lead to, for the confirmation to say before it is sent. */
export type DecisionOutcome =
  /** The stage is settled and the proposal moves on to `stage` (`conditional`: if that stage applies). */
  | { kind: 'next'; stage: string; conditional: boolean }
  /** The stage is settled and no stage follows: the proposal is approved. */
  | { kind: 'final' }
  /** The stage needs `remaining` more approvals (mode `all` or `quorum:k`) before it is settled. */
  | { kind: 'waits'; remaining: number }
  /** The stage is rejected, and with it the proposal: the approval ends. */
  | { kind: 'rejectEnds' }
  /** In a quorum stage the rejection is counted, but enough approvals may still come. */
  | { kind: 'rejectCounted' }
  /** The chain is not known (a proposal without a template): nothing is promised. */
  | { kind: 'unknown' };

/** Tasks that still hold a slot of their stage round: the ones escalated or moved away gave it on. */
const SLOT_STATUSES = ['open', 'approved', 'rejected', 'returned', 'expired'];

/** How many approvals a stage needs (libs/domain/chain.ts quorumOf): one, every slot, or k of them. */
export function approvalsNeeded(mode: string, slots: number): number {
  if (mode === 'all') return slots;
  const quorum = /^quorum:(\d+)$/.exec(mode);
  return quorum ? Math.min(Number(quorum[1]), slots) : 1;
}

/**
 * Whether a stage applies to a proposal with these facts (libs/domain/chain.ts conditionHolds):
 * true, false, or null when the facts do not tell.
 */
export function conditionApplies(condition: ChainStageView['condition'], facts: StageFacts): boolean | null {
  if (!condition) return true;
  if (condition.field === 'budgetEstimate' && typeof condition.value === 'number') return facts.budgetEstimate !== null && facts.budgetEstimate >= condition.value;
  if (condition.field === 'category' && Array.isArray(condition.value)) return condition.value.includes(facts.category);
  if (condition.field === 'crossAgency' && typeof condition.value === 'boolean') return facts.crossAgency === null ? null : facts.crossAgency === condition.value;
  return null;
}

/**
 * What approving or rejecting `task` leads to, from the chain's stages, the tasks of the task's stage
 * round and the facts: the same rules the workflow applies (a stage settles by its mode; a stage
 * whose condition does not hold is skipped), so the confirmation says honestly whether the decision
 * moves the proposal on, ends it, or leaves the stage waiting for others.
 */
export function decisionOutcome(input: {
  decision: 'approve' | 'reject';
  task: Pick<TaskSummaryView, 'id' | 'stageIndex' | 'round'>;
  chain: Pick<ChainStageView, 'index' | 'name' | 'mode' | 'condition'>[] | null;
  tasks: Pick<TaskSummaryView, 'id' | 'stageIndex' | 'round' | 'status'>[];
  facts: StageFacts;
}): DecisionOutcome {
  const { decision, task, chain, tasks, facts } = input;
  const stage = chain?.find((s) => s.index === task.stageIndex);
  if (!chain || !stage) return { kind: 'unknown' };
  const slots = tasks.filter((t) => t.stageIndex === task.stageIndex && t.round === task.round && SLOT_STATUSES.includes(t.status));
  // Mine is among them while it is open; count it even if the list was read a moment before it was.
  const others = slots.filter((t) => t.id !== task.id);
  const needed = approvalsNeeded(stage.mode, others.length + 1);
  const approvals = others.filter((t) => t.status === 'approved').length;

  if (decision === 'reject') {
    // Under `any` and `all` one rejection settles the stage; under a quorum only when the approvals
    // still possible fall short.
    if (!stage.mode.startsWith('quorum:')) return { kind: 'rejectEnds' };
    const stillOpen = others.filter((t) => t.status === 'open').length;
    return approvals + stillOpen < needed ? { kind: 'rejectEnds' } : { kind: 'rejectCounted' };
  }

  if (approvals + 1 < needed) return { kind: 'waits', remaining: needed - approvals - 1 };
  for (const next of chain.filter((s) => s.index > task.stageIndex).sort((a, b) => a.index - b.index)) {
    const applies = conditionApplies(next.condition, facts);
    if (applies === true) return { kind: 'next', stage: next.name, conditional: false };
    if (applies === null) return { kind: 'next', stage: next.name, conditional: true };
  }
  return { kind: 'final' };
}

/**
 * The facts recorded with the latest submission or resubmission (what the workflow tests stage
 * conditions against); without them, the proposal's own budget and category, agency unknown.
 */
export function submittedFacts(history: Pick<HistoryEventView, 'type' | 'data'>[] | null, fallback: { budgetEstimate: number | null; category: string }): StageFacts {
  const latest = [...(history ?? [])].reverse().find((e) => e.type === 'proposal.submitted' || e.type === 'proposal.resubmitted');
  const facts = latest?.data.facts as Partial<Record<keyof StageFacts, unknown>> | undefined;
  if (!facts || typeof facts !== 'object') return { ...fallback, crossAgency: null };
  return {
    budgetEstimate: typeof facts.budgetEstimate === 'number' ? facts.budgetEstimate : null,
    category: typeof facts.category === 'string' ? facts.category : fallback.category,
    crossAgency: typeof facts.crossAgency === 'boolean' ? facts.crossAgency : null,
  };
}

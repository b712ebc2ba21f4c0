import { HistoryFact, STAGE_EVENT_TYPES, StageEventType } from '@libs/contracts/record.contract';
import { FINAL_STATUSES, ProposalStatus } from '@libs/domain/proposal';

/**
 * Where each stage of a proposal's chain stands, from the record: computed once here so the web app
 * and any other client show the same states. Pure.
 */

/** Not reached yet, open, settled one way or another, or left open when the approval was stopped. */
export const STAGE_STATES = ['pending', 'open', 'approved', 'rejected', 'returned', 'skipped', 'blocked', 'stopped'] as const;
export type StageState = (typeof STAGE_STATES)[number];

/** What each stage event of the record says about its stage. */
const STATE_AFTER: Record<StageEventType, StageState> = {
  'stage.opened': 'open',
  'stage.approved': 'approved',
  'stage.rejected': 'rejected',
  'stage.returned': 'returned',
  'stage.skipped': 'skipped',
  'stage.blocked': 'blocked',
};

const isStageFact = (fact: HistoryFact): fact is HistoryFact<StageEventType> => (STAGE_EVENT_TYPES as readonly string[]).includes(fact.type);

/** One stage and where it stands. */
export interface StageStanding {
  stageIndex: number;
  name: string;
  state: StageState;
}

export interface StageViewInput {
  status: ProposalStatus;
  /** The stages of the chain template version in order, null for a proposal without one. */
  chainStages: { index: number; name: string }[] | null;
  tasks: { stageIndex: number; stageName: string }[];
  /** The record in order, each row read through its schema (readHistoryFact): null where none describes it. */
  facts: (HistoryFact | null)[];
}

/**
 * Where each stage stands (by stage index; a stage not in the map is pending): the last stage event
 * of the record that names it says. A row no schema describes says nothing, rather than a guess.
 */
export function stageStates(status: ProposalStatus, facts: (HistoryFact | null)[]): Map<number, StageState> {
  const states = new Map<number, StageState>();
  for (const fact of facts) {
    if (fact && isStageFact(fact)) states.set(fact.data.stageIndex, STATE_AFTER[fact.type]);
  }
  // A stage left open by a withdrawal or cancellation stopped there.
  if (FINAL_STATUSES.includes(status)) for (const [index, state] of states) if (state === 'open') states.set(index, 'stopped');
  return states;
}

/**
 * Every stage of the chain in order, opened or not, with where it stands. A proposal without a chain
 * template (which should not happen) lists the stages its tasks name.
 */
export function stageViews({ status, chainStages, tasks, facts }: StageViewInput): StageStanding[] {
  const states = stageStates(status, facts);
  const stages =
    chainStages ??
    [...new Map(tasks.map((task) => [task.stageIndex, task.stageName])).entries()].sort(([a], [b]) => a - b).map(([index, name]) => ({ index, name }));
  return stages.map(({ index, name }) => ({ stageIndex: index, name, state: states.get(index) ?? 'pending' }));
}

import type { HistoryEventView, ProposalView } from '@apps/web/src/lib/api-types';
import { FINAL_STATUSES } from '../proposal-values';

/**
 * Where each stage of a proposal's chain stands, computed in the browser from the record. This is
 * the one place that knows how: when the proposal detail answer carries the stage states itself,
 * `stageStates` reads them from there and the rest of this module goes.
 */
export type StageState = 'pending' | 'open' | 'approved' | 'rejected' | 'returned' | 'skipped' | 'blocked' | 'stopped';

/** What each stage event of the record says about its stage. */
export const STAGE_EVENTS: Record<string, StageState> = {
  'stage.opened': 'open',
  'stage.approved': 'approved',
  'stage.rejected': 'rejected',
  'stage.returned': 'returned',
  'stage.skipped': 'skipped',
  'stage.blocked': 'blocked',
};

/** The parts of a proposal the computation reads. */
export type StageStateInput = Pick<ProposalView, 'status' | 'tasks'>;

/**
 * Where each stage stands (by stage index; a stage not in the map is pending), from the last stage
 * event of the record (opened, approved, returned, skipped…); without the record, from the tasks.
 */
export function stageStates(proposal: StageStateInput, history: Pick<HistoryEventView, 'type' | 'data'>[] | null): Map<number, StageState> {
  const states = new Map<number, StageState>();
  if (history) {
    for (const e of history) {
      const index = e.data.stageIndex;
      if (typeof index !== 'number') continue;
      const state = STAGE_EVENTS[e.type];
      if (state) states.set(index, state);
    }
  } else {
    for (const task of proposal.tasks) {
      if (task.status === 'open') states.set(task.stageIndex, 'open');
      else if (!states.has(task.stageIndex) && task.decision) states.set(task.stageIndex, task.decision === 'approve' ? 'approved' : task.decision === 'reject' ? 'rejected' : 'returned');
    }
  }
  // A stage left open by a withdrawal or cancellation stopped there.
  for (const [index, state] of states) if (state === 'open' && FINAL_STATUSES.includes(proposal.status)) states.set(index, 'stopped');
  return states;
}

import { describe, expect, it } from '@jest/globals';
import type { TaskSummaryView } from '@apps/web/src/lib/api-types';
import { stageStates, StageStateInput } from './stage-states';

const task = (stageIndex: number, status: string, decision: TaskSummaryView['decision'] = null): TaskSummaryView => ({
  id: `t-${stageIndex}-${status}`,
  stageIndex,
  stageName: `Tahap ${stageIndex + 1}`,
  round: 1,
  positionId: 'p',
  positionTitle: 'Kepala Seksi',
  assigneePersonId: null,
  assigneeName: null,
  capacity: null,
  status,
  dueAt: null,
  decision,
  comment: null,
  decidedAt: null,
  decidedByName: null,
});
const event = (type: string, stageIndex?: number) => ({ type, data: stageIndex === undefined ? {} : { stageIndex } });

describe('stageStates: where each stage stands', () => {
  it('follows the last stage event of the record, ignoring events of no stage', () => {
    const proposal: StageStateInput = { status: 'in_review', tasks: [] };
    const history = [
      event('proposal.submitted'),
      event('stage.opened', 0),
      event('stage.approved', 0),
      event('stage.skipped', 1),
      event('stage.opened', 2),
      event('stage.returned', 2),
      event('stage.opened', 2),
    ];
    expect([...stageStates(proposal, history)]).toEqual([
      [0, 'approved'],
      [1, 'skipped'],
      [2, 'open'],
    ]);
  });

  it('without the record, reads the tasks: an open task opens its stage, else the first decision says', () => {
    const proposal: StageStateInput = { status: 'in_review', tasks: [task(0, 'approved', 'approve'), task(1, 'returned', 'return'), task(1, 'open'), task(2, 'rejected', 'reject')] };
    expect(stageStates(proposal, null)).toEqual(
      new Map([
        [0, 'approved'],
        [1, 'open'],
        [2, 'rejected'],
      ]),
    );
  });

  it('marks a stage left open by a withdrawal or cancellation as stopped', () => {
    const history = [event('stage.opened', 0), event('stage.approved', 0), event('stage.opened', 1)];
    expect(stageStates({ status: 'withdrawn', tasks: [] }, history)).toEqual(
      new Map([
        [0, 'approved'],
        [1, 'stopped'],
      ]),
    );
    expect(stageStates({ status: 'cancelled', tasks: [task(0, 'open')] }, null).get(0)).toBe('stopped');
  });
});

import type { DecisionInput } from '@libs/contracts/approval.contract';
import { assignRefusal, assignSkip, closeRefusal, decisionRefusal, resubmitRefusal, RuleView } from './decision-rules';
import { approvalState, stageDef, task } from './spec-helpers';

const view = (over: Partial<RuleView> = {}): RuleView => ({
  state: approvalState({ tasks: [task()] }),
  stages: [stageDef(), stageDef({ key: 'kadis', name: 'Kepala Dinas', mayReturn: true, requiresDefinitive: true })],
  proposerPersonId: 'rina',
  closing: null,
  resubmitting: false,
  ...over,
});
const approve = (over: Partial<DecisionInput> = {}): DecisionInput => ({ taskId: 't1', actorPersonId: 'budi', decision: 'approve', ...over });

describe('decisionRefusal', () => {
  it('accepts the assignee’s decision on an open task of a pending stage', () => {
    expect(decisionRefusal(view(), approve())).toBeNull();
  });

  it('refuses a task of another proposal, the proposer, and someone who does not act for the post', () => {
    expect(decisionRefusal(view(), approve({ taskId: 'other' }))?.type).toBe('TaskNotFound');
    expect(decisionRefusal(view(), approve({ actorPersonId: 'rina' }))?.type).toBe('SelfApproval');
    expect(decisionRefusal(view(), approve({ actorPersonId: 'sari' }))?.type).toBe('NotAssignee');
  });

  it('says who decided a closed task, or its stage round', () => {
    const state = approvalState({ tasks: [task({ status: 'approved', decidedByName: 'Budi' })] });
    expect(decisionRefusal(view({ state }), approve())).toMatchObject({ type: 'AlreadyDecided', details: { decidedBy: 'Budi' } });
    const settled = approvalState({
      tasks: [task(), task({ taskId: 't2', slot: 1, status: 'approved', decidedByName: 'Sari' })],
    });
    expect(decisionRefusal(view({ state: settled }), approve())?.message).toBe('This task is already closed: decided by Sari.');
    expect(decisionRefusal(view({ closing: 'withdrawn' }), approve())?.type).toBe('AlreadyDecided');
  });

  it('names where an escalated or moved task went', () => {
    const escalated = approvalState({ tasks: [task({ status: 'escalated' }), task({ taskId: 't2', assigneeName: 'Sari', escalatedFromTaskId: 't1', escalationLevel: 1 })] });
    expect(decisionRefusal(view({ state: escalated }), approve())?.details).toEqual({ escalatedTo: 'Sari' });
    const moved = approvalState({ tasks: [task({ status: 'reassigned' }), task({ taskId: 't2', assigneeName: null, assigneePersonId: null, reassignedFromTaskId: 't1' })] });
    expect(decisionRefusal(view({ state: moved }), approve())?.details).toEqual({ reassignedTo: null });
  });

  it('applies the stage’s rules: definitive holder, reasons, returns', () => {
    const acting = approvalState({ stageIndex: 1, tasks: [task({ stageIndex: 1, capacity: 'plt' })] });
    expect(decisionRefusal(view({ state: acting }), approve())?.type).toBe('RequiresDefinitive');
    expect(decisionRefusal(view(), approve({ decision: 'reject', comment: '  ' }))?.type).toBe('ReasonRequired');
    expect(decisionRefusal(view(), approve({ decision: 'return', comment: 'revise' }))?.type).toBe('ReturnNotAllowed');
    const second = approvalState({ stageIndex: 1, tasks: [task({ stageIndex: 1 })] });
    expect(decisionRefusal(view({ state: second }), approve({ decision: 'return', comment: 'revise' }))).toBeNull();
  });
});

describe('closeRefusal', () => {
  it('lets only the proposer withdraw, with a reason, while the approval runs', () => {
    expect(closeRefusal(view(), 'withdrawn', { actorPersonId: 'rina', reason: 'no budget' })).toBeNull();
    expect(closeRefusal(view(), 'withdrawn', { actorPersonId: 'admin', reason: 'x' })?.type).toBe('NotProposer');
    expect(closeRefusal(view(), 'cancelled', { actorPersonId: 'admin', reason: '' })?.message).toBe('A cancellation needs a reason.');
    expect(closeRefusal(view({ closing: 'cancelled' }), 'withdrawn', { actorPersonId: 'rina', reason: 'x' })?.message).toBe('The approval has already ended (cancelled).');
    expect(closeRefusal(view({ state: approvalState({ status: 'approved' }) }), 'cancelled', { actorPersonId: 'admin', reason: 'x' })?.type).toBe('WrongState');
  });
});

describe('resubmitRefusal', () => {
  const r = { actorPersonId: 'rina', proposalVersion: 2, facts: approvalState().facts };
  it('accepts the proposer’s resubmission of a returned proposal, once', () => {
    const returned = approvalState({ status: 'returned' });
    expect(resubmitRefusal(view({ state: returned }), r)).toBeNull();
    expect(resubmitRefusal(view({ state: returned, resubmitting: true }), r)?.type).toBe('WrongState');
    expect(resubmitRefusal(view({ state: returned }), { ...r, actorPersonId: 'budi' })?.type).toBe('NotProposer');
    expect(resubmitRefusal(view(), r)?.message).toBe('Only a proposal returned for revision can be resubmitted; this one is in_review.');
  });
});

describe('assignRefusal and assignSkip', () => {
  const a = { taskIds: ['t1'], toPersonId: 'sari', toName: 'Sari', actorPersonId: 'admin', reason: 'cuti' };
  it('refuses a Disposisi without a reason, to the proposer, or of no task of the proposal', () => {
    expect(assignRefusal(view(), a)).toBeNull();
    expect(assignRefusal(view(), { ...a, reason: ' ' })?.type).toBe('ReasonRequired');
    expect(assignRefusal(view(), { ...a, toPersonId: 'rina' })?.type).toBe('SelfApproval');
    expect(assignRefusal(view(), { ...a, taskIds: ['x'] })?.type).toBe('TaskNotFound');
  });

  it('says why a task of an accepted Disposisi stays where it is', () => {
    const v = view();
    expect(assignSkip(v, undefined, a)).toBe('not a task of this proposal');
    expect(assignSkip(v, task({ status: 'approved' }), a)).toBe('already closed (approved)');
    expect(assignSkip(v, task({ assigneePersonId: 'sari', assignedByPersonId: 'admin' }), a)).toBe('already assigned to this person');
    expect(assignSkip(v, v.state.tasks[0], a)).toBeNull();
  });
});

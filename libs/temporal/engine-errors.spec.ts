import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { DecisionFailure } from '@libs/contracts/approval.contract';
import { Refusal, ServiceUnavailable } from '@libs/domain/refusal';
import { ApprovalClosed, approvalRefusal, deadlineOf, refusalOf } from './engine-errors';
import { Refusals } from '@libs/contracts/approval-refusals';
import { updateIds } from './update-ids';

const refused = (type: string, message: string, details?: unknown) =>
  new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type, message, nonRetryable: true, details: details ? [details] : undefined }));

describe('refusalOf', () => {
  it.each([
    [DecisionFailure.TaskNotFound, 'TASK_NOT_FOUND', 'not-found'],
    [DecisionFailure.NotAssignee, 'NOT_ASSIGNEE', 'forbidden'],
    [DecisionFailure.SelfApproval, 'SEGREGATION_OF_DUTIES', 'forbidden'],
    [DecisionFailure.AlreadyDecided, 'ALREADY_DECIDED', 'conflict'],
    [DecisionFailure.ReturnNotAllowed, 'RETURN_NOT_ALLOWED', 'invalid'],
    [DecisionFailure.RequiresDefinitive, 'REQUIRES_DEFINITIVE_HOLDER', 'forbidden'],
    [DecisionFailure.NotProposer, 'NOT_PROPOSER', 'forbidden'],
    [DecisionFailure.WrongState, 'INVALID_STATE', 'conflict'],
  ])('turns the workflow refusal %s into %s (%s) with its message', (type, code, kind) => {
    const err = refusalOf(refused(type, 'why it was refused'), 'comment');
    expect(err).toBeInstanceOf(Refusal);
    expect(err).toMatchObject({ code, kind, message: 'why it was refused' });
  });

  it('keeps the details the workflow attached', () => {
    expect(refusalOf(refused(DecisionFailure.AlreadyDecided, 'closed', { decidedBy: 'Budi' }), 'comment')).toMatchObject({ details: { decidedBy: 'Budi' } });
  });

  it('names the field a missing reason belongs to', () => {
    expect(refusalOf(refused(DecisionFailure.ReasonRequired, 'A withdrawal needs a reason.'), 'reason')).toMatchObject({
      code: 'REASON_REQUIRED',
      kind: 'invalid',
      details: [{ field: 'reason', messages: ['A withdrawal needs a reason.'] }],
    });
  });

  it('says the approval has ended when its workflow is gone', () => {
    const err = refusalOf(new WorkflowNotFoundError('not found', 'proposal-1', undefined), 'comment');
    expect(err).toBeInstanceOf(ApprovalClosed);
    expect(err).toMatchObject({ code: 'APPROVAL_CLOSED', kind: 'conflict' });
  });

  it('leaves failures that are not refusals as they are', () => {
    const unknownType = refused('SomethingElse', 'boom');
    const plain = new Error('boom');
    expect(refusalOf(unknownType, 'comment')).toBe(unknownType);
    expect(refusalOf(plain, 'comment')).toBe(plain);
  });
});

describe('approvalRefusal', () => {
  it('answers a refusal found in the read model as the workflow would have', () => {
    expect(approvalRefusal(Refusals.decidedBy('Budi'))).toMatchObject({
      code: 'ALREADY_DECIDED',
      kind: 'conflict',
      message: 'This task is already closed: decided by Budi.',
      details: { decidedBy: 'Budi' },
    });
  });
});

describe('deadlineOf', () => {
  it('turns an Update that timed out into a refusal as unavailable that says a retry is safe', () => {
    const err = deadlineOf(new WorkflowUpdateRPCTimeoutOrCancelledError('timed out'), 10_000);
    expect(err).toBeInstanceOf(ServiceUnavailable);
    expect((err as ServiceUnavailable).message).toMatch(/within 10 s.*same Idempotency-Key/);
  });

  it('leaves other errors as they are', () => {
    const plain = new Error('boom');
    expect(deadlineOf(plain, 10_000)).toBe(plain);
  });
});

describe('updateIds', () => {
  it('derives the Update ids from the actor, the target and the idempotency key as before', () => {
    expect(updateIds.decision('me', 'task-1', 'key:fp')).toBe('decision:me:task-1:key:fp');
    expect(updateIds.resubmit('me', 'key:fp')).toBe('resubmit:me:key:fp');
    expect(updateIds.cancel('me', 'key:fp')).toBe('cancel:me:key:fp');
    expect(updateIds.assign('me', 'proposal-1', 'key:fp')).toBe('assign:me:proposal-1:key:fp');
  });

  it('gives two people the same key without sharing an Update', () => {
    expect(updateIds.decision('a', 't', 'k')).not.toBe(updateIds.decision('b', 't', 'k'));
  });
});

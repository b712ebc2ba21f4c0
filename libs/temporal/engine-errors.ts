import { ApplicationFailure, isGrpcDeadlineError, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { DecisionFailure, DecisionFailureType } from '@libs/contracts/approval.contract';
import { ApprovalClosed, Refusal, RefusalKind, ServiceUnavailable } from '@libs/domain/refusal';

/** Each refusal the workflow raises (its ApplicationFailure type), as the callers of the engine know it. */
const REFUSALS: Record<DecisionFailureType, { code: string; kind: RefusalKind }> = {
  [DecisionFailure.TaskNotFound]: { code: 'TASK_NOT_FOUND', kind: 'not-found' },
  [DecisionFailure.NotAssignee]: { code: 'NOT_ASSIGNEE', kind: 'forbidden' },
  [DecisionFailure.SelfApproval]: { code: 'SEGREGATION_OF_DUTIES', kind: 'forbidden' },
  [DecisionFailure.AlreadyDecided]: { code: 'ALREADY_DECIDED', kind: 'conflict' },
  [DecisionFailure.ReasonRequired]: { code: 'REASON_REQUIRED', kind: 'invalid' },
  [DecisionFailure.ReturnNotAllowed]: { code: 'RETURN_NOT_ALLOWED', kind: 'invalid' },
  [DecisionFailure.RequiresDefinitive]: { code: 'REQUIRES_DEFINITIVE_HOLDER', kind: 'forbidden' },
  [DecisionFailure.NotProposer]: { code: 'NOT_PROPOSER', kind: 'forbidden' },
  [DecisionFailure.WrongState]: { code: 'INVALID_STATE', kind: 'conflict' },
};

const isRefusalType = (type: string | undefined | null): type is DecisionFailureType => !!type && Object.hasOwn(REFUSALS, type);

/**
 * The domain error for the workflow's refusal of an Update (decision, withdrawal, resubmission,
 * cancellation, Disposisi), or for an approval whose workflow has ended; any other error as it is.
 * `reasonField` names the request field a missing reason belongs to.
 */
export function refusalOf(err: unknown, reasonField: string): unknown {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && isRefusalType(err.cause.type)) {
    const { code, kind } = REFUSALS[err.cause.type];
    const details = err.cause.type === DecisionFailure.ReasonRequired ? [{ field: reasonField, messages: [err.cause.message] }] : err.cause.details?.[0];
    return new Refusal(code, err.cause.message, kind, details ?? undefined);
  }
  if (err instanceof WorkflowNotFoundError) return new ApprovalClosed();
  return err;
}

/** Temporal did not answer within the deadline of the call; other errors as they are. */
export function deadlineOf(err: unknown, deadlineMs: number): unknown {
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isGrpcDeadlineError(err)) {
    return new ServiceUnavailable(
      `The workflow engine (Temporal) did not answer within ${deadlineMs / 1000} s. The request may still be applied; ` +
        'retry it (with the same Idempotency-Key, where the endpoint takes one) and it is applied once.',
    );
  }
  return err;
}

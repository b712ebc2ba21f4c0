import { ApplicationFailure, isGrpcDeadlineError, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import {
  APPROVAL_CLOSED,
  type Refusal as ApprovalRefusal,
  DecisionFailure,
  isRefusalType,
  REFUSAL_CODES,
  REFUSAL_HTTP_STATUS,
} from '@libs/contracts/approval-refusals';
import { Refusal, RefusalKind, ServiceUnavailable } from '@libs/domain/refusal';

/** The HTTP statuses of the refusal table, as the kinds of refusal the domain knows. */
const KIND_OF_STATUS: Record<number, RefusalKind> = { 404: 'not-found', 403: 'forbidden', 409: 'conflict', 422: 'invalid' };

/**
 * An approval refusal (as the workflow raises it, or as the API finds it in the read model) as a
 * domain refusal, with its details or the ones given.
 */
export function approvalRefusal(refusal: ApprovalRefusal, details: unknown = refusal.details): Refusal {
  return new Refusal(REFUSAL_CODES[refusal.type], refusal.message, KIND_OF_STATUS[REFUSAL_HTTP_STATUS[refusal.type]] ?? 'conflict', details);
}

/** The approval has ended (its workflow is closed): nothing more can be done on it. */
export class ApprovalClosed extends Refusal {
  constructor() {
    super(APPROVAL_CLOSED.code, APPROVAL_CLOSED.message, 'conflict');
    this.name = 'ApprovalClosed';
  }
}

/**
 * The domain error for the workflow's refusal of an Update (decision, withdrawal, resubmission,
 * cancellation, Disposisi), or for an approval whose workflow has ended; any other error as it is.
 * `reasonField` names the request field a missing reason belongs to.
 */
export function refusalOf(err: unknown, reasonField: string): unknown {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && isRefusalType(err.cause.type)) {
    const { type, message } = err.cause;
    const details = type === DecisionFailure.ReasonRequired ? [{ field: reasonField, messages: [message] }] : (err.cause.details?.[0] ?? undefined);
    return approvalRefusal({ type, message }, details);
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

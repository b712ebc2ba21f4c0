import { HttpStatus } from '@nestjs/common';
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { DecisionFailure, DecisionFailureType } from '@libs/contracts/approval.contract';
import { conflict, DomainError } from '@libs/http/domain-error';

const STATUS: Record<DecisionFailureType, HttpStatus> = {
  [DecisionFailure.TaskNotFound]: HttpStatus.NOT_FOUND,
  [DecisionFailure.NotAssignee]: HttpStatus.FORBIDDEN,
  [DecisionFailure.SelfApproval]: HttpStatus.FORBIDDEN,
  [DecisionFailure.AlreadyDecided]: HttpStatus.CONFLICT,
  [DecisionFailure.ReasonRequired]: HttpStatus.UNPROCESSABLE_ENTITY,
  [DecisionFailure.ReturnNotAllowed]: HttpStatus.UNPROCESSABLE_ENTITY,
  [DecisionFailure.RequiresDefinitive]: HttpStatus.FORBIDDEN,
  [DecisionFailure.NotProposer]: HttpStatus.FORBIDDEN,
  [DecisionFailure.WrongState]: HttpStatus.CONFLICT,
};

const CODE: Record<DecisionFailureType, string> = {
  TaskNotFound: 'TASK_NOT_FOUND',
  NotAssignee: 'NOT_ASSIGNEE',
  SelfApproval: 'SEGREGATION_OF_DUTIES',
  AlreadyDecided: 'ALREADY_DECIDED',
  ReasonRequired: 'REASON_REQUIRED',
  ReturnNotAllowed: 'RETURN_NOT_ALLOWED',
  RequiresDefinitive: 'REQUIRES_DEFINITIVE_HOLDER',
  NotProposer: 'NOT_PROPOSER',
  WrongState: 'INVALID_STATE',
};

/** Translates the workflow's refusal of an update (decision, withdrawal, resubmission) into the API's error; other errors pass through. */
export function decisionError(err: unknown, reasonField = 'comment'): unknown {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const type = err.cause.type as DecisionFailureType | undefined;
    if (type && type in STATUS) {
      const details = type === DecisionFailure.ReasonRequired
        ? [{ field: reasonField, messages: [err.cause.message] }]
        : err.cause.details?.[0];
      return new DomainError(CODE[type], err.cause.message, STATUS[type], details ?? undefined);
    }
  }
  if (err instanceof WorkflowNotFoundError) {
    return conflict('APPROVAL_CLOSED', 'The approval of this proposal has already finished; nothing more can be done on it.');
  }
  return err;
}

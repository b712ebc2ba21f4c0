import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ChainDefinition } from '../domain/chain';
import type { Capacity, Decision, ProposalStatus, TaskStatus } from '../domain/proposal';

/** Shared between the API (client), the worker and the workflow. Must bundle: no Node or Nest imports. */

export const DEFAULT_TASK_QUEUE = 'estafet-approvals';

export const workflowIdForProposal = (proposalId: string): string => `proposal-${proposalId}`;

export interface ApprovalWorkflowInput {
  proposalId: string;
  proposerPersonId: string;
  unitId: string;
  template: { id: string; code: string; version: number };
  chain: ChainDefinition;
}

export interface DecisionInput {
  taskId: string;
  actorPersonId: string;
  decision: Decision;
  comment?: string;
}

export interface DecisionResult {
  taskId: string;
  decision: Decision;
  decidedAt: string;
  actorPersonId: string;
  actorPositionId: string;
  capacity: Capacity;
  proposalStatus: ProposalStatus;
}

export interface TaskState {
  taskId: string;
  stageIndex: number;
  round: number;
  positionId: string;
  assigneePersonId: string | null;
  assigneeName: string | null;
  capacity: Capacity | null;
  status: TaskStatus;
  dueAt: string | null;
  decidedByPersonId?: string;
  decidedByName?: string;
}

export interface ApprovalState {
  proposalId: string;
  status: ProposalStatus;
  stageIndex: number;
  round: number;
  tasks: TaskState[];
}

export const decideUpdate = defineUpdate<DecisionResult, [DecisionInput]>('decide');
export const stateQuery = defineQuery<ApprovalState>('state');

/**
 * Failure types raised by the workflow when refusing an update. The API maps each to an HTTP status
 * (see apps/api/src/tasks/decision-errors.ts).
 */
export const DecisionFailure = {
  TaskNotFound: 'TaskNotFound',
  NotAssignee: 'NotAssignee',
  SelfApproval: 'SelfApproval',
  AlreadyDecided: 'AlreadyDecided',
  ReasonRequired: 'ReasonRequired',
  ReturnNotAllowed: 'ReturnNotAllowed',
} as const;
export type DecisionFailureType = (typeof DecisionFailure)[keyof typeof DecisionFailure];

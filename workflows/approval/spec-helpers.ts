import type { ApprovalState, TaskState } from '@libs/contracts/approval.contract';
import type { StageDefinition } from '@libs/domain/chain';
import type { ResolvedSlot } from '@activities/approver-resolver';

/** Builders of states, stages and tasks for the unit tests of this folder (not part of the workflow). */

export const stageDef = (over: Partial<StageDefinition> = {}): StageDefinition => ({
  key: 'kabid',
  name: 'Kepala Bidang',
  approvers: [{ kind: 'head-of-proposer-unit' }],
  mode: 'any',
  ...over,
});

export const task = (over: Partial<TaskState> = {}): TaskState => ({
  taskId: 't1',
  stageIndex: 0,
  round: 1,
  slot: 0,
  positionId: 'pos-1',
  assigneePersonId: 'budi',
  assigneeName: 'Budi',
  capacity: 'definitif',
  status: 'open',
  createdAt: '2026-01-05T00:00:00.000Z',
  dueAt: null,
  escalationLevel: 0,
  escalatedFromTaskId: null,
  remindersSent: 0,
  overdueAt: null,
  ...over,
});

export const approvalState = (over: Partial<ApprovalState> = {}): ApprovalState => ({
  proposalId: 'p1',
  status: 'in_review',
  stageIndex: 0,
  round: 1,
  proposalVersion: 1,
  facts: { budgetEstimate: 10, category: 'digital', crossAgency: false },
  skipped: [],
  tasks: [],
  run: 1,
  ...over,
});

export const slot = (over: Partial<ResolvedSlot> = {}): ResolvedSlot => ({
  positionId: 'pos-1',
  positionTitle: 'Kepala Bidang',
  personId: 'budi',
  personName: 'Budi',
  capacity: 'definitif',
  ...over,
});

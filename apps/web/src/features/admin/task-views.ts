/** A task of GET /api/admin/tasks. */
export interface AdminTask {
  taskId: string;
  proposalId: string;
  proposalTitle: string;
  unitId: string;
  unitName: string;
  stageIndex: number;
  stageName: string;
  round: number;
  positionId: string;
  positionTitle: string;
  assigneePersonId: string | null;
  assigneeName: string | null;
  capacity: string | null;
  status: string;
  createdAt: string;
  dueAt: string | null;
  decidedAt: string | null;
  ageSeconds: number;
  overdueSeconds: number;
  escalationLevel: number;
  escalatedFromTaskId: string | null;
  remindersSent: number;
}

export interface Unit {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  parentCode: string | null;
  depth: number;
}

/** POST /api/admin/tasks/reassign: one outcome per task asked for. */
export interface ReassignResult {
  taskId: string;
  outcome: 'moved' | 'skipped';
  newTaskId?: string;
  message?: string;
}

export const TASK_VIEWS = ['overdue', 'escalated', 'vacant', 'stuck', 'open'] as const;
export type TaskView = (typeof TASK_VIEWS)[number];

/** Units as options, indented by their depth in the tree. */
export const unitLabel = (u: Unit) => `${'\u00a0\u00a0'.repeat(u.depth)}${u.name}`;

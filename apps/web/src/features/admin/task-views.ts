/** The lists of the admin task page (GET /api/admin/tasks?view=), in the order of its tabs. */
export const TASK_VIEWS = ['overdue', 'attention', 'escalated', 'vacant', 'stuck', 'open'] as const;
export type TaskView = (typeof TASK_VIEWS)[number];

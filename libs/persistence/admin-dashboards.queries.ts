import { DataSource } from 'typeorm';
import type { PageSlice } from './page-slice';

/*
 * The administrators' dashboards over the Postgres read models (approval_task, proposal,
 * notification_outbox). Nothing here asks a workflow: lists must stay cheap with thousands of approvals.
 */

/** The lists of tasks an administrator audits (see GET /api/admin/tasks). */
export type AdminTaskList = 'open' | 'overdue' | 'stuck' | 'escalated' | 'vacant';

export interface AdminTaskFilter {
  list: AdminTaskList;
  unitId?: string;
  stageName?: string;
  positionId?: string;
  /** For `stuck`: tasks created before this moment. */
  stuckBefore: Date;
  /** For `escalated`: closed escalation tasks too. */
  includeClosed?: boolean;
}

export interface AdminTaskRow {
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
  createdAt: Date;
  dueAt: Date | null;
  decidedAt: Date | null;
  ageSeconds: number;
  overdueSeconds: number;
  escalationLevel: number;
  escalatedFromTaskId: string | null;
  remindersSent: number;
}

/** Open work counted one way or another; each count matches a list of `tasks`. */
export interface OpenWorkCounts {
  open: number;
  overdue: number;
  escalated: number;
  stuck: number;
  vacant: number;
  oldestAgeSeconds: number;
}

export interface OpenWorkRow extends OpenWorkCounts {
  unitId: string;
  unitName: string;
  stageName: string;
}

export interface NotificationFilter {
  proposalId?: string;
  taskId?: string;
  recipientPersonId?: string;
  kind?: string;
  /** true: not yet delivered; false: delivered; undefined: both. */
  pending?: boolean;
}

export interface NotificationRow {
  id: string;
  proposalId: string;
  taskId: string | null;
  kind: string;
  recipientPersonId: string | null;
  recipientName: string | null;
  recipientRole: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
  sentAt: Date | null;
  attempts: number;
  lastError: string | null;
}

export interface Counted<T> {
  items: T[];
  total: number;
}

/**
 * Positional parameters for one statement. Postgres refuses a parameter a statement does not use, so
 * "now" is bound only by the fragments that need it, once.
 */
class Params {
  readonly values: unknown[] = [];
  private nowRef: string | null = null;
  constructor(private readonly at: Date) {}

  bind(value: unknown): string {
    return `$${this.values.push(value)}`;
  }

  get now(): string {
    this.nowRef ??= `${this.bind(this.at)}::timestamptz`;
    return this.nowRef;
  }
}

const seconds = (from: string, to: string) => `GREATEST(0, FLOOR(EXTRACT(EPOCH FROM (${to} - ${from}))))::float8`;

/** Where a task's clock stops: now while it is open, the moment it closed otherwise. */
const clockEnd = (now: string) => `LEAST(${now}, COALESCE(CASE WHEN t.status <> 'open' THEN t.decided_at END, ${now}))`;

const TASK_FROM = `
  FROM approval_task t
  JOIN proposal p ON p.id = t.proposal_id
  LEFT JOIN org_unit u ON u.id = p.unit_id
  LEFT JOIN position pos ON pos.id = t.position_id
  LEFT JOIN person a ON a.id = t.assignee_person_id`;

const taskColumns = (end: string) => `
  t.id AS "taskId", t.proposal_id AS "proposalId", p.title AS "proposalTitle", p.unit_id AS "unitId", u.name AS "unitName",
  t.stage_index AS "stageIndex", t.stage_name AS "stageName", t.round AS "round", t.position_id AS "positionId",
  pos.title AS "positionTitle", t.assignee_person_id AS "assigneePersonId", a.name AS "assigneeName", t.capacity AS "capacity",
  t.status AS "status", t.created_at AS "createdAt", t.due_at AS "dueAt", t.decided_at AS "decidedAt",
  ${seconds('t.created_at', end)} AS "ageSeconds",
  CASE WHEN t.due_at < ${end} THEN ${seconds('t.due_at', end)} ELSE 0 END AS "overdueSeconds",
  t.escalation_level AS "escalationLevel", t.escalated_from_task_id AS "escalatedFromTaskId", t.reminders_sent AS "remindersSent"`;

/** Most urgent first: the most overdue (earliest due), then the longest waiting; `stuck` and `vacant` list the oldest first. */
const TASK_ORDER: Record<AdminTaskList, string> = {
  overdue: `t.due_at ASC, t.created_at ASC, t.id`,
  open: `t.due_at ASC NULLS LAST, t.created_at ASC, t.id`,
  stuck: `t.created_at ASC, t.due_at ASC NULLS LAST, t.id`,
  escalated: `(t.status = 'open') DESC, t.due_at ASC NULLS LAST, t.created_at ASC, t.id`,
  vacant: `t.created_at ASC, t.due_at ASC NULLS LAST, t.id`,
};

function listCondition(filter: AdminTaskFilter, params: Params): string {
  switch (filter.list) {
    case 'open':
      return `t.status = 'open'`;
    case 'overdue':
      return `t.status = 'open' AND t.due_at < ${params.now}`;
    case 'stuck':
      return `t.status = 'open' AND t.created_at < ${params.bind(filter.stuckBefore)}`;
    case 'escalated':
      return filter.includeClosed ? `t.escalation_level > 0` : `t.escalation_level > 0 AND t.status = 'open'`;
    case 'vacant':
      // Nobody acts for the post: the task waits in no inbox until someone is appointed or it is reassigned.
      return `t.status = 'open' AND t.assignee_person_id IS NULL`;
  }
}

const OPEN_WORK_FROM = `FROM approval_task t JOIN proposal p ON p.id = t.proposal_id LEFT JOIN org_unit u ON u.id = p.unit_id WHERE t.status = 'open'`;
const OPEN_WORK_GROUPS = `GROUP BY p.unit_id, u.name, t.stage_name`;

const openWorkCounts = (params: Params, stuckBefore: Date) => `
  COUNT(*)::int AS "open",
  COUNT(*) FILTER (WHERE t.due_at < ${params.now})::int AS "overdue",
  COUNT(*) FILTER (WHERE t.escalation_level > 0)::int AS "escalated",
  COUNT(*) FILTER (WHERE t.created_at < ${params.bind(stuckBefore)})::int AS "stuck",
  COUNT(*) FILTER (WHERE t.assignee_person_id IS NULL)::int AS "vacant",
  COALESCE(${seconds('MIN(t.created_at)', params.now)}, 0) AS "oldestAgeSeconds"`;

export class AdminDashboards {
  constructor(private readonly dataSource: DataSource) {}

  /** One page of a list of tasks, most urgent first, with their ages at `now`. */
  async tasks(filter: AdminTaskFilter, page: PageSlice, now: Date): Promise<Counted<AdminTaskRow>> {
    const params = new Params(now);
    const where = [listCondition(filter, params)];
    if (filter.unitId) where.push(`p.unit_id = ${params.bind(filter.unitId)}`);
    if (filter.stageName) where.push(`t.stage_name = ${params.bind(filter.stageName)}`);
    if (filter.positionId) where.push(`t.position_id = ${params.bind(filter.positionId)}`);
    const condition = `WHERE ${where.join(' AND ')}`;

    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT COUNT(*)::int AS total FROM approval_task t JOIN proposal p ON p.id = t.proposal_id ${condition}`,
      [...params.values],
    );
    const columns = taskColumns(clockEnd(params.now));
    const items = await this.dataSource.query<AdminTaskRow[]>(
      `SELECT ${columns} ${TASK_FROM} ${condition} ORDER BY ${TASK_ORDER[filter.list]} LIMIT ${params.bind(page.pageSize)} OFFSET ${params.bind(page.offset)}`,
      params.values,
    );
    return { items, total };
  }

  /**
   * Open work per proposer unit and stage name (one page, the most overdue first), the number of such
   * groups, and the counts over all open work.
   */
  async openWork(stuckBefore: Date, page: PageSlice, now: Date): Promise<Counted<OpenWorkRow> & { totals: OpenWorkCounts }> {
    const totalsParams = new Params(now);
    const [totals] = await this.dataSource.query<OpenWorkCounts[]>(`SELECT ${openWorkCounts(totalsParams, stuckBefore)} ${OPEN_WORK_FROM}`, totalsParams.values);
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(`SELECT COUNT(*)::int AS total FROM (SELECT 1 ${OPEN_WORK_FROM} ${OPEN_WORK_GROUPS}) g`);
    const params = new Params(now);
    const items = await this.dataSource.query<OpenWorkRow[]>(
      `SELECT p.unit_id AS "unitId", u.name AS "unitName", t.stage_name AS "stageName", ${openWorkCounts(params, stuckBefore)}
         ${OPEN_WORK_FROM} ${OPEN_WORK_GROUPS}
        ORDER BY "overdue" DESC, "oldestAgeSeconds" DESC, "unitName", "stageName", "unitId"
        LIMIT ${params.bind(page.pageSize)} OFFSET ${params.bind(page.offset)}`,
      params.values,
    );
    return { items, total, totals };
  }

  /** One page of the notification outbox, newest first: what was (or is still to be) sent, and to whom. */
  async notifications(filter: NotificationFilter, page: PageSlice): Promise<Counted<NotificationRow>> {
    const values: unknown[] = [];
    const bind = (v: unknown) => `$${values.push(v)}`;
    const where: string[] = [];
    if (filter.proposalId) where.push(`n.proposal_id = ${bind(filter.proposalId)}`);
    if (filter.taskId) where.push(`n.task_id = ${bind(filter.taskId)}`);
    if (filter.recipientPersonId) where.push(`n.recipient_person_id = ${bind(filter.recipientPersonId)}`);
    if (filter.kind) where.push(`n.kind = ${bind(filter.kind)}`);
    if (filter.pending !== undefined) where.push(filter.pending ? 'n.sent_at IS NULL' : 'n.sent_at IS NOT NULL');
    const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';

    const [{ total }] = await this.dataSource.query<{ total: number }[]>(`SELECT COUNT(*)::int AS total FROM notification_outbox n ${condition}`, values);
    const items = await this.dataSource.query<NotificationRow[]>(
      `SELECT n.id AS "id", n.proposal_id AS "proposalId", n.task_id AS "taskId", n.kind AS "kind",
              n.recipient_person_id AS "recipientPersonId", r.name AS "recipientName", n.recipient_role AS "recipientRole",
              n.payload AS "payload", n.created_at AS "createdAt", n.sent_at AS "sentAt", n.attempts AS "attempts", n.last_error AS "lastError"
         FROM notification_outbox n LEFT JOIN person r ON r.id = n.recipient_person_id
         ${condition}
        ORDER BY n.created_at DESC, n.id
        LIMIT ${bind(page.pageSize)} OFFSET ${bind(page.offset)}`,
      values,
    );
    return { items, total };
  }
}

import { DataSource } from 'typeorm';
import { STAGE_EVENT_TYPES } from '@libs/contracts/record.contract';
import type { PageSlice } from './page-slice';

/*
 * The administrators' dashboards over the Postgres read models (approval_task, proposal,
 * notification_outbox). Nothing here asks a workflow: lists must stay cheap with thousands of approvals.
 */

/** The lists of tasks an administrator audits (see GET /api/admin/tasks). */
export type AdminTaskList = 'open' | 'overdue' | 'stuck' | 'escalated' | 'vacant' | 'attention';

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
  /** For an open task nobody holds: the post's appointment that ended last (by now), and its capacity. */
  lastEndedAt: Date | null;
  lastEndedCapacity: string | null;
  /** For an open task: its last `task.timeout` event's outcome and time. */
  timeoutOutcome: string | null;
  timeoutAt: Date | null;
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

/** A stage round whose posts did not resolve: the approval waits, with no task, for an administrator. */
export interface BlockedStageRow {
  proposalId: string;
  proposalTitle: string;
  unitId: string;
  unitName: string | null;
  stageIndex: number;
  stageName: string;
  round: number;
  /** What did not resolve, as the resolver said it. */
  reason: string;
  /** When the stage was found blocked. */
  since: Date;
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

/** The rows of a slice (`s`: task ids and their order) with what the columns name. */
const SLICE_FROM = `
  FROM slice s
  JOIN approval_task t ON t.id = s.id
  JOIN proposal p ON p.id = t.proposal_id
  LEFT JOIN org_unit u ON u.id = p.unit_id
  LEFT JOIN position pos ON pos.id = t.position_id
  LEFT JOIN person a ON a.id = t.assignee_person_id`;

/**
 * What says why an open task waits (apps/api/admin/stuck-reason.ts reads it): for a task nobody holds,
 * the post's appointment that ended last; for any open task, its last timeout and what came of it.
 */
const reasonFacts = (now: string) => `
  LEFT JOIN LATERAL (
    SELECT ap.ends_at, ap.capacity FROM appointment ap
     WHERE t.status = 'open' AND t.assignee_person_id IS NULL AND ap.position_id = t.position_id AND ap.ends_at <= ${now}
     ORDER BY ap.ends_at DESC LIMIT 1) vac ON true
  LEFT JOIN LATERAL (
    SELECT h.data->>'outcome' AS outcome, h.occurred_at FROM history_event h
     WHERE t.status = 'open' AND h.proposal_id = t.proposal_id AND h.type = 'task.timeout' AND h.data->>'taskId' = t.id::text
     ORDER BY h.seq DESC LIMIT 1) tmo ON true`;

const REASON_COLUMNS = `vac.ends_at AS "lastEndedAt", vac.capacity AS "lastEndedCapacity", tmo.outcome AS "timeoutOutcome", tmo.occurred_at AS "timeoutAt"`;

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
  // Waiting the longest for someone to act: nobody holds it since it was created, or it is late since its due time.
  attention: `(CASE WHEN t.assignee_person_id IS NULL THEN t.created_at ELSE t.due_at END) ASC, t.created_at ASC, t.id`,
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
    case 'attention':
      // Every open task that has a reason to be looked at: nobody holds it, or it is past due.
      return `t.status = 'open' AND (t.assignee_person_id IS NULL OR t.due_at < ${params.now})`;
  }
}

/** The WHERE clause of a list of tasks with its filters. */
function taskCondition(filter: AdminTaskFilter, params: Params): string {
  const where = [listCondition(filter, params)];
  if (filter.unitId) where.push(`p.unit_id = ${params.bind(filter.unitId)}`);
  if (filter.stageName) where.push(`t.stage_name = ${params.bind(filter.stageName)}`);
  if (filter.positionId) where.push(`t.position_id = ${params.bind(filter.positionId)}`);
  return `WHERE ${where.join(' AND ')}`;
}

/**
 * The rows of one slice of a list, in its order. The slice is chosen first (on the task columns
 * alone), so the look-ups of the reason facts run for the rows served only.
 */
function taskSliceSql(filter: AdminTaskFilter, params: Params, limit: number, offset: number): string {
  const condition = taskCondition(filter, params);
  const order = TASK_ORDER[filter.list];
  const columns = taskColumns(clockEnd(params.now));
  return `
    WITH slice AS (
      SELECT t.id, ROW_NUMBER() OVER (ORDER BY ${order}) AS ord
        FROM approval_task t JOIN proposal p ON p.id = t.proposal_id ${condition}
       ORDER BY ord LIMIT ${params.bind(limit)} OFFSET ${params.bind(offset)}
    )
    SELECT ${columns}, ${REASON_COLUMNS}
      ${SLICE_FROM}
      ${reasonFacts(params.now)}
     ORDER BY s.ord`;
}

/** Open tasks, of proposals of one unit when given. */
const openWorkFrom = (params: Params, unitId: string | undefined) =>
  `FROM approval_task t JOIN proposal p ON p.id = t.proposal_id LEFT JOIN org_unit u ON u.id = p.unit_id WHERE t.status = 'open'` +
  (unitId ? ` AND p.unit_id = ${params.bind(unitId)}` : '');
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
    const countParams = new Params(now);
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT COUNT(*)::int AS total FROM approval_task t JOIN proposal p ON p.id = t.proposal_id ${taskCondition(filter, countParams)}`,
      countParams.values,
    );
    const params = new Params(now);
    const items = await this.dataSource.query<AdminTaskRow[]>(taskSliceSql(filter, params, page.pageSize, page.offset), params.values);
    return { items, total };
  }

  /** Every task of a list (up to `limit`), in its order: what an export writes. */
  async allTasks(filter: AdminTaskFilter, limit: number, now: Date): Promise<AdminTaskRow[]> {
    const params = new Params(now);
    return this.dataSource.query<AdminTaskRow[]>(taskSliceSql(filter, params, limit, 0), params.values);
  }

  /** The stage names of every chain template version (each once): what the stage filter offers. */
  async stageNames(): Promise<string[]> {
    const rows = await this.dataSource.query<{ name: string }[]>(
      `SELECT DISTINCT s->>'name' AS name
         FROM chain_template ct CROSS JOIN LATERAL jsonb_array_elements(ct.definition->'stages') s
        WHERE s->>'name' IS NOT NULL`,
    );
    return rows.map((r) => r.name);
  }

  /**
   * Open work per proposer unit and stage name (one page, the most overdue first), the number of such
   * groups, and the counts over all open work (of proposals of `unitId`, when given).
   */
  async openWork(stuckBefore: Date, page: PageSlice, now: Date, unitId?: string): Promise<Counted<OpenWorkRow> & { totals: OpenWorkCounts }> {
    const totalsParams = new Params(now);
    const totalsSql = `SELECT ${openWorkCounts(totalsParams, stuckBefore)} ${openWorkFrom(totalsParams, unitId)}`;
    const [totals] = await this.dataSource.query<OpenWorkCounts[]>(totalsSql, totalsParams.values);
    const countParams = new Params(now);
    const countSql = `SELECT COUNT(*)::int AS total FROM (SELECT 1 ${openWorkFrom(countParams, unitId)} ${OPEN_WORK_GROUPS}) g`;
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(countSql, countParams.values);
    const params = new Params(now);
    const items = await this.dataSource.query<OpenWorkRow[]>(
      `SELECT p.unit_id AS "unitId", u.name AS "unitName", t.stage_name AS "stageName", ${openWorkCounts(params, stuckBefore)}
         ${openWorkFrom(params, unitId)} ${OPEN_WORK_GROUPS}
        ORDER BY "overdue" DESC, "oldestAgeSeconds" DESC, "unitName", "stageName", "unitId"
        LIMIT ${params.bind(page.pageSize)} OFFSET ${params.bind(page.offset)}`,
      params.values,
    );
    return { items, total, totals };
  }

  /**
   * Approvals under review whose last stage event says their stage is blocked and that have no open
   * task, the longest blocked first.
   */
  async blockedStages(page: PageSlice, unitId?: string): Promise<Counted<BlockedStageRow>> {
    const values: unknown[] = [[...STAGE_EVENT_TYPES]];
    const unitFilter = unitId ? `AND p.unit_id = $${values.push(unitId)}` : '';
    const from = `
      FROM proposal p
      JOIN LATERAL (
        SELECT h.type, h.occurred_at, h.data FROM history_event h
         WHERE h.proposal_id = p.id AND h.type = ANY($1::text[]) ORDER BY h.seq DESC LIMIT 1) b ON b.type = 'stage.blocked'
      WHERE p.status IN ('submitted', 'in_review') ${unitFilter}
        AND NOT EXISTS (SELECT 1 FROM approval_task t WHERE t.proposal_id = p.id AND t.status = 'open')`;
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(`SELECT COUNT(*)::int AS total ${from}`, values);
    const items = await this.dataSource.query<BlockedStageRow[]>(
      `SELECT p.id AS "proposalId", p.title AS "proposalTitle", p.unit_id AS "unitId",
              (SELECT u.name FROM org_unit u WHERE u.id = p.unit_id) AS "unitName",
              (b.data->>'stageIndex')::int AS "stageIndex", b.data->>'stage' AS "stageName", (b.data->>'round')::int AS "round",
              b.data->>'reason' AS "reason", b.occurred_at AS "since"
         ${from}
        ORDER BY b.occurred_at ASC, p.id
        LIMIT $${values.push(page.pageSize)} OFFSET $${values.push(page.offset)}`,
      values,
    );
    return { items, total };
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

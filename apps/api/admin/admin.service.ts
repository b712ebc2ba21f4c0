import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { durationToMs } from '@libs/domain/duration';
import { AdminTaskQuery, DEFAULT_OLDER_THAN, TaskView } from './dto/admin-task-query.dto';
import { AdminTaskPageView, AdminTaskView } from './dto/admin-task.view';
import { NotificationPageView, NotificationQuery, NotificationView } from './dto/notification-query.dto';
import { pageOf } from '@libs/http/page-query';
import { SummaryCounts, SummaryPageView, SummaryQuery, SummaryRowView } from './dto/summary.dto';

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
const TASK_ORDER: Record<TaskView, string> = {
  overdue: `t.due_at ASC, t.created_at ASC, t.id`,
  open: `t.due_at ASC NULLS LAST, t.created_at ASC, t.id`,
  stuck: `t.created_at ASC, t.due_at ASC NULLS LAST, t.id`,
  escalated: `(t.status = 'open') DESC, t.due_at ASC NULLS LAST, t.created_at ASC, t.id`,
  vacant: `t.created_at ASC, t.due_at ASC NULLS LAST, t.id`,
};

/**
 * Administrators' dashboards over the Postgres read models (approval_task, proposal,
 * notification_outbox). Nothing here asks a workflow: lists must stay cheap with thousands of approvals.
 */
@Injectable()
export class AdminService {
  constructor(private readonly dataSource: DataSource) {}

  async tasks(query: AdminTaskQuery, now = new Date()): Promise<AdminTaskPageView> {
    const view = query.view ?? 'open';
    const { page, pageSize, offset } = pageOf(query);
    const params = new Params(now);
    const where = [this.viewCondition(view, query, params, now)];
    if (query.unitId) where.push(`p.unit_id = ${params.bind(query.unitId)}`);
    if (query.stage) where.push(`t.stage_name = ${params.bind(query.stage)}`);
    if (query.positionId) where.push(`t.position_id = ${params.bind(query.positionId)}`);
    const filter = `WHERE ${where.join(' AND ')}`;

    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT COUNT(*)::int AS total FROM approval_task t JOIN proposal p ON p.id = t.proposal_id ${filter}`,
      [...params.values],
    );
    const columns = taskColumns(clockEnd(params.now));
    const items = await this.dataSource.query<AdminTaskView[]>(
      `SELECT ${columns} ${TASK_FROM} ${filter} ORDER BY ${TASK_ORDER[view]} LIMIT ${params.bind(pageSize)} OFFSET ${params.bind(offset)}`,
      params.values,
    );
    return { items, total, page, pageSize };
  }

  private viewCondition(view: TaskView, query: AdminTaskQuery, params: Params, now: Date): string {
    switch (view) {
      case 'open':
        return `t.status = 'open'`;
      case 'overdue':
        return `t.status = 'open' AND t.due_at < ${params.now}`;
      case 'stuck':
        return `t.status = 'open' AND t.created_at < ${params.bind(cutoff(query.olderThan, now))}`;
      case 'escalated':
        return query.includeClosed ? `t.escalation_level > 0` : `t.escalation_level > 0 AND t.status = 'open'`;
      case 'vacant':
        // Nobody acts for the post: the task waits in no inbox until someone is appointed or it is reassigned.
        return `t.status = 'open' AND t.assignee_person_id IS NULL`;
    }
  }

  /** Open work per proposer unit and stage name: how much, how late, how old, how much of it nobody holds. */
  async summary(query: SummaryQuery, now = new Date()): Promise<SummaryPageView> {
    const olderThan = query.olderThan ?? DEFAULT_OLDER_THAN;
    const { page, pageSize, offset } = pageOf(query);
    const from = `FROM approval_task t JOIN proposal p ON p.id = t.proposal_id LEFT JOIN org_unit u ON u.id = p.unit_id WHERE t.status = 'open'`;
    const groupBy = `GROUP BY p.unit_id, u.name, t.stage_name`;
    const counts = (params: Params) => `
      COUNT(*)::int AS "open",
      COUNT(*) FILTER (WHERE t.due_at < ${params.now})::int AS "overdue",
      COUNT(*) FILTER (WHERE t.escalation_level > 0)::int AS "escalated",
      COUNT(*) FILTER (WHERE t.created_at < ${params.bind(cutoff(olderThan, now))})::int AS "stuck",
      COUNT(*) FILTER (WHERE t.assignee_person_id IS NULL)::int AS "vacant",
      COALESCE(${seconds('MIN(t.created_at)', params.now)}, 0) AS "oldestAgeSeconds"`;

    const totalsParams = new Params(now);
    const [totals] = await this.dataSource.query<SummaryCounts[]>(`SELECT ${counts(totalsParams)} ${from}`, totalsParams.values);
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(`SELECT COUNT(*)::int AS total FROM (SELECT 1 ${from} ${groupBy}) g`);
    const params = new Params(now);
    const items = await this.dataSource.query<SummaryRowView[]>(
      `SELECT p.unit_id AS "unitId", u.name AS "unitName", t.stage_name AS "stageName", ${counts(params)}
         ${from} ${groupBy}
        ORDER BY "overdue" DESC, "oldestAgeSeconds" DESC, "unitName", "stageName", "unitId"
        LIMIT ${params.bind(pageSize)} OFFSET ${params.bind(offset)}`,
      params.values,
    );
    return { items, total, page, pageSize, totals, olderThan, generatedAt: now.toISOString() };
  }

  /** The notification outbox, newest first: what was (or is still to be) sent, and to whom. */
  async notifications(query: NotificationQuery): Promise<NotificationPageView> {
    const { page, pageSize, offset } = pageOf(query);
    const values: unknown[] = [];
    const bind = (v: unknown) => `$${values.push(v)}`;
    const where: string[] = [];
    if (query.proposalId) where.push(`n.proposal_id = ${bind(query.proposalId)}`);
    if (query.taskId) where.push(`n.task_id = ${bind(query.taskId)}`);
    if (query.recipientPersonId) where.push(`n.recipient_person_id = ${bind(query.recipientPersonId)}`);
    if (query.kind) where.push(`n.kind = ${bind(query.kind)}`);
    if (query.pending !== undefined) where.push(query.pending ? 'n.sent_at IS NULL' : 'n.sent_at IS NOT NULL');
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';

    const [{ total }] = await this.dataSource.query<{ total: number }[]>(`SELECT COUNT(*)::int AS total FROM notification_outbox n ${filter}`, values);
    const items = await this.dataSource.query<NotificationView[]>(
      `SELECT n.id AS "id", n.proposal_id AS "proposalId", n.task_id AS "taskId", n.kind AS "kind",
              n.recipient_person_id AS "recipientPersonId", r.name AS "recipientName", n.recipient_role AS "recipientRole",
              n.payload AS "payload", n.created_at AS "createdAt", n.sent_at AS "sentAt", n.attempts AS "attempts", n.last_error AS "lastError"
         FROM notification_outbox n LEFT JOIN person r ON r.id = n.recipient_person_id
         ${filter}
        ORDER BY n.created_at DESC, n.id
        LIMIT ${bind(pageSize)} OFFSET ${bind(offset)}`,
      values,
    );
    return { items, total, page, pageSize };
  }
}

/** The creation time before which an open task counts as stuck. */
const cutoff = (olderThan: string | undefined, now: Date) => new Date(now.getTime() - durationToMs(olderThan ?? DEFAULT_OLDER_THAN));

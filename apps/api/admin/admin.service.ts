import { Injectable } from '@nestjs/common';
import { durationToMs } from '@libs/domain/duration';
import { wholeWorkingDays } from '@libs/domain/working-days';
import { pageOf } from '@libs/http/page-query';
import { AdminDashboards, AdminTaskFilter, AdminTaskRow, BlockedStageRow } from '@libs/persistence/admin-dashboards.queries';
import { blockedStageReason, stuckReason } from './stuck-reason';
import { AdminTaskExportQuery, AdminTaskQuery, DEFAULT_OLDER_THAN } from './dto/admin-task-query.dto';
import { AdminTaskPageView, AdminTaskView } from './dto/admin-task.view';
import { BlockedStagePageView, BlockedStageQuery, BlockedStageView } from './dto/blocked-stage.dto';
import { NotificationPageView, NotificationQuery } from './dto/notification-query.dto';
import { SummaryExportQuery, SummaryPageView, SummaryQuery, SummaryRowView } from './dto/summary.dto';

/** The most rows one export writes: enough for any agency's open work, small enough to build in memory. */
export const EXPORT_LIMIT = 10_000;

const STAGE_ORDER = new Intl.Collator('id', { sensitivity: 'base', numeric: true });

/** The creation time before which an open task counts as stuck. */
const cutoff = (olderThan: string | undefined, now: Date) => new Date(now.getTime() - durationToMs(olderThan ?? DEFAULT_OLDER_THAN));

const filterOf = (query: AdminTaskExportQuery, now: Date): AdminTaskFilter => ({
  list: query.view ?? 'open',
  unitId: query.unitId,
  stageName: query.stage,
  positionId: query.positionId,
  stuckBefore: cutoff(query.olderThan, now),
  includeClosed: query.includeClosed,
});

/** A task row as administrators read it: the reason it waits and its age in working days, without the facts they came from. */
export function adminTaskView(row: AdminTaskRow, now: Date): AdminTaskView {
  const { lastEndedAt, lastEndedCapacity, timeoutOutcome, timeoutAt, ...task } = row;
  const clockEnd = task.status === 'open' ? now : (task.decidedAt ?? now);
  return {
    ...task,
    ageWorkingDays: wholeWorkingDays(task.createdAt, clockEnd),
    stuckReason: stuckReason({ ...task, lastEndedAt, lastEndedCapacity, timeoutOutcome, timeoutAt }, now),
  };
}

const blockedStageView = ({ reason, since, unitName, ...row }: BlockedStageRow, now: Date): BlockedStageView => ({
  ...row,
  unitName: unitName ?? '',
  detail: reason,
  stuckReason: blockedStageReason(since, now),
});

/**
 * Administrators' dashboards over the Postgres read models (approval_task, proposal,
 * notification_outbox). Nothing here asks a workflow: lists must stay cheap with thousands of approvals.
 */
@Injectable()
export class AdminService {
  constructor(private readonly dashboards: AdminDashboards) {}

  async tasks(query: AdminTaskQuery, now = new Date()): Promise<AdminTaskPageView> {
    const slice = pageOf(query);
    const { items, total } = await this.dashboards.tasks(filterOf(query, now), slice, now);
    return { items: items.map((row) => adminTaskView(row, now)), total, page: slice.page, pageSize: slice.pageSize };
  }

  /** Every task of a list with the same filters, in the same order, up to EXPORT_LIMIT. */
  async allTasks(query: AdminTaskExportQuery, now = new Date()): Promise<AdminTaskView[]> {
    const rows = await this.dashboards.allTasks(filterOf(query, now), EXPORT_LIMIT, now);
    return rows.map((row) => adminTaskView(row, now));
  }

  /** Open work per proposer unit and stage name: how much, how late, how old, how much of it nobody holds. */
  async summary(query: SummaryQuery, now = new Date()): Promise<SummaryPageView> {
    const olderThan = query.olderThan ?? DEFAULT_OLDER_THAN;
    const slice = pageOf(query);
    const { items, total, totals } = await this.dashboards.openWork(cutoff(olderThan, now), slice, now, query.unitId);
    return { items, total, page: slice.page, pageSize: slice.pageSize, totals, olderThan, generatedAt: now.toISOString() };
  }

  /** Every unit × stage row of the summary, up to EXPORT_LIMIT. */
  async allSummaryRows(query: SummaryExportQuery, now = new Date()): Promise<SummaryRowView[]> {
    return (await this.dashboards.openWork(cutoff(query.olderThan, now), { pageSize: EXPORT_LIMIT, offset: 0 }, now, query.unitId)).items;
  }

  /** Approvals whose stage could not be given to anyone (no task at all), the longest blocked first. */
  async blockedStages(query: BlockedStageQuery, now = new Date()): Promise<BlockedStagePageView> {
    const slice = pageOf(query);
    const { items, total } = await this.dashboards.blockedStages(slice, query.unitId);
    return { items: items.map((row) => blockedStageView(row, now)), total, page: slice.page, pageSize: slice.pageSize };
  }

  /** Every stage name of the chain templates, in the order a reader of Bahasa Indonesia expects. */
  async stageNames(): Promise<string[]> {
    return (await this.dashboards.stageNames()).sort(STAGE_ORDER.compare);
  }

  /** The notification outbox, newest first: what was (or is still to be) sent, and to whom. */
  async notifications(query: NotificationQuery): Promise<NotificationPageView> {
    const slice = pageOf(query);
    const { proposalId, taskId, recipientPersonId, kind, pending } = query;
    const { items, total } = await this.dashboards.notifications({ proposalId, taskId, recipientPersonId, kind, pending }, slice);
    return { items, total, page: slice.page, pageSize: slice.pageSize };
  }
}

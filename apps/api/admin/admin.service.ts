import { Injectable } from '@nestjs/common';
import { durationToMs } from '@libs/domain/duration';
import { pageOf } from '@libs/http/page-query';
import { AdminDashboards } from '@libs/persistence/admin-dashboards.queries';
import { AdminTaskQuery, DEFAULT_OLDER_THAN } from './dto/admin-task-query.dto';
import { AdminTaskPageView } from './dto/admin-task.view';
import { NotificationPageView, NotificationQuery } from './dto/notification-query.dto';
import { SummaryPageView, SummaryQuery } from './dto/summary.dto';

/** The creation time before which an open task counts as stuck. */
const cutoff = (olderThan: string | undefined, now: Date) => new Date(now.getTime() - durationToMs(olderThan ?? DEFAULT_OLDER_THAN));

/**
 * Administrators' dashboards over the Postgres read models (approval_task, proposal,
 * notification_outbox). Nothing here asks a workflow: lists must stay cheap with thousands of approvals.
 */
@Injectable()
export class AdminService {
  constructor(private readonly dashboards: AdminDashboards) {}

  async tasks(query: AdminTaskQuery, now = new Date()): Promise<AdminTaskPageView> {
    const slice = pageOf(query);
    const { items, total } = await this.dashboards.tasks(
      {
        list: query.view ?? 'open',
        unitId: query.unitId,
        stageName: query.stage,
        positionId: query.positionId,
        stuckBefore: cutoff(query.olderThan, now),
        includeClosed: query.includeClosed,
      },
      slice,
      now,
    );
    return { items, total, page: slice.page, pageSize: slice.pageSize };
  }

  /** Open work per proposer unit and stage name: how much, how late, how old, how much of it nobody holds. */
  async summary(query: SummaryQuery, now = new Date()): Promise<SummaryPageView> {
    const olderThan = query.olderThan ?? DEFAULT_OLDER_THAN;
    const slice = pageOf(query);
    const { items, total, totals } = await this.dashboards.openWork(cutoff(olderThan, now), slice, now);
    return { items, total, page: slice.page, pageSize: slice.pageSize, totals, olderThan, generatedAt: now.toISOString() };
  }

  /** The notification outbox, newest first: what was (or is still to be) sent, and to whom. */
  async notifications(query: NotificationQuery): Promise<NotificationPageView> {
    const slice = pageOf(query);
    const { proposalId, taskId, recipientPersonId, kind, pending } = query;
    const { items, total } = await this.dashboards.notifications({ proposalId, taskId, recipientPersonId, kind, pending }, slice);
    return { items, total, page: slice.page, pageSize: slice.pageSize };
  }
}

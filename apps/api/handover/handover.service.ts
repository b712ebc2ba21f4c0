import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { AuthUser } from '@libs/auth/auth.types';
import { actingFor } from '@libs/domain/acting';
import { PROPOSAL_STATUS_LABELS_ID } from '@libs/domain/proposal';
import { forbidden, notFound } from '@libs/http/domain-error';
import { AppointmentEntity, PersonEntity, ProposalEntity } from '@libs/persistence/entities';
import { loadCustody } from './custody';
import {
  ActingNowView,
  HANDOVER_LIST_CAP,
  HandoverApprovalView,
  HandoverEscalationView,
  HandoverOpenTaskView,
  HandoverPositionView,
  HandoverProposalView,
  HandoverView,
} from './dto/handover.view';

/** Proposals whose approval is still under way: what this post approved may still be built on. */
const IN_PROGRESS = ['submitted', 'in_review', 'returned'];

/** Whole seconds from `from` to `to`, never negative. */
const seconds = (from: string, to: string) => `GREATEST(0, FLOOR(EXTRACT(EPOCH FROM (${to} - ${from}))))::float8`;

type OpenTaskRow = Omit<HandoverOpenTaskView, 'onBehalfOf'> & { onBehalfOfPersonId: string | null; onBehalfOfName: string | null };

/** At most the cap, and whether there were more (the queries ask for one row beyond it). */
const capped = <T>(rows: T[]) => ({ items: rows.slice(0, HANDOVER_LIST_CAP), truncated: rows.length > HANDOVER_LIST_CAP });

/**
 * The handover of a post (serah terima jabatan) from the Postgres read models: its open work, the
 * approvals it gave that are still being built on, and what it let escalate, each with the proposal's
 * chain of custody. Nothing here asks a workflow.
 */
@Injectable()
export class HandoverService {
  constructor(private readonly dataSource: DataSource) {}

  async handover(user: AuthUser, positionId: string, now = new Date()): Promise<HandoverView> {
    const [position] = await this.dataSource.query<HandoverPositionView[]>(
      `SELECT pos.id AS "id", pos.code AS "code", pos.title AS "title", pos.unit_id AS "unitId", u.name AS "unitName", pos.level AS "level"
         FROM position pos LEFT JOIN org_unit u ON u.id = pos.unit_id
        WHERE pos.id = $1`,
      [positionId],
    );
    if (!position) throw notFound('Position', positionId);

    const appointments = await this.dataSource.getRepository(AppointmentEntity).findBy({ positionId });
    const acting = actingFor(appointments, now);
    this.authorize(user, acting?.personId ?? null, appointments, now);

    const [openTasks, approvedInProgress, escalationsPending, actingName] = await Promise.all([
      this.openTasks(positionId, now),
      this.approvedInProgress(positionId),
      this.escalationsPending(positionId, now),
      acting ? this.dataSource.getRepository(PersonEntity).findOne({ where: { id: acting.personId }, select: { name: true } }) : null,
    ]);
    const actingNow: ActingNowView | null = acting ? { personId: acting.personId, name: actingName?.name ?? null, capacity: acting.capacity } : null;

    const lists = { openTasks: capped(openTasks), approvedInProgress: capped(approvedInProgress), escalationsPending: capped(escalationsPending) };
    const proposalIds = [...lists.openTasks.items, ...lists.approvedInProgress.items, ...lists.escalationsPending.items].map((i) => i.proposalId);
    return { position, actingNow, generatedAt: now.toISOString(), ...lists, proposals: await this.proposals(proposalIds) };
  }

  /**
   * Administrators; the person acting for the post now; anyone appointed to it whose appointment has
   * not ended (the current holders and the incoming ones, whose appointment starts later).
   */
  private authorize(user: AuthUser, actingPersonId: string | null, appointments: AppointmentEntity[], now: Date): void {
    if (user.roles.includes('admin') || actingPersonId === user.personId) return;
    const appointed = appointments.some((a) => a.personId === user.personId && (a.endsAt === null || a.endsAt > now));
    if (appointed) return;
    throw forbidden(
      'NOT_POST_HOLDER',
      'Only administrators, the person acting for this post now and people appointed to it (now or from a later date) may see its handover.',
    );
  }

  private async openTasks(positionId: string, now: Date): Promise<HandoverOpenTaskView[]> {
    const rows = await this.dataSource.query<OpenTaskRow[]>(
      `SELECT t.id AS "taskId", t.proposal_id AS "proposalId", p.title AS "proposalTitle", p.status AS "proposalStatus",
              t.stage_index AS "stageIndex", t.stage_name AS "stageName", t.round AS "round",
              t.assignee_person_id AS "assigneePersonId", a.name AS "assigneeName", t.capacity AS "capacity",
              t.on_behalf_of_person_id AS "onBehalfOfPersonId", ob.name AS "onBehalfOfName",
              t.created_at AS "createdAt", t.due_at AS "dueAt", COALESCE(t.due_at < $2::timestamptz, false) AS "overdue",
              CASE WHEN t.due_at < $2::timestamptz THEN ${seconds('t.due_at', '$2::timestamptz')} ELSE 0 END AS "overdueSeconds",
              t.escalation_level AS "escalationLevel"
         FROM approval_task t
         JOIN proposal p ON p.id = t.proposal_id
         LEFT JOIN person a ON a.id = t.assignee_person_id
         LEFT JOIN person ob ON ob.id = t.on_behalf_of_person_id
        WHERE t.position_id = $1 AND t.status = 'open'
        ORDER BY t.due_at ASC NULLS LAST, t.created_at ASC, t.id
        LIMIT $3`,
      [positionId, now, HANDOVER_LIST_CAP + 1],
    );
    return rows.map(({ onBehalfOfPersonId, onBehalfOfName, ...t }) => ({
      ...t,
      onBehalfOf: onBehalfOfPersonId ? { personId: onBehalfOfPersonId, name: onBehalfOfName } : null,
    }));
  }

  /** One entry per proposal still in progress, with the latest approval this post gave it. */
  private approvedInProgress(positionId: string): Promise<HandoverApprovalView[]> {
    return this.dataSource.query<HandoverApprovalView[]>(
      `SELECT * FROM (
         SELECT DISTINCT ON (t.proposal_id)
                t.proposal_id AS "proposalId", p.title AS "proposalTitle", p.status AS "proposalStatus",
                p.current_stage_name AS "currentStageName", t.id AS "taskId", t.stage_name AS "stageName", t.round AS "round",
                t.decided_at AS "approvedAt", COALESCE(t.decided_by_person_id, t.assignee_person_id) AS "approvedByPersonId",
                d.name AS "approvedByName", t.capacity AS "capacity"
           FROM approval_task t
           JOIN proposal p ON p.id = t.proposal_id
           LEFT JOIN person d ON d.id = COALESCE(t.decided_by_person_id, t.assignee_person_id)
          WHERE t.position_id = $1 AND t.decision = 'approve' AND p.status = ANY($2::varchar[])
          ORDER BY t.proposal_id, t.decided_at DESC NULLS LAST, t.id
       ) approvals
       ORDER BY "approvedAt" DESC NULLS LAST, "proposalId"
       LIMIT $3`,
      [positionId, IN_PROGRESS, HANDOVER_LIST_CAP + 1],
    );
  }

  /**
   * Open tasks descending from a task of this post that was escalated: following escalations further
   * up and reassignments to whoever acts for the post it reached, so the list says where the work
   * is now, however far it has climbed. Walks stay within one proposal, where the index narrows them.
   */
  private escalationsPending(positionId: string, now: Date): Promise<HandoverEscalationView[]> {
    return this.dataSource.query<HandoverEscalationView[]>(
      `WITH RECURSIVE moved AS (
         SELECT t.id, t.proposal_id, t.id AS origin_id
           FROM approval_task t
          WHERE t.position_id = $1 AND t.status = 'escalated'
         UNION
         SELECT c.id, c.proposal_id, m.origin_id
           FROM moved m
           JOIN approval_task c ON c.proposal_id = m.proposal_id AND (c.escalated_from_task_id = m.id OR c.reassigned_from_task_id = m.id)
       )
       SELECT * FROM (
         SELECT DISTINCT ON (t.id)
                t.id AS "taskId", o.id AS "missedTaskId", t.proposal_id AS "proposalId", p.title AS "proposalTitle", p.status AS "proposalStatus",
                t.stage_index AS "stageIndex", t.stage_name AS "stageName", t.round AS "round",
                o.due_at AS "missedDueAt", o.decided_at AS "escalatedAt",
                t.position_id AS "positionId", pos.title AS "positionTitle", t.assignee_person_id AS "assigneePersonId", a.name AS "assigneeName",
                t.capacity AS "capacity", t.escalation_level AS "escalationLevel", t.created_at AS "since", t.due_at AS "dueAt",
                COALESCE(t.due_at < $2::timestamptz, false) AS "overdue"
           FROM moved m
           JOIN approval_task t ON t.id = m.id
           JOIN approval_task o ON o.id = m.origin_id
           JOIN proposal p ON p.id = t.proposal_id
           LEFT JOIN position pos ON pos.id = t.position_id
           LEFT JOIN person a ON a.id = t.assignee_person_id
          WHERE t.status = 'open' AND t.position_id <> $1
          -- Escalated from this post more than once on the way: the latest miss is the one to show.
          ORDER BY t.id, o.decided_at DESC NULLS LAST
       ) pending
       ORDER BY "dueAt" ASC NULLS LAST, "since" ASC, "taskId"
       LIMIT $3`,
      [positionId, now, HANDOVER_LIST_CAP + 1],
    );
  }

  /** The proposals the lists name, each with its chain of custody: one query for them all, three for all their custody. */
  private async proposals(ids: string[]): Promise<Record<string, HandoverProposalView>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return {};
    const [rows, custody] = await Promise.all([
      this.dataSource.getRepository(ProposalEntity).find({
        where: { id: In(unique) },
        select: { id: true, title: true, status: true, currentStageName: true, round: true },
      }),
      loadCustody(this.dataSource, unique),
    ]);
    const byId: Record<string, HandoverProposalView> = {};
    for (const p of rows) {
      byId[p.id] = {
        id: p.id,
        title: p.title,
        status: p.status,
        statusLabel: PROPOSAL_STATUS_LABELS_ID[p.status] ?? p.status,
        currentStageName: p.currentStageName,
        round: p.round,
        custody: custody.get(p.id) ?? [],
      };
    }
    return byId;
  }
}

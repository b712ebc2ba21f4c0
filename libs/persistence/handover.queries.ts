import { DataSource, In } from 'typeorm';
import type { Capacity, ProposalStatus } from '@libs/domain/proposal';
import { AppointmentEntity, PersonEntity, ProposalEntity } from './entities';

/** Proposals whose approval is still under way: what a post approved may still be built on. */
const IN_PROGRESS = ['submitted', 'in_review', 'returned'];

/** Whole seconds from `from` to `to`, never negative. */
const seconds = (from: string, to: string) => `GREATEST(0, FLOOR(EXTRACT(EPOCH FROM (${to} - ${from}))))::float8`;

export interface HandoverPositionRow {
  id: string;
  code: string;
  title: string;
  unitId: string;
  unitName: string | null;
  level: string;
}

export interface HandoverOpenTaskRow {
  taskId: string;
  proposalId: string;
  proposalTitle: string;
  proposalStatus: ProposalStatus;
  stageIndex: number;
  stageName: string;
  round: number;
  assigneePersonId: string | null;
  assigneeName: string | null;
  capacity: Capacity | null;
  onBehalfOfPersonId: string | null;
  onBehalfOfName: string | null;
  createdAt: Date;
  dueAt: Date | null;
  overdue: boolean;
  overdueSeconds: number;
  escalationLevel: number;
}

export interface HandoverApprovalRow {
  proposalId: string;
  proposalTitle: string;
  proposalStatus: ProposalStatus;
  currentStageName: string | null;
  taskId: string;
  stageName: string;
  round: number;
  approvedAt: Date | null;
  approvedByPersonId: string | null;
  approvedByName: string | null;
  capacity: Capacity | null;
}

export interface HandoverEscalationRow {
  taskId: string;
  missedTaskId: string;
  proposalId: string;
  proposalTitle: string;
  proposalStatus: ProposalStatus;
  stageIndex: number;
  stageName: string;
  round: number;
  missedDueAt: Date | null;
  escalatedAt: Date | null;
  positionId: string;
  positionTitle: string | null;
  assigneePersonId: string | null;
  assigneeName: string | null;
  capacity: Capacity | null;
  escalationLevel: number;
  since: Date;
  dueAt: Date | null;
  overdue: boolean;
}

/**
 * What the handover of a post (serah terima jabatan) reads from the read models. Each list takes a
 * `limit`: the caller asks for one row beyond what it shows, to know whether there were more.
 */
export class HandoverQueries {
  constructor(private readonly dataSource: DataSource) {}

  async position(positionId: string): Promise<HandoverPositionRow | null> {
    const [position] = await this.dataSource.query<HandoverPositionRow[]>(
      `SELECT pos.id AS "id", pos.code AS "code", pos.title AS "title", pos.unit_id AS "unitId", u.name AS "unitName", pos.level AS "level"
         FROM position pos LEFT JOIN org_unit u ON u.id = pos.unit_id
        WHERE pos.id = $1`,
      [positionId],
    );
    return position ?? null;
  }

  appointmentsOf(positionId: string): Promise<AppointmentEntity[]> {
    return this.dataSource.getRepository(AppointmentEntity).findBy({ positionId });
  }

  async personName(personId: string): Promise<string | null> {
    const person = await this.dataSource.getRepository(PersonEntity).findOne({ where: { id: personId }, select: { name: true } });
    return person?.name ?? null;
  }

  /** The post's open tasks by due date (overdue as of `now`). */
  openTasks(positionId: string, now: Date, limit: number): Promise<HandoverOpenTaskRow[]> {
    return this.dataSource.query<HandoverOpenTaskRow[]>(
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
      [positionId, now, limit],
    );
  }

  /** One entry per proposal still in progress, with the latest approval this post gave it. */
  approvedInProgress(positionId: string, limit: number): Promise<HandoverApprovalRow[]> {
    return this.dataSource.query<HandoverApprovalRow[]>(
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
      [positionId, IN_PROGRESS, limit],
    );
  }

  /**
   * Open tasks descending from a task of this post that was escalated: following escalations further
   * up and reassignments to whoever acts for the post it reached, so the list says where the work
   * is now, however far it has climbed. Walks stay within one proposal, where the index narrows them.
   */
  escalationsPending(positionId: string, now: Date, limit: number): Promise<HandoverEscalationRow[]> {
    return this.dataSource.query<HandoverEscalationRow[]>(
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
      [positionId, now, limit],
    );
  }

  /** The proposals with these ids, the columns a handover names. */
  proposals(ids: string[]): Promise<Pick<ProposalEntity, 'id' | 'title' | 'status' | 'currentStageName' | 'round'>[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(ProposalEntity).find({
      where: { id: In(ids) },
      select: { id: true, title: true, status: true, currentStageName: true, round: true },
    });
  }
}

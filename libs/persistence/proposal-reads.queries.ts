import { DataSource } from 'typeorm';
import { ApprovalTaskEntity, HistoryEventEntity, ProposalEntity } from './entities';
import type { PageSlice } from './page-slice';
import { titlePattern } from './task.queries';

/** A task of a proposal as its page lists them. */
export interface ProposalTaskRow {
  id: string;
  stageIndex: number;
  stageName: string;
  round: number;
  positionId: string;
  positionTitle: string;
  assigneePersonId: string | null;
  assigneeName: string | null;
  capacity: string | null;
  status: string;
  dueAt: Date | null;
  decision: string | null;
  comment: string | null;
  decidedAt: Date | null;
  decidedByName: string | null;
}

/** A record row with the names of its actor, post and task stage, for the timeline. */
export interface TimelineEventRow {
  seq: number;
  type: string;
  occurredAt: Date;
  actorName: string | null;
  actorPositionTitle: string | null;
  capacity: string | null;
  taskStageName: string | null;
  data: Record<string, unknown>;
}

/** A record row in full, with the names of its actor and post. */
export interface HistoryEventRow {
  id: string;
  seq: number;
  type: string;
  occurredAt: Date;
  actorPersonId: string | null;
  actorName: string | null;
  actorPositionId: string | null;
  actorPositionTitle: string | null;
  capacity: string | null;
  data: Record<string, unknown>;
  prevHash: string | null;
  hash: string;
}

/** An open task of a listed proposal, as json_build_object returns it: the due date is text there. */
export interface OpenHolderRow {
  taskId: string;
  stageIndex: number;
  stageName: string;
  positionId: string;
  positionTitle: string | null;
  personId: string | null;
  personName: string | null;
  capacity: string | null;
  onBehalfOfName: string | null;
  dueAt: string | null;
  overdue: boolean;
  escalationLevel: number;
}

/** A row of the proposal list, with its open tasks. */
export interface ProposalListRow {
  id: string;
  title: string;
  category: string;
  proposerId: string;
  proposerName: string;
  status: ProposalEntity['status'];
  round: number;
  version: number;
  currentStageName: string | null;
  escalated: boolean;
  submittedAt: Date | null;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  currentStage: number | null;
  holders: OpenHolderRow[] | null;
}

/** Which proposals a list shows. */
export interface ProposalListFilter {
  /** Only this proposer's; absent: everyone's. */
  proposerId?: string;
  statuses?: string[];
  category?: string;
  /** Searched in the title (trimmed, not empty). */
  q?: string;
}

/** The history rows that carry the content as it was submitted. */
const SUBMISSION_TYPES = ['proposal.submitted', 'proposal.resubmitted'];

/**
 * The open tasks of the list row's proposal (alias p) with their post, holder and due date, as one
 * JSON array: a correlated subquery on the approval_task proposal_id index, so a page of proposals is
 * still one query. The aliases are prefixed so they cannot collide with the outer query's.
 */
const OPEN_HOLDERS_SQL = `COALESCE((
  SELECT json_agg(json_build_object(
    'taskId', ot.id, 'stageIndex', ot.stage_index, 'stageName', ot.stage_name, 'positionId', ot.position_id,
    'positionTitle', opos.title, 'personId', ot.assignee_person_id, 'personName', oa.name, 'capacity', ot.capacity,
    'onBehalfOfName', ob.name, 'dueAt', ot.due_at, 'overdue', COALESCE(ot.due_at < now(), false), 'escalationLevel', ot.escalation_level
  ) ORDER BY ot.stage_index, ot.slot, ot.created_at, ot.id)
  FROM approval_task ot
  LEFT JOIN position opos ON opos.id = ot.position_id
  LEFT JOIN person oa ON oa.id = ot.assignee_person_id
  LEFT JOIN person ob ON ob.id = ot.on_behalf_of_person_id
  WHERE ot.proposal_id = p.id AND ot.status = 'open'
), '[]'::json)`;

/** Who wrote a proposal and for which unit, by name. */
export interface ProposalPartiesRow {
  proposerName: string | null;
  unitName: string | null;
}

/** What the proposal pages read: the list, a proposal's tasks, its record with names. */
export class ProposalReads {
  constructor(private readonly dataSource: DataSource) {}

  /** The names of a proposal's proposer and unit (null for one that no longer exists). */
  async partiesOf(proposalId: string): Promise<ProposalPartiesRow> {
    const row = await this.dataSource
      .getRepository(ProposalEntity)
      .createQueryBuilder('p')
      .leftJoin('person', 'who', 'who.id = p.proposer_id')
      .leftJoin('org_unit', 'u', 'u.id = p.unit_id')
      .select(['who.name AS "proposerName"', 'u.name AS "unitName"'])
      .where('p.id = :id', { id: proposalId })
      .getRawOne<ProposalPartiesRow>();
    return { proposerName: row?.proposerName ?? null, unitName: row?.unitName ?? null };
  }

  /** A proposal's tasks of every round, by round, stage and creation. */
  tasksOf(proposalId: string): Promise<ProposalTaskRow[]> {
    return this.dataSource
      .getRepository(ApprovalTaskEntity)
      .createQueryBuilder('t')
      .leftJoin('position', 'pos', 'pos.id = t.position_id')
      .leftJoin('person', 'a', 'a.id = t.assignee_person_id')
      .leftJoin('person', 'd', 'd.id = t.decided_by_person_id')
      .select([
        't.id AS "id"', 't.stage_index AS "stageIndex"', 't.stage_name AS "stageName"', 't.round AS "round"',
        't.position_id AS "positionId"', 'pos.title AS "positionTitle"', 't.assignee_person_id AS "assigneePersonId"',
        'a.name AS "assigneeName"', 't.capacity AS "capacity"', 't.status AS "status"', 't.due_at AS "dueAt"',
        't.decision AS "decision"', 't.comment AS "comment"', 't.decided_at AS "decidedAt"', 'd.name AS "decidedByName"',
      ])
      .where('t.proposal_id = :id', { id: proposalId })
      .orderBy('t.round', 'ASC')
      .addOrderBy('t.stage_index', 'ASC')
      .addOrderBy('t.created_at', 'ASC')
      .getRawMany<ProposalTaskRow>();
  }

  /** The record in order, with the names the timeline shows. */
  timelineOf(proposalId: string): Promise<TimelineEventRow[]> {
    return this.dataSource
      .getRepository(HistoryEventEntity)
      .createQueryBuilder('h')
      .leftJoin('person', 'p', 'p.id = h.actor_person_id')
      .leftJoin('position', 'pos', 'pos.id = h.actor_position_id')
      // Task events name their task in data; compared as text so an odd value can never fail a cast,
      // within the proposal's own tasks so the proposal_id index does the narrowing.
      .leftJoin('approval_task', 't', "t.proposal_id = h.proposal_id AND t.id::text = h.data->>'taskId'")
      .select([
        'h.seq AS "seq"', 'h.type AS "type"', 'h.occurred_at AS "occurredAt"', 'p.name AS "actorName"',
        'pos.title AS "actorPositionTitle"', 'h.capacity AS "capacity"', 't.stage_name AS "taskStageName"', 'h.data AS "data"',
      ])
      .where('h.proposal_id = :id', { id: proposalId })
      .orderBy('h.seq', 'ASC')
      .getRawMany<TimelineEventRow>();
  }

  /** The record in order, every column, with the names of actors and posts. */
  historyOf(proposalId: string): Promise<HistoryEventRow[]> {
    return this.dataSource
      .getRepository(HistoryEventEntity)
      .createQueryBuilder('h')
      .leftJoin('person', 'p', 'p.id = h.actor_person_id')
      .leftJoin('position', 'pos', 'pos.id = h.actor_position_id')
      .select([
        'h.id AS "id"', 'h.seq AS "seq"', 'h.type AS "type"', 'h.occurred_at AS "occurredAt"',
        'h.actor_person_id AS "actorPersonId"', 'p.name AS "actorName"', 'h.actor_position_id AS "actorPositionId"',
        'pos.title AS "actorPositionTitle"', 'h.capacity AS "capacity"', 'h.data AS "data"', 'h.prev_hash AS "prevHash"', 'h.hash AS "hash"',
      ])
      .where('h.proposal_id = :id', { id: proposalId })
      .orderBy('h.seq', 'ASC')
      .getRawMany<HistoryEventRow>();
  }

  /** One page of proposals, newest first, with the number the filter matches in all. */
  async page(filter: ProposalListFilter, page: PageSlice): Promise<{ rows: ProposalListRow[]; total: number }> {
    const qb = this.dataSource.getRepository(ProposalEntity).createQueryBuilder('p').leftJoin('person', 'who', 'who.id = p.proposer_id');
    qb.where('TRUE');
    if (filter.proposerId !== undefined) qb.andWhere('p.proposer_id = :me', { me: filter.proposerId });
    if (filter.statuses?.length) qb.andWhere('p.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.category) qb.andWhere('p.category = :category', { category: filter.category });
    if (filter.q) qb.andWhere("p.title ILIKE :q ESCAPE '\\'", { q: titlePattern(filter.q) });
    const total = await qb.getCount();
    const rows = await qb
      .select([
        'p.id AS "id"', 'p.title AS "title"', 'p.category AS "category"', 'p.proposer_id AS "proposerId"', 'who.name AS "proposerName"',
        'p.status AS "status"', 'p.round AS "round"', 'p.version AS "version"', 'p.current_stage_name AS "currentStageName"',
        'p.escalated AS "escalated"', 'p.submitted_at AS "submittedAt"', 'p.decided_at AS "decidedAt"', 'p.created_at AS "createdAt"',
        'p.updated_at AS "updatedAt"', 'p.current_stage AS "currentStage"', `${OPEN_HOLDERS_SQL} AS "holders"`,
      ])
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .offset(page.offset)
      .limit(page.pageSize)
      .getRawMany<ProposalListRow>();
    return { rows, total };
  }

  /** The first submission or resubmission of the proposal that carried this content version, with its snapshot. */
  submissionOf(proposalId: string, version: number): Promise<HistoryEventEntity | null> {
    return this.dataSource
      .getRepository(HistoryEventEntity)
      .createQueryBuilder('h')
      .where('h.proposal_id = :id', { id: proposalId })
      .andWhere('h.type IN (:...types)', { types: SUBMISSION_TYPES })
      .andWhere("h.data->>'proposalVersion' = :version", { version: String(version) })
      .andWhere("jsonb_typeof(h.data->'snapshot') = 'object'")
      .orderBy('h.seq', 'ASC')
      .getOne();
  }
}

import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '@libs/auth/auth.types';
import { PROPOSAL_STATUS_LABELS_ID } from '@libs/domain/proposal';
import { DomainError, forbidden, notFound } from '@libs/http/domain-error';
import { ApprovalTaskEntity, ChainTemplateEntity, HistoryEventEntity, ProposalEntity } from '@libs/persistence/entities';
import { RecordStore } from '@libs/persistence/record.store';
import { loadCustody } from '../handover/custody';
import { ProposalListQuery } from './dto/proposal-list-query.dto';
import {
  HistoryEventView,
  ProposalChainView,
  ProposalPageView,
  ProposalSummaryView,
  ProposalVersionView,
  ProposalView,
  TaskHolderView,
  TaskSummaryView,
  TimelineItemView,
  VerificationView,
} from './dto/proposal.views';
import { proposalSnapshot } from './proposal-content';
import { timelineItem, TimelineRow } from './proposal-timeline';

/** `%`, `_` and `\` are wildcards or the escape in LIKE; a search for them means the characters themselves. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

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

/** A holder as json_build_object returns it: the due date is text there. */
type HolderRow = Omit<TaskHolderView, 'dueAt'> & { dueAt: string | null };

/** The holders with real dates, and the earliest due date of them (the proposal's Jatuh Tempo). */
function holdersOf(rows: HolderRow[] | null): Pick<ProposalSummaryView, 'holders' | 'dueAt' | 'overdue'> {
  const holders: TaskHolderView[] = (rows ?? []).map((h) => ({ ...h, dueAt: h.dueAt === null ? null : new Date(h.dueAt) }));
  const due = holders.map((h) => h.dueAt).filter((d): d is Date => d !== null);
  return {
    holders,
    dueAt: due.length ? new Date(Math.min(...due.map((d) => d.getTime()))) : null,
    overdue: holders.some((h) => h.overdue),
  };
}

/** The history rows that carry the content as it was submitted. */
const SUBMISSION_TYPES = ['proposal.submitted', 'proposal.resubmitted'];

/** Everything the API reads about proposals, from the Postgres read models and the record. */
@Injectable()
export class ProposalQueriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RecordStore,
  ) {}

  async view(user: AuthUser, id: string): Promise<ProposalView> {
    const proposal = await this.readable(user, id);
    const tasks = await this.dataSource
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
      .where('t.proposal_id = :id', { id })
      .orderBy('t.round', 'ASC')
      .addOrderBy('t.stage_index', 'ASC')
      .addOrderBy('t.created_at', 'ASC')
      .getRawMany<TaskSummaryView>();
    return {
      ...proposal,
      budgetEstimate: proposal.budgetEstimate === null ? null : Number(proposal.budgetEstimate),
      statusLabel: PROPOSAL_STATUS_LABELS_ID[proposal.status],
      tasks,
      timeline: await this.timeline(id),
      custody: (await loadCustody(this.dataSource, [id])).get(id) ?? [],
      chain: await this.chain(proposal.templateId),
    };
  }

  /** Every stage of the template version, so the stages not opened yet can be shown too. */
  private async chain(templateId: string | null): Promise<ProposalChainView | null> {
    if (!templateId) return null;
    const template = await this.dataSource.getRepository(ChainTemplateEntity).findOneBy({ id: templateId });
    if (!template) return null;
    return {
      templateId: template.id,
      code: template.code,
      version: template.version,
      name: template.name,
      stages: (template.definition.stages ?? []).map((s, index) => ({
        index,
        key: s.key,
        name: s.name,
        mode: s.mode,
        sla: s.sla ?? null,
        approverCount: s.approvers.length,
        mayReturn: s.mayReturn === true,
        requiresDefinitive: s.requiresDefinitive === true,
        condition: s.condition ? { ...s.condition } : null,
      })),
    };
  }

  /** The record in order, compact and labelled for people (the full rows are at /history). */
  private async timeline(id: string): Promise<TimelineItemView[]> {
    const rows = await this.dataSource
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
      .where('h.proposal_id = :id', { id })
      .orderBy('h.seq', 'ASC')
      .getRawMany<TimelineRow>();
    return rows.map(timelineItem);
  }

  async history(user: AuthUser, id: string): Promise<HistoryEventView[]> {
    await this.readable(user, id);
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
      .where('h.proposal_id = :id', { id })
      .orderBy('h.seq', 'ASC')
      .getRawMany<HistoryEventView>();
  }

  async verify(user: AuthUser, id: string): Promise<VerificationView> {
    await this.readable(user, id);
    return this.records.verify(id);
  }

  /** My proposals (or, for an administrator asking for scope=all, everyone's), newest first. */
  async list(user: AuthUser, query: ProposalListQuery): Promise<ProposalPageView> {
    if (query.scope === 'all' && !user.roles.includes('admin')) {
      throw forbidden('ADMIN_ONLY', "Only administrators may list everyone's proposals (scope=all).");
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const qb = this.dataSource.getRepository(ProposalEntity).createQueryBuilder('p').leftJoin('person', 'who', 'who.id = p.proposer_id');
    qb.where('TRUE');
    if (query.scope !== 'all') qb.andWhere('p.proposer_id = :me', { me: user.personId });
    if (query.status?.length) qb.andWhere('p.status IN (:...statuses)', { statuses: query.status });
    if (query.category) qb.andWhere('p.category = :category', { category: query.category });
    if (query.q?.trim()) qb.andWhere("p.title ILIKE :q ESCAPE '\\'", { q: likePattern(query.q.trim()) });
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
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawMany<Omit<ProposalSummaryView, 'statusLabel' | 'holders' | 'dueAt' | 'overdue'> & { holders: HolderRow[] | null }>();
    const items = rows.map(({ holders, ...r }) => ({
      ...r,
      statusLabel: PROPOSAL_STATUS_LABELS_ID[r.status as ProposalEntity['status']] ?? r.status,
      ...holdersOf(holders),
    }));
    return { items, total, page, pageSize };
  }

  /**
   * The content at one version: from the record of the submission or resubmission that carried it
   * (what the approvers of that round saw), or, for the version being edited and not yet
   * submitted, from the proposal itself. Versions overwritten before any submission are gone.
   */
  async version(user: AuthUser, id: string, version: number): Promise<ProposalVersionView> {
    const proposal = await this.readable(user, id);
    const submitted = await this.dataSource
      .getRepository(HistoryEventEntity)
      .createQueryBuilder('h')
      .where('h.proposal_id = :id', { id })
      .andWhere('h.type IN (:...types)', { types: SUBMISSION_TYPES })
      .andWhere("h.data->>'proposalVersion' = :version", { version: String(version) })
      .andWhere("jsonb_typeof(h.data->'snapshot') = 'object'")
      .orderBy('h.seq', 'ASC')
      .getOne();
    if (submitted) {
      const round = submitted.data.round;
      return {
        proposalId: id,
        version,
        source: submitted.type === 'proposal.resubmitted' ? 'resubmitted' : 'submitted',
        round: typeof round === 'number' ? round : 1,
        recordedAt: submitted.occurredAt,
        content: submitted.data.snapshot as Record<string, unknown>,
      };
    }
    if (proposal.version === version && (proposal.status === 'draft' || proposal.status === 'returned')) {
      return { proposalId: id, version, source: 'current', round: null, recordedAt: proposal.updatedAt, content: proposalSnapshot(proposal) };
    }
    throw new DomainError('VERSION_NOT_FOUND', `Version ${version} of proposal ${id} was never submitted.`, HttpStatus.NOT_FOUND);
  }

  /** A proposal is visible to its proposer, to administrators and to anyone who holds or held a task on it. */
  async readable(user: AuthUser, id: string): Promise<ProposalEntity> {
    const proposal = await this.dataSource.getRepository(ProposalEntity).findOneBy({ id });
    if (!proposal) throw notFound('Proposal', id);
    if (proposal.proposerId === user.personId || user.roles.includes('admin')) return proposal;
    const involved = await this.dataSource.getRepository(ApprovalTaskEntity).exists({
      where: [
        { proposalId: id, assigneePersonId: user.personId },
        { proposalId: id, decidedByPersonId: user.personId },
      ],
    });
    if (!involved) throw forbidden('NOT_INVOLVED', 'Only the proposer, its approvers and administrators may see this proposal.');
    return proposal;
  }
}

import { DataSource, In } from 'typeorm';
import { ApprovalTaskEntity, PersonEntity } from './entities';
import type { PageSlice } from './page-slice';

/** `%`, `_` and `\` are wildcards or the escape in LIKE; a search for them means the characters themselves. */
export const titlePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Which of a person's tasks an inbox lists. */
export interface InboxFilter {
  /** `open`: the tasks they hold now, by due date; `done`: the ones they decided, newest first. */
  status: 'open' | 'done';
  overdue?: boolean;
  proposalId?: string;
  /** Searched in the proposal title. */
  q?: string;
}

/** A row of the inbox. */
export interface InboxTaskRow {
  id: string;
  proposalId: string;
  proposalTitle: string;
  proposerName: string | null;
  unitName: string | null;
  /** As Postgres returns a numeric: text. */
  budgetEstimate: string | null;
  stageIndex: number;
  stageName: string;
  round: number;
  positionId: string;
  positionTitle: string;
  capacity: string | null;
  status: string;
  dueAt: Date | null;
  overdue: boolean;
  onEscalation: boolean;
  remindersSent: number;
  createdAt: Date;
  decision: string | null;
  decidedAt: Date | null;
}

/** A task as a Disposisi request needs it. */
export type TaskRef = Pick<ApprovalTaskEntity, 'id' | 'proposalId' | 'status'>;

/** The approval tasks as the API reads them (table approval_task, written only by the workflow's record). */
export class TaskQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** One page of a person's inbox and the number of rows it has in all. */
  async inbox(personId: string, filter: InboxFilter, page: PageSlice): Promise<{ items: InboxTaskRow[]; total: number }> {
    const qb = this.dataSource
      .getRepository(ApprovalTaskEntity)
      .createQueryBuilder('t')
      .innerJoin('proposal', 'p', 'p.id = t.proposal_id')
      .leftJoin('position', 'pos', 'pos.id = t.position_id')
      // Who proposed it, from which unit and for how much: what an approver weighs before opening it.
      .leftJoin('person', 'who', 'who.id = p.proposer_id')
      .leftJoin('org_unit', 'u', 'u.id = p.unit_id');
    if (filter.status === 'open') {
      qb.where('t.assignee_person_id = :me AND t.status = :open', { me: personId, open: 'open' })
        .orderBy('t.due_at', 'ASC', 'NULLS LAST')
        .addOrderBy('t.created_at', 'ASC');
    } else {
      qb.where('t.decided_by_person_id = :me', { me: personId }).orderBy('t.decided_at', 'DESC');
    }
    if (filter.overdue !== undefined) {
      qb.andWhere(filter.overdue ? "t.status = 'open' AND t.due_at < now()" : "NOT (t.status = 'open' AND t.due_at IS NOT NULL AND t.due_at < now())");
    }
    if (filter.proposalId) qb.andWhere('t.proposal_id = :proposalId', { proposalId: filter.proposalId });
    if (filter.q) qb.andWhere("p.title ILIKE :q ESCAPE '\\'", { q: titlePattern(filter.q) });
    const total = await qb.getCount();
    const items = await qb
      .select([
        't.id AS "id"', 't.proposal_id AS "proposalId"', 'p.title AS "proposalTitle"', 'who.name AS "proposerName"',
        'u.name AS "unitName"', 'p.budget_estimate AS "budgetEstimate"', 't.stage_index AS "stageIndex"',
        't.stage_name AS "stageName"', 't.round AS "round"', 't.position_id AS "positionId"', 'pos.title AS "positionTitle"',
        't.capacity AS "capacity"', 't.status AS "status"', 't.due_at AS "dueAt"',
        "(t.status = 'open' AND t.due_at IS NOT NULL AND t.due_at < now()) AS \"overdue\"",
        't.escalation_level > 0 AS "onEscalation"', 't.reminders_sent AS "remindersSent"',
        't.created_at AS "createdAt"', 't.decision AS "decision"', 't.decided_at AS "decidedAt"',
      ])
      .offset(page.offset)
      .limit(page.pageSize)
      .getRawMany<InboxTaskRow>();
    return { items, total };
  }

  taskById(id: string): Promise<ApprovalTaskEntity | null> {
    return this.dataSource.getRepository(ApprovalTaskEntity).findOne({ where: { id } });
  }

  /** The tasks among these ids that exist, with their proposal and status. */
  taskRefs(ids: string[]): Promise<TaskRef[]> {
    return this.dataSource.getRepository(ApprovalTaskEntity).find({ where: { id: In(ids) }, select: { id: true, proposalId: true, status: true } });
  }

  /** The task that replaced this one when it was escalated or moved to a new holder, if any. */
  successorOf(taskId: string, how: 'escalated' | 'reassigned'): Promise<ApprovalTaskEntity | null> {
    const where = how === 'escalated' ? { escalatedFromTaskId: taskId } : { reassignedFromTaskId: taskId };
    return this.dataSource.getRepository(ApprovalTaskEntity).findOne({ where });
  }

  /** A task of the same stage round that was decided (and so closed the others), if any. */
  decidedInStageOf(task: Pick<ApprovalTaskEntity, 'proposalId' | 'stageIndex' | 'round'>): Promise<ApprovalTaskEntity | null> {
    return this.dataSource.getRepository(ApprovalTaskEntity).findOne({
      where: { proposalId: task.proposalId, stageIndex: task.stageIndex, round: task.round, status: In(['approved', 'rejected', 'returned']) },
    });
  }

  /** A person's name, or null when there is no such person (or no id). */
  async personName(id: string | null): Promise<string | null> {
    if (!id) return null;
    const person = await this.dataSource.getRepository(PersonEntity).findOne({ where: { id }, select: { name: true } });
    return person?.name ?? null;
  }

  /** A person's id and name, or null when there is none. */
  person(id: string): Promise<Pick<PersonEntity, 'id' | 'name'> | null> {
    return this.dataSource.getRepository(PersonEntity).findOne({ where: { id }, select: { id: true, name: true } });
  }
}

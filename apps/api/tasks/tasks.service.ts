import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { AuthUser } from '@libs/auth/auth.types';
import type { DecisionResult } from '@libs/contracts/approval.contract';
import { ApprovalClosed } from '@libs/domain/refusal';
import { conflict, DomainError, notFound } from '@libs/http/domain-error';
import { IdempotentRequests } from '@libs/http/idempotent-requests';
import { ApprovalTaskEntity, PersonEntity } from '@libs/persistence/entities';
import { ApprovalEngine } from '@libs/temporal/approval-engine.client';
import { DecisionDto, InboxTaskView, TaskListQuery, TaskPageView } from './dto/decision.dto';

@Injectable()
export class TasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: ApprovalEngine,
    private readonly idempotency: IdempotentRequests,
  ) {}

  /** My inbox from the Postgres read model: open tasks by due date, or tasks I decided, newest first. */
  async inbox(user: AuthUser, query: TaskListQuery): Promise<TaskPageView> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const qb = this.dataSource
      .getRepository(ApprovalTaskEntity)
      .createQueryBuilder('t')
      .innerJoin('proposal', 'p', 'p.id = t.proposal_id')
      .leftJoin('position', 'pos', 'pos.id = t.position_id');
    if ((query.status ?? 'open') === 'open') {
      qb.where('t.assignee_person_id = :me AND t.status = :open', { me: user.personId, open: 'open' })
        .orderBy('t.due_at', 'ASC', 'NULLS LAST')
        .addOrderBy('t.created_at', 'ASC');
    } else {
      qb.where('t.decided_by_person_id = :me', { me: user.personId }).orderBy('t.decided_at', 'DESC');
    }
    if (query.overdue !== undefined) {
      qb.andWhere(query.overdue ? "t.status = 'open' AND t.due_at < now()" : "NOT (t.status = 'open' AND t.due_at IS NOT NULL AND t.due_at < now())");
    }
    if (query.proposalId) qb.andWhere('t.proposal_id = :proposalId', { proposalId: query.proposalId });
    if (query.q) qb.andWhere("p.title ILIKE :q ESCAPE '\\'", { q: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    const total = await qb.getCount();
    const items = await qb
      .select([
        't.id AS "id"', 't.proposal_id AS "proposalId"', 'p.title AS "proposalTitle"', 't.stage_index AS "stageIndex"',
        't.stage_name AS "stageName"', 't.round AS "round"', 't.position_id AS "positionId"', 'pos.title AS "positionTitle"',
        't.capacity AS "capacity"', 't.status AS "status"', 't.due_at AS "dueAt"',
        "(t.status = 'open' AND t.due_at IS NOT NULL AND t.due_at < now()) AS \"overdue\"",
        't.escalation_level > 0 AS "onEscalation"', 't.reminders_sent AS "remindersSent"',
        't.created_at AS "createdAt"', 't.decision AS "decision"', 't.decided_at AS "decidedAt"',
      ])
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawMany<InboxTaskView>();
    return { items, total, page, pageSize };
  }

  /** 409 naming what closed the task, from the read model (the workflow may have ended already). */
  private async closedTask(task: ApprovalTaskEntity): Promise<DomainError> {
    const person = (id: string | null) =>
      id ? this.dataSource.getRepository(PersonEntity).findOne({ where: { id }, select: { name: true } }) : Promise.resolve(null);
    if (task.decidedByPersonId) {
      const by = await person(task.decidedByPersonId);
      return conflict('ALREADY_DECIDED', `This task is already closed: decided by ${by?.name ?? 'another official'}.`, { decidedBy: by?.name ?? null });
    }
    if (task.status === 'escalated') {
      const next = await this.dataSource.getRepository(ApprovalTaskEntity).findOne({ where: { escalatedFromTaskId: task.id } });
      const to = await person(next?.assigneePersonId ?? null);
      return conflict('ALREADY_DECIDED', `This task passed its due time and was escalated${to ? ` to ${to.name}` : ''}.`, { escalatedTo: to?.name ?? null });
    }
    if (task.status === 'reassigned') {
      const next = await this.dataSource.getRepository(ApprovalTaskEntity).findOne({ where: { reassignedFromTaskId: task.id } });
      const to = await person(next?.assigneePersonId ?? null);
      return conflict('ALREADY_DECIDED', `This task moved to ${to?.name ?? 'the post, now vacant'} because the person acting for the post changed.`, { reassignedTo: to?.name ?? null });
    }
    const other = await this.dataSource.getRepository(ApprovalTaskEntity).findOne({
      where: { proposalId: task.proposalId, stageIndex: task.stageIndex, round: task.round, status: In(['approved', 'rejected', 'returned']) },
    });
    const by = await person(other?.decidedByPersonId ?? null);
    return conflict('ALREADY_DECIDED', `This task is already closed (${task.status})${by ? `: decided by ${by.name}` : ''}.`, { decidedBy: by?.name ?? null, status: task.status });
  }

  /**
   * Sends the decision to the proposal's workflow as an Update. The workflow's validator decides
   * whether the caller may decide; the Idempotency-Key rule (libs/http/idempotency-rule.ts) makes a
   * retried request apply once and refuses another request under the same key.
   */
  async decide(user: AuthUser, taskId: string, dto: DecisionDto, idempotencyKey?: string): Promise<DecisionResult> {
    const task = await this.dataSource.getRepository(ApprovalTaskEntity).findOne({ where: { id: taskId } });
    if (!task) throw notFound('Task', taskId);
    const comment = dto.comment?.trim() || undefined;
    const identity = { operation: 'decision', target: taskId, request: { decision: dto.decision, comment: comment ?? null } };
    return this.idempotency.run(user.personId, idempotencyKey, identity, {
      perform: async (updateKey) => {
        // Without a key a closed task is answered from the read model; with one, a retry whose first
        // attempt closed the task must reach the workflow, which answers it with the first result.
        if (task.status !== 'open' && !idempotencyKey) throw await this.closedTask(task);
        try {
          return await this.engine.decide(task.proposalId, { taskId, actorPersonId: user.personId, decision: dto.decision, comment }, updateKey);
        } catch (err) {
          // The approval may have ended between reading the task and the Update (another decision settled
          // it): say what closed this task rather than only that the approval is over.
          if (err instanceof ApprovalClosed) {
            const now = await this.dataSource.getRepository(ApprovalTaskEntity).findOne({ where: { id: taskId } });
            if (now && now.status !== 'open') throw await this.closedTask(now);
          }
          throw err;
        }
      },
    });
  }
}

import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@libs/auth/auth.types';
import type { DecisionResult } from '@libs/contracts/approval.contract';
import { Refusals } from '@libs/contracts/approval-refusals';
import type { Refusal } from '@libs/domain/refusal';
import { notFound } from '@libs/http/domain-error';
import { IdempotentRequests } from '@libs/http/idempotent-requests';
import { pageOf } from '@libs/http/page-query';
import type { ApprovalTaskEntity } from '@libs/persistence/entities';
import { TaskQueries } from '@libs/persistence/task.queries';
import { ApprovalEngine } from '@libs/temporal/approval-engine.client';
import { ApprovalClosed, approvalRefusal } from '@libs/temporal/engine-errors';
import { DecisionDto, TaskListQuery, TaskPageView } from './dto/decision.dto';

@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TaskQueries,
    private readonly engine: ApprovalEngine,
    private readonly idempotency: IdempotentRequests,
  ) {}

  /** My inbox from the Postgres read model: open tasks by due date, or tasks I decided, newest first. */
  async inbox(user: AuthUser, query: TaskListQuery): Promise<TaskPageView> {
    const { page, pageSize, offset } = pageOf(query);
    const filter = { status: query.status ?? 'open', overdue: query.overdue, proposalId: query.proposalId, q: query.q };
    const { items, total } = await this.tasks.inbox(user.personId, filter, { offset, pageSize });
    const views = items.map((row) => ({ ...row, budgetEstimate: row.budgetEstimate === null ? null : Number(row.budgetEstimate) }));
    return { items: views, total, page, pageSize };
  }

  /** The refusal naming what closed the task, from the read model (the workflow may have ended already). */
  private async closedTask(task: ApprovalTaskEntity): Promise<Refusal> {
    if (task.decidedByPersonId) return approvalRefusal(Refusals.decidedBy(await this.tasks.personName(task.decidedByPersonId)));
    if (task.status === 'escalated') {
      const next = await this.tasks.successorOf(task.id, 'escalated');
      return approvalRefusal(Refusals.escalated(await this.tasks.personName(next?.assigneePersonId ?? null)));
    }
    if (task.status === 'reassigned') {
      const next = await this.tasks.successorOf(task.id, 'reassigned');
      return approvalRefusal(Refusals.reassigned(await this.tasks.personName(next?.assigneePersonId ?? null)));
    }
    const other = await this.tasks.decidedInStageOf(task);
    return approvalRefusal(Refusals.closed(await this.tasks.personName(other?.decidedByPersonId ?? null), task.status));
  }

  /**
   * Sends the decision to the proposal's workflow as an Update. The workflow's validator decides
   * whether the caller may decide; the Idempotency-Key rule (libs/http/idempotency-rule.ts) makes a
   * retried request apply once and refuses another request under the same key.
   */
  async decide(user: AuthUser, taskId: string, dto: DecisionDto, idempotencyKey?: string): Promise<DecisionResult> {
    const task = await this.tasks.taskById(taskId);
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
            const now = await this.tasks.taskById(taskId);
            if (now && now.status !== 'open') throw await this.closedTask(now);
          }
          throw err;
        }
      },
    });
  }
}

import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@libs/auth/auth.types';
import { Refusal } from '@libs/domain/refusal';
import { IdempotentRequests } from '@libs/http/idempotent-requests';
import { TaskQueries } from '@libs/persistence/task.queries';
import { ApprovalEngine } from '@libs/temporal/approval-engine.client';
import { AssignOutcomeView, AssignTasksDto, AssignTasksView } from './dto/disposition.dto';
import { fieldError } from './org-time';

/** How many approvals are asked at once. */
const PARALLEL = 8;

/**
 * Disposisi: an administrator moves open tasks (of one or many proposals) to a person of their choice.
 * Each proposal's workflow applies it as an Update, so it serialises with decisions and with moves that
 * follow the post; the task then stays with that person until decided or assigned again.
 */
@Injectable()
export class DispositionService {
  constructor(
    private readonly tasks: TaskQueries,
    private readonly engine: ApprovalEngine,
    private readonly idempotency: IdempotentRequests,
  ) {}

  async assign(user: AuthUser, dto: AssignTasksDto, idempotencyKey?: string): Promise<AssignTasksView> {
    const reason = dto.reason.trim();
    const identity = { operation: 'assign', target: 'tasks', request: { taskIds: [...new Set(dto.taskIds)].sort(), toPersonId: dto.toPersonId, reason } };
    return this.idempotency.run(user.personId, idempotencyKey, identity, { perform: (updateKey) => this.move(user, dto, reason, updateKey) });
  }

  private async move(user: AuthUser, dto: AssignTasksDto, reason: string, updateKey: string): Promise<AssignTasksView> {
    const person = await this.tasks.person(dto.toPersonId);
    if (!person) throw fieldError('toPersonId', `no person has id ${dto.toPersonId}`);
    const tasks = await this.tasks.taskRefs(dto.taskIds);
    const outcomes = new Map<string, AssignOutcomeView>();
    for (const id of dto.taskIds) if (!tasks.some((t) => t.id === id)) outcomes.set(id, { taskId: id, outcome: 'skipped', message: 'no such task' });
    for (const t of tasks) if (t.status !== 'open') outcomes.set(t.id, { taskId: t.id, outcome: 'skipped', message: `already closed (${t.status})` });

    const byProposal = new Map<string, string[]>();
    for (const t of tasks.filter((x) => x.status === 'open')) byProposal.set(t.proposalId, [...(byProposal.get(t.proposalId) ?? []), t.id]);
    const work = [...byProposal];
    for (let i = 0; i < work.length; i += PARALLEL) {
      await Promise.all(
        work.slice(i, i + PARALLEL).map(async ([proposalId, taskIds]) => {
          try {
            const input = { taskIds, toPersonId: person.id, toName: person.name, actorPersonId: user.personId, reason };
            const result = await this.engine.assign(proposalId, input, updateKey);
            for (const m of result.moved) outcomes.set(m.taskId, { taskId: m.taskId, outcome: 'moved', newTaskId: m.newTaskId });
            for (const s of result.skipped) outcomes.set(s.taskId, { taskId: s.taskId, outcome: 'skipped', message: s.message });
          } catch (err) {
            // A refusal of this approval (ended, proposer chosen, …) skips its tasks; anything else is not ours to hide.
            if (!(err instanceof Refusal) || err.kind === 'unavailable') throw err;
            for (const id of taskIds) outcomes.set(id, { taskId: id, outcome: 'skipped', message: err.message });
          }
        }),
      );
    }
    // Every task asked about has an outcome; one the workflow did not mention was not moved.
    return { results: dto.taskIds.map((id) => outcomes.get(id) ?? { taskId: id, outcome: 'skipped', message: 'not moved' }) };
  }
}

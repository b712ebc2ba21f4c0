import { isGrpcDeadlineError, WorkflowUpdateFailedError, type WorkflowExecutionStatusName, type WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  actingChangedSignal,
  assignUpdate,
  cancelUpdate,
  decideUpdate,
  resubmitUpdate,
  stateQuery,
  withdrawUpdate,
  type ApprovalState,
  type AssignResult,
  type CloseResult,
  type DecisionResult,
  type ResubmitInput,
  type ResubmitResult,
  type TaskState,
} from '@libs/contracts/approval.contract';
import type { HistoryEventType, NewHistoryEvent } from '@libs/contracts/record.contract';
import type { Decision } from '@libs/domain/proposal';
import type { approvalWorkflow } from '@workflows/index';
import { nameOf } from './fake-organization';
import type { ProposalRecord } from './fake-record';

/** Who proposes every approval of the workflow tests. */
export const PROPOSER = 'rina';
/** The administrator who cancels. */
export const ADMIN = 'yoga';

/** The reason the tests give with every rejection, return, withdrawal and cancellation. */
export const REASON = 'Mohon dilengkapi analisis biaya.';

/**
 * One approval under test, through the workflow's public interface only: its `state` query and its
 * updates, as the API calls them, plus what the record received for it.
 */
export class Approval {
  constructor(
    readonly handle: WorkflowHandleWithFirstExecutionRunId<typeof approvalWorkflow>,
    readonly proposalId: string,
    readonly record: ProposalRecord,
  ) {}

  /**
   * The workflow's state. A query that reaches a run in the instant it continues as new can go
   * unanswered on the test server (its answer is for a run already closed): each attempt has a
   * deadline, and the next one reaches the new run.
   */
  async state(): Promise<ApprovalState> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.handle.client.connection.withDeadline(Date.now() + 5_000, () => this.handle.query(stateQuery));
      } catch (err) {
        if (attempt >= 5 || !isGrpcDeadlineError(err)) throw err;
      }
    }
  }

  async openTasks(): Promise<TaskState[]> {
    return (await this.state()).tasks.filter((t) => t.status === 'open');
  }

  /** A task of the approval as its state has it now, whatever its status. */
  async task(taskId: string): Promise<TaskState> {
    const task = (await this.state()).tasks.find((t) => t.taskId === taskId);
    if (!task) throw new Error(`no task ${taskId} in the state`);
    return task;
  }

  /** The open task this person holds (waits for it: a stage opens after the decision that settles the previous one is answered). */
  taskOf(personId: string): Promise<TaskState> {
    return this.until(`an open task for ${personId}`, async () => (await this.openTasks()).find((t) => t.assigneePersonId === personId));
  }

  /** The task that took over this one's slot when it was escalated (waits for it). */
  escalationOf(taskId: string): Promise<TaskState> {
    return this.until(`the escalation of ${taskId}`, async () => (await this.state()).tasks.find((t) => t.escalatedFromTaskId === taskId));
  }

  async decide(personId: string, decision: Decision = 'approve', comment = decision === 'approve' ? undefined : REASON): Promise<DecisionResult> {
    const task = await this.taskOf(personId);
    return this.handle.executeUpdate(decideUpdate, { args: [{ taskId: task.taskId, actorPersonId: personId, decision, comment }] });
  }

  /** A decision on a given task, for refusals. */
  decideTask(taskId: string, personId: string, decision: Decision = 'approve', comment?: string): Promise<DecisionResult> {
    return this.handle.executeUpdate(decideUpdate, { args: [{ taskId, actorPersonId: personId, decision, comment }] });
  }

  withdraw(reason = REASON, actorPersonId = PROPOSER): Promise<CloseResult> {
    return this.handle.executeUpdate(withdrawUpdate, { args: [{ actorPersonId, reason }] });
  }

  cancel(reason = REASON, actorPersonId = ADMIN): Promise<CloseResult> {
    return this.handle.executeUpdate(cancelUpdate, { args: [{ actorPersonId, reason }] });
  }

  resubmit(input: Partial<ResubmitInput> = {}): Promise<ResubmitResult> {
    return this.handle.executeUpdate(resubmitUpdate, {
      args: [{ actorPersonId: PROPOSER, proposalVersion: 2, facts: { budgetEstimate: null, category: 'umum', crossAgency: false }, ...input }],
    });
  }

  /** A Disposisi: an administrator moves open tasks to a person of their choice. */
  assign(taskIds: string[], toPersonId: string, reason = REASON): Promise<AssignResult> {
    return this.handle.executeUpdate(assignUpdate, { args: [{ taskIds, toPersonId, toName: nameOf(toPersonId), actorPersonId: ADMIN, reason }] });
  }

  /** How the first run of the workflow ended (`CONTINUED_AS_NEW` once it handed over); the handle itself follows the latest run. */
  async firstRunStatus(): Promise<WorkflowExecutionStatusName> {
    const first = this.handle.client.getHandle(this.handle.workflowId, this.handle.firstExecutionRunId);
    return (await first.describe()).status.name;
  }

  /** Who acts for these posts may have changed: the signal the continuity workflow sends. */
  actingChanged(...positionIds: string[]): Promise<void> {
    return this.handle.signal(actingChangedSignal, { positionIds });
  }

  /**
   * The events of this type once the record holds `count` of them: a timer fires on the server and
   * the worker writes what it caused a moment later, after `sleep` may have returned.
   */
  recorded<T extends HistoryEventType>(type: T, count = 1): Promise<NewHistoryEvent<T>[]> {
    return this.until(`${count} ${type} in the record`, () => this.record.count(type) >= count && this.record.ofType(type));
  }

  /** The final state; awaiting it lets the server skip time until the workflow ends. */
  result(): Promise<ApprovalState> {
    return this.handle.result();
  }

  /**
   * Waits in wall time (the server's clock does not move meanwhile) until the check holds: the
   * worker answers a fired timer or an update with workflow tasks and activities of its own.
   */
  async until<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value !== undefined && value !== false && value !== null) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

/** An update's refusal as the API receives it: the failure type, its message and its details. */
export interface Refused {
  type: string;
  message: string;
  details: unknown;
}

/** The refusal an update failed with (the workflow's ApplicationFailure); fails if the update was accepted. */
export async function refusal(update: Promise<unknown>): Promise<Refused> {
  try {
    await update;
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
      return { type: err.cause.type ?? 'untyped', message: err.cause.message, details: err.cause.details?.[0] };
    }
    throw err;
  }
  throw new Error('the update was accepted');
}

/** The refusal type an update failed with, for a plain comparison with a DecisionFailure. */
export async function refusalOf(update: Promise<unknown>): Promise<string> {
  return (await refusal(update)).type;
}

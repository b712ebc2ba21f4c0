import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { AppConfig } from '@libs/config/app-config.service';
import {
  ApprovalMemo,
  ApprovalWorkflowInput,
  AssignInput,
  AssignResult,
  assignUpdate,
  cancelUpdate,
  CloseInput,
  CloseResult,
  decideUpdate,
  DecisionInput,
  DecisionResult,
  resubmitUpdate,
  ResubmitInput,
  ResubmitResult,
  withdrawUpdate,
  workflowIdForProposal,
} from '@libs/contracts/approval.contract';
import { continuityWorkflowId, orgChangedSignal } from '@libs/contracts/continuity.contract';
import { Refusal } from '@libs/domain/refusal';
import type { approvalWorkflow } from '@workflows/approval.workflow';
import type { continuityWorkflow } from '@workflows/continuity.workflow';
import { deadlineOf, refusalOf } from './engine-errors';
import { TEMPORAL_CLIENT } from './temporal-client';
import { updateIds } from './update-ids';

/** Signals and health checks wait this long at most: what they serve is already done, or only a probe. */
const SHORT_DEADLINE_MS = 3000;

/**
 * The API's one way to the approval engine: it starts approval workflows and asks them, by Update, for
 * the changes people make (decide, withdraw, cancel, resubmit, Disposisi), and wakes the continuity
 * workflow. It owns the workflow ids, the Update ids (from the Idempotency-Key, see update-ids.ts), the
 * deadline of every call and the translation of Temporal's answers into domain refusals
 * (libs/domain/refusal.ts), which the HTTP layer turns into statuses.
 *
 * Calls are bounded by TEMPORAL_RPC_TIMEOUT_MS. Without a deadline an Update waits for as long as no
 * worker takes it (workers restarting, Temporal restarting) and the request hangs; past the deadline
 * the caller is refused as unavailable instead. A retry is safe: workflow ids derive from the proposal
 * and Update ids from the Idempotency-Key, so what the first attempt started (it may still complete)
 * is not done twice.
 */
@Injectable()
export class ApprovalEngine {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly config: AppConfig,
  ) {}

  /** Starts the proposal's approval; refused (ALREADY_SUBMITTED) when one runs already. Answers the workflow id. */
  async start(input: ApprovalWorkflowInput, memo: ApprovalMemo): Promise<string> {
    const workflowId = workflowIdForProposal(input.proposalId);
    try {
      await this.bounded(() =>
        this.client.workflow.start<typeof approvalWorkflow>('approvalWorkflow', {
          taskQueue: this.config.get('TEMPORAL_TASK_QUEUE'),
          workflowId,
          args: [input],
          memo: { ...memo },
        }),
      );
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) throw new Refusal('ALREADY_SUBMITTED', 'This proposal is already under approval.', 'conflict');
      throw err;
    }
    return workflowId;
  }

  /** An approver's decision on a task of the proposal. */
  decide(proposalId: string, input: DecisionInput, updateKey: string): Promise<DecisionResult> {
    return this.update(workflowIdForProposal(proposalId), 'comment', (handle) =>
      handle.executeUpdate(decideUpdate, { args: [input], updateId: updateIds.decision(input.actorPersonId, input.taskId, updateKey) }),
    );
  }

  /** The proposer withdraws the proposal under approval. (No Update id: the proposal lock serialises withdrawals.) */
  withdraw(proposalId: string, input: CloseInput): Promise<CloseResult> {
    return this.update(workflowIdForProposal(proposalId), 'reason', (handle) => handle.executeUpdate(withdrawUpdate, { args: [input] }));
  }

  /** An administrator ends the approval run by `workflowId` for good. */
  cancel(workflowId: string, input: CloseInput, updateKey: string): Promise<CloseResult> {
    return this.update(workflowId, 'reason', (handle) =>
      handle.executeUpdate(cancelUpdate, { args: [input], updateId: updateIds.cancel(input.actorPersonId, updateKey) }),
    );
  }

  /** The proposer sends a returned proposal back into review. */
  resubmit(proposalId: string, input: ResubmitInput, updateKey: string): Promise<ResubmitResult> {
    return this.update(workflowIdForProposal(proposalId), 'note', (handle) =>
      handle.executeUpdate(resubmitUpdate, { args: [input], updateId: updateIds.resubmit(input.actorPersonId, updateKey) }),
    );
  }

  /** Disposisi: an administrator moves open tasks of the proposal to a person of their choice. */
  assign(proposalId: string, input: AssignInput, updateKey: string): Promise<AssignResult> {
    return this.update(workflowIdForProposal(proposalId), 'reason', (handle) =>
      handle.executeUpdate(assignUpdate, { args: [input], updateId: updateIds.assign(input.actorPersonId, proposalId, updateKey) }),
    );
  }

  /**
   * Tells the continuity workflow (starting it if need be) that who acts for some post may have
   * changed. Bounded short: the change is committed whatever happens here, so the caller should not
   * wait long; a failure is the caller's to report.
   */
  async orgChanged(): Promise<void> {
    const taskQueue = this.config.get('TEMPORAL_TASK_QUEUE');
    await this.client.connection.withDeadline(Date.now() + SHORT_DEADLINE_MS, () =>
      this.client.workflow.signalWithStart<typeof continuityWorkflow, []>('continuityWorkflow', {
        taskQueue,
        workflowId: continuityWorkflowId(taskQueue),
        args: [{}],
        signal: orgChangedSignal,
        signalArgs: [],
      }),
    );
  }

  /** Whether Temporal answers for the namespace the API uses; throws when it does not. Answers the namespace. */
  async ping(): Promise<string> {
    const namespace = this.config.get('TEMPORAL_NAMESPACE');
    await this.client.connection.withDeadline(Date.now() + SHORT_DEADLINE_MS, () => this.client.workflowService.describeNamespace({ namespace }));
    return namespace;
  }

  private async update<T>(workflowId: string, reasonField: string, call: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<T>): Promise<T> {
    const handle = this.client.workflow.getHandle(workflowId);
    try {
      return await this.bounded(() => call(handle));
    } catch (err) {
      throw refusalOf(err, reasonField);
    }
  }

  private async bounded<T>(call: () => Promise<T>): Promise<T> {
    const ms = this.config.get('TEMPORAL_RPC_TIMEOUT_MS');
    try {
      return await this.client.connection.withDeadline(Date.now() + ms, call);
    } catch (err) {
      throw deadlineOf(err, ms);
    }
  }
}

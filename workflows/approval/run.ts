import { ActivityFailure, ApplicationFailure, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { ApprovalActivities } from '@activities/approval.activities';
import {
  ApprovalState,
  ApprovalWorkflowInput,
  CloseInput,
  CloseResult,
  DEFAULT_CONTINUE_AS_NEW_AFTER,
  ResubmitInput,
  ResubmitResult,
} from '@libs/contracts/approval.contract';
import type { Refusal } from '@libs/contracts/approval-refusals';
import type { StageDefinition } from '@libs/domain/chain';
import type { RecordBatch } from '@libs/contracts/record.contract';
import { DecisionQueue } from './decision-queue';
import type { Closing, RuleView } from './decision-rules';
import { searchAttributes } from './search-attributes';
import { SerialWriter } from './serial-writer';

/** The look-ups of the approval: local activities with the `batched-writes` patch, remote ones before it. */
export type Lookups = Pick<ApprovalActivities, 'resolveApprovers' | 'resolveEscalation' | 'resolveActing'>;

/** A withdrawal or cancellation accepted by its update handler, answered by the main loop. */
export interface ClosingRequest {
  kind: Closing;
  input: CloseInput;
  result: CloseResult | null;
}

/** A resubmission accepted by its update handler, answered by the main loop. */
export interface ResubmitRequest {
  input: ResubmitInput;
  result: ResubmitResult | null;
}

/** Which paths of the workflow this run takes (`patched(...)` answers, asked once at the start). */
export interface RunPatches {
  batched: boolean;
  operatorAttributes: boolean;
}

/** The state a run starts from: the input's for a new approval, the carried one (next run number) after a continue-as-new. */
export function initialState(input: ApprovalWorkflowInput): ApprovalState {
  return input.carried
    ? { ...input.carried.state, run: input.carried.state.run + 1 }
    : {
        proposalId: input.proposalId,
        status: 'submitted',
        stageIndex: 0,
        round: 1,
        proposalVersion: input.proposalVersion,
        facts: input.facts,
        skipped: [],
        tasks: [],
        run: 1,
      };
}

/** The refusal as the failure an update raises (non-retryable; the API maps its type to a status). */
export const refusalFailure = (r: Refusal): ApplicationFailure =>
  ApplicationFailure.create({ type: r.type, message: r.message, nonRetryable: true, details: r.details ? [r.details] : undefined });

/** Throws the refusal, if there is one: an update's validator and its handler both use this. */
export function refuseIf(r: Refusal | null): void {
  if (r) throw refusalFailure(r);
}

/**
 * The domain failure an activity raised (e.g. ApproverNotFound), or null for anything else. A remote
 * activity's failure arrives wrapped in an ActivityFailure, a local activity's as the failure itself.
 */
export function activityFailure(err: unknown): ApplicationFailure | null {
  const failure = err instanceof ActivityFailure ? err.cause : err;
  return failure instanceof ApplicationFailure ? failure : null;
}

export const now = (): string => new Date(Date.now()).toISOString();

/**
 * One run of an approval: its state, the handoffs between the update handlers and the main loop
 * (the decision queue, the accepted close or resubmission), and the writer of its record. The
 * steps (stage-steps.ts, timer-steps.ts, reassignment.ts) and the workflow share it.
 */
export class ApprovalRun {
  readonly stages: StageDefinition[];
  readonly decisions = new DecisionQueue();
  readonly writer: SerialWriter;
  closing: ClosingRequest | null = null;
  resubmission: ResubmitRequest | null = null;
  /** Set while a pass of reassign() moves tasks to whoever acts for their posts now. */
  reassigning = false;
  /** Posts whose acting person may have changed, waiting for the next pass of reassign(). */
  readonly changedPosts = new Set<string>();
  private lastSearchAttributes = '';
  private readonly continueAsNewAfter: number;

  constructor(
    readonly input: ApprovalWorkflowInput,
    readonly state: ApprovalState,
    readonly patches: RunPatches,
    readonly lookups: Lookups,
    record: (batch: RecordBatch) => Promise<unknown>,
  ) {
    this.stages = input.chain.stages;
    this.writer = new SerialWriter(input.proposalId, record, this.decisions);
    this.continueAsNewAfter = input.options?.continueAsNewAfterEvents ?? DEFAULT_CONTINUE_AS_NEW_AFTER;
  }

  stage(index: number): StageDefinition {
    return this.stages[index];
  }

  /** What the decision rules look at. */
  get view(): RuleView {
    return {
      state: this.state,
      stages: this.stages,
      proposerPersonId: this.input.proposerPersonId,
      closing: this.closing?.kind ?? null,
      resubmitting: !!this.resubmission,
    };
  }

  /** Upserts the search attributes if they changed: upserting is a history event, so only changes are written. */
  upsertAttributes(): void {
    const { key, updates } = searchAttributes(this.state, this.input, this.patches.operatorAttributes);
    if (key === this.lastSearchAttributes) return;
    this.lastSearchAttributes = key;
    upsertSearchAttributes(updates);
  }

  /** Nothing in flight: no write, no decision waiting for its answer, no close, resubmission or move. */
  quiet(): boolean {
    return this.writer.inFlight === 0 && this.decisions.settled && !this.closing && !this.resubmission && !this.reassigning;
  }

  /** The history is long enough to hand over to a fresh run (continue-as-new). */
  wantsContinueAsNew(): boolean {
    return workflowInfo().historyLength >= this.continueAsNewAfter || workflowInfo().continueAsNewSuggested;
  }
}

import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  makeContinueAsNewFunc,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertMemo,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { RetryPolicy } from '@temporalio/common';
import type { ApprovalActivities } from '@activities/approval.activities';
import {
  actingChangedSignal,
  ApprovalState,
  ApprovalWorkflowInput,
  AssignInput,
  AssignResult,
  assignUpdate,
  cancelUpdate,
  CloseInput,
  CloseResult,
  decideUpdate,
  DecisionFailure,
  DecisionInput,
  DecisionResult,
  DEFAULT_CONTINUE_AS_NEW_AFTER,
  resubmitUpdate,
  ResubmitInput,
  ResubmitResult,
  stateQuery,
  TaskState,
  withdrawUpdate,
} from '@libs/contracts/approval.contract';
import {
  SA_ESCALATED,
  SA_NEXT_DUE,
  SA_STAGE,
  SA_STAGE_OPENED_AT,
  SA_STATUS,
  SA_TEMPLATE,
  SA_UNIT,
  SA_UNIT_CODE,
  SA_WAITING,
  WAITING_BLOCKED,
  WAITING_VACANT,
} from '@libs/contracts/search-attributes';
import { conditionHolds, StageDefinition, StageOutcome, stageOutcome, timeoutPolicyOf } from '@libs/domain/chain';
import { durationToMs } from '@libs/domain/duration';
import { REASSIGNMENT_REASON_LABELS_ID, ReassignmentReason, reassignmentReason } from '@libs/domain/acting';
import { authorityForTask, MoveAuthority, moveActor } from '@libs/domain/acting-authority';
import { FINAL_STATUSES } from '@libs/domain/proposal';
import type { NewHistoryEvent, NotificationWrite, RecordBatch, TaskWrite } from '@libs/persistence/record.store';
import type { ResolvedSlot } from '@activities/approver-resolver';
import { nextWake, reminderTimes, timeoutTime } from './approval-timing';

const ACTIVITY_RETRY: RetryPolicy = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '1 minute',
  // The record must eventually be written: retry transient failures without limit; domain errors
  // are raised as non-retryable ApplicationFailures.
  nonRetryableErrorTypes: ['ApproverNotFound'],
};

/** Activities through the server: every write to the record, and the look-ups of runs started before the `batched-writes` patch. */
const remoteActivities = proxyActivities<ApprovalActivities>({ startToCloseTimeout: '30 seconds', retry: ACTIVITY_RETRY });

/**
 * The look-ups (who acts for a post, who resolves a stage or an escalation) as local activities: read
 * only, in the worker that runs the workflow task, with no trip through the server. Writes never run
 * this way: a local activity runs before its workflow task completes, and a task that is lost (its
 * worker killed) runs again, possibly differently (an Update or a signal may have arrived meanwhile),
 * so a local write could leave in the record a fact the workflow never took.
 */
const lookups = proxyLocalActivities<Pick<ApprovalActivities, 'resolveApprovers' | 'resolveEscalation' | 'resolveActing'>>({
  startToCloseTimeout: '30 seconds',
  localRetryThreshold: '10 seconds',
  retry: ACTIVITY_RETRY,
});

/** Two record batches as one, the first one's facts first. */
function mergeBatches(first: Omit<RecordBatch, 'proposalId'>, then: Omit<RecordBatch, 'proposalId'>): Omit<RecordBatch, 'proposalId'> {
  return {
    events: [...first.events, ...then.events],
    tasks: [...(first.tasks ?? []), ...(then.tasks ?? [])],
    proposal: first.proposal || then.proposal ? { ...first.proposal, ...then.proposal } : undefined,
    notifications: [...(first.notifications ?? []), ...(then.notifications ?? [])],
  };
}

/**
 * The domain failure an activity raised (e.g. ApproverNotFound), or null for anything else. A remote
 * activity's failure arrives wrapped in an ActivityFailure, a local activity's as the failure itself.
 */
function activityFailure(err: unknown): ApplicationFailure | null {
  const failure = err instanceof ActivityFailure ? err.cause : err;
  return failure instanceof ApplicationFailure ? failure : null;
}

const ADMIN = 'admin';

const CAPACITY_NAMES: Record<string, string> = { plh: 'Plh.', plt: 'Plt.', delegate: 'a delegate', disposisi: 'the person an administrator assigned the task to (Disposisi)' };

/**
 * One workflow per proposal: the single writer of its approval state. Runs the chain stage by stage,
 * applies decisions (updates), SLA timers and timeout policies, the revision loop, withdrawal and
 * cancellation, and writes every fact to the durable record through activities.
 */
export async function approvalWorkflow(input: ApprovalWorkflowInput): Promise<ApprovalState> {
  const state: ApprovalState = input.carried
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
  // Before any other command: approvals started by earlier releases replay without the marker, keep
  // their look-ups as activities and write each fact on its own (docs/WORKFLOW-VERSIONING.md).
  const batched = patched('batched-writes');
  // Also before any other command, computed once: a stage's opening sets EstafetStatus to in_review
  // before it upserts (it used to say `submitted` until the next change), the attributes an
  // administrator filters by (EstafetUnitCode, EstafetWaiting, EstafetStageOpenedAt) are written, and
  // a move or a Disposisi that changes them upserts them. Each of these changes which upserts a run
  // makes, so runs written before it keep the old path (docs/WORKFLOW-VERSIONING.md).
  const operatorAttributes = patched('operator-attributes');
  const { resolveApprovers, resolveEscalation, resolveActing } = batched ? lookups : remoteActivities;
  const { record } = remoteActivities;
  const stages = input.chain.stages;
  const stage = (index: number): StageDefinition => stages[index];
  const now = () => new Date(Date.now()).toISOString();
  const continueAsNewAfter = input.options?.continueAsNewAfterEvents ?? DEFAULT_CONTINUE_AS_NEW_AFTER;

  // Writes go out one at a time, in the order the workflow decided them, so the hash chain reads
  // in the order things happened.
  let tail: Promise<unknown> = Promise.resolve();
  let writesInFlight = 0;
  // With batched writes, a fact that is always followed at once by another (the submission by the first
  // stage opening, a decision by what it settles, a stage approved by the next one opening, an overdue
  // mark by its escalation) is carried into the next write: one activity and one transaction instead
  // of several, in the same order in the record.
  let carried: { batch: Omit<RecordBatch, 'proposalId'>; decisionsUpTo: number | null } | null = null;
  const carryIntoNextWrite = (batch: Omit<RecordBatch, 'proposalId'>, decisionsUpTo: number | null) => {
    carried = carried
      ? { batch: mergeBatches(carried.batch, batch), decisionsUpTo: Math.max(carried.decisionsUpTo ?? 0, decisionsUpTo ?? 0) || null }
      : { batch, decisionsUpTo };
  };
  const persist = async (batch: Omit<RecordBatch, 'proposalId'>): Promise<void> => {
    writesInFlight++;
    const before = carried;
    carried = null;
    const merged = before ? mergeBatches(before.batch, batch) : batch;
    const next = tail.then(() => record({ proposalId: input.proposalId, ...merged }));
    tail = next.catch(() => undefined);
    try {
      await next;
    } finally {
      writesInFlight--;
    }
    // The decisions settled by the carried fact are answered only now that it is in the record.
    if (before?.decisionsUpTo != null) decisionsProcessed = Math.max(decisionsProcessed, before.decisionsUpTo);
  };

  // Decisions accepted by the update handler vs. decisions whose consequences the main loop has
  // persisted; an update returns only once its consequences are in the read model.
  let decisionsApplied = 0;
  let decisionsProcessed = 0;
  let closing: { kind: 'withdrawn' | 'cancelled'; input: CloseInput } | null = null;
  let closeResult: CloseResult | null = null;
  let resubmission: ResubmitInput | null = null;
  let resubmitResult: ResubmitResult | null = null;

  /** The tasks that currently fill the slots of a stage round (escalated and reassigned ones were replaced). */
  const slotTasks = (index: number, round = state.round) =>
    state.tasks.filter((t) => t.stageIndex === index && t.round === round && t.status !== 'reassigned' && t.status !== 'escalated');
  const openTasks = () => state.tasks.filter((t) => t.status === 'open');
  const isFinal = () => FINAL_STATUSES.includes(state.status);

  const fail = (type: string, message: string, details?: Record<string, unknown>) =>
    ApplicationFailure.create({ type, message, nonRetryable: true, details: details ? [details] : undefined });

  const checkDecision = (d: DecisionInput): TaskState => {
    const task = state.tasks.find((t) => t.taskId === d.taskId);
    if (!task) throw fail(DecisionFailure.TaskNotFound, `task ${d.taskId} does not belong to this proposal`);
    if (d.actorPersonId === input.proposerPersonId) {
      throw fail(
        DecisionFailure.SelfApproval,
        'Segregation of duties: a proposer may not decide on their own proposal (pemisahan tugas).',
      );
    }
    if (task.status === 'escalated') {
      const to = state.tasks.find((t) => t.escalatedFromTaskId === task.taskId);
      throw fail(DecisionFailure.AlreadyDecided, `This task passed its due time and was escalated${to?.assigneeName ? ` to ${to.assigneeName}` : ''}.`, {
        escalatedTo: to?.assigneeName ?? null,
      });
    }
    if (task.status === 'reassigned') {
      const to = state.tasks.find((t) => t.reassignedFromTaskId === task.taskId);
      throw fail(
        DecisionFailure.AlreadyDecided,
        `This task moved to ${to?.assigneeName ?? 'the post, now vacant'} because the person acting for the post changed.`,
        { reassignedTo: to?.assigneeName ?? null },
      );
    }
    if (task.status !== 'open' || closing || stageOutcome(stage(task.stageIndex).mode, slotTasks(task.stageIndex, task.round)) !== 'pending') {
      const by = task.decidedByName ?? slotTasks(task.stageIndex, task.round).find((t) => t.decidedByName)?.decidedByName;
      throw fail(DecisionFailure.AlreadyDecided, `This task is already closed${by ? `: decided by ${by}` : ''}.`, { decidedBy: by ?? null });
    }
    if (task.assigneePersonId !== d.actorPersonId) {
      throw fail(DecisionFailure.NotAssignee, 'You are not the person acting for the post this task is addressed to.');
    }
    if (stage(task.stageIndex).requiresDefinitive && task.capacity !== 'definitif') {
      throw fail(
        DecisionFailure.RequiresDefinitive,
        `This stage needs the definitive holder of the post; you act as ${CAPACITY_NAMES[task.capacity ?? 'delegate']}.`,
        { capacity: task.capacity },
      );
    }
    if ((d.decision === 'reject' || d.decision === 'return') && !d.comment?.trim()) {
      throw fail(DecisionFailure.ReasonRequired, `A ${d.decision === 'reject' ? 'rejection' : 'return'} needs a reason.`);
    }
    if (d.decision === 'return' && !stage(task.stageIndex).mayReturn) {
      throw fail(DecisionFailure.ReturnNotAllowed, 'This stage may not return the proposal for revision.');
    }
    return task;
  };

  const checkClose = (kind: 'withdrawn' | 'cancelled', c: CloseInput) => {
    if (isFinal() || closing) throw fail(DecisionFailure.WrongState, `The approval has already ended (${closing?.kind ?? state.status}).`);
    if (kind === 'withdrawn' && c.actorPersonId !== input.proposerPersonId) {
      throw fail(DecisionFailure.NotProposer, 'Only the proposer may withdraw a proposal.');
    }
    if (!c.reason?.trim()) throw fail(DecisionFailure.ReasonRequired, `A ${kind === 'withdrawn' ? 'withdrawal' : 'cancellation'} needs a reason.`);
  };

  const checkResubmit = (r: ResubmitInput) => {
    if (r.actorPersonId !== input.proposerPersonId) throw fail(DecisionFailure.NotProposer, 'Only the proposer may resubmit a proposal.');
    if (state.status !== 'returned' || closing || resubmission) {
      throw fail(DecisionFailure.WrongState, `Only a proposal returned for revision can be resubmitted; this one is ${state.status}.`);
    }
  };

  setHandler(stateQuery, () => state);

  setHandler(
    decideUpdate,
    async (d: DecisionInput): Promise<DecisionResult> => {
      // Validators of updates delivered together all see the same state; re-check before applying.
      const task = checkDecision(d);
      const decidedAt = now();
      task.status = d.decision === 'approve' ? 'approved' : d.decision === 'reject' ? 'rejected' : 'returned';
      task.decidedByPersonId = d.actorPersonId;
      task.decidedByName = task.assigneeName ?? undefined;
      const generation = ++decisionsApplied;
      const onEscalation = task.escalationLevel > 0;
      const decided: Omit<RecordBatch, 'proposalId'> = {
        events: [
          {
            key: `task:${task.taskId}:decided`,
            type: 'task.decided',
            occurredAt: decidedAt,
            actorPersonId: d.actorPersonId,
            actorPositionId: task.positionId,
            capacity: task.capacity,
            data: {
              taskId: task.taskId,
              stageIndex: task.stageIndex,
              round: task.round,
              slot: task.slot,
              decision: d.decision,
              comment: d.comment ?? null,
              onEscalation,
              proposalVersion: state.proposalVersion,
              ...(task.onBehalfOfPersonId ? { onBehalfOf: { personId: task.onBehalfOfPersonId, name: task.onBehalfOfName ?? null } } : {}),
            },
          },
        ],
        tasks: [{ id: task.taskId, status: task.status, decision: d.decision, comment: d.comment ?? null, decidedAt, decidedByPersonId: d.actorPersonId }],
      };
      // Batched: the main loop writes the decision with what it settles (or alone, if it settles nothing).
      if (batched) carryIntoNextWrite(decided, null);
      else await persist(decided);
      await condition(() => decisionsProcessed >= generation);
      return {
        taskId: task.taskId,
        decision: d.decision,
        decidedAt,
        actorPersonId: d.actorPersonId,
        actorPositionId: task.positionId,
        capacity: task.capacity ?? 'definitif',
        onBehalfOfPersonId: task.onBehalfOfPersonId ?? null,
        onEscalation,
        proposalVersion: state.proposalVersion,
        proposalStatus: state.status,
      };
    },
    { validator: (d: DecisionInput) => void checkDecision(d) },
  );

  const closeHandler = (kind: 'withdrawn' | 'cancelled') => async (c: CloseInput): Promise<CloseResult> => {
    checkClose(kind, c);
    closing = { kind, input: c };
    await condition(() => closeResult !== null);
    return closeResult!;
  };
  setHandler(withdrawUpdate, closeHandler('withdrawn'), { validator: (c: CloseInput) => checkClose('withdrawn', c) });
  setHandler(cancelUpdate, closeHandler('cancelled'), { validator: (c: CloseInput) => checkClose('cancelled', c) });

  setHandler(
    resubmitUpdate,
    async (r: ResubmitInput): Promise<ResubmitResult> => {
      checkResubmit(r);
      resubmission = r;
      await condition(() => resubmitResult !== null);
      const result = resubmitResult!;
      resubmitResult = null;
      return result;
    },
    { validator: (r: ResubmitInput) => checkResubmit(r) },
  );

  /** What the current stage waits on besides a decision (EstafetWaiting): nothing once the approval ended or was returned. */
  const waitingOn = (): string | null => {
    if (isFinal() || state.status === 'returned') return null;
    if (state.blocked && state.blocked.stageIndex === state.stageIndex && state.blocked.round === state.round) return WAITING_BLOCKED;
    return openTasks().some((t) => !t.assigneePersonId) ? WAITING_VACANT : null;
  };
  /** When the current stage round opened: its first task's clock, or the moment it was found blocked. */
  const stageOpenedAt = (): string | null => {
    if (state.blocked && state.blocked.stageIndex === state.stageIndex && state.blocked.round === state.round) return state.blocked.since;
    const clocks = state.tasks.filter((t) => t.stageIndex === state.stageIndex && t.round === state.round).map((t) => t.openedAt ?? t.createdAt);
    return clocks.sort()[0] ?? null;
  };

  // Upserting is a history event; only changes are written.
  let lastSearchAttributes = '';
  const setSearchAttributes = () => {
    const due = openTasks().map((t) => t.dueAt).filter((d): d is string => !!d).sort()[0];
    const escalated = state.tasks.some((t) => t.round === state.round && t.escalationLevel > 0);
    const waiting = operatorAttributes ? waitingOn() : null;
    const openedAt = operatorAttributes ? stageOpenedAt() : null;
    // The old runs' string must stay exactly as it was: it decides which upserts they make on replay.
    const current = JSON.stringify(operatorAttributes
      ? [state.status, state.stageIndex, state.round, escalated, due ?? null, waiting, openedAt]
      : [state.status, state.stageIndex, state.round, escalated, due ?? null]);
    if (current === lastSearchAttributes) return;
    lastSearchAttributes = current;
    upsertSearchAttributes([
      { key: SA_STATUS, value: state.status },
      { key: SA_STAGE, value: stages[state.stageIndex]?.name ?? null },
      { key: SA_UNIT, value: input.unitId },
      { key: SA_TEMPLATE, value: `${input.template.code}@${input.template.version}` },
      { key: SA_ESCALATED, value: escalated },
      { key: SA_NEXT_DUE, value: due ? new Date(due) : null },
      ...(operatorAttributes
        ? [
            { key: SA_UNIT_CODE, value: input.unitCode ?? null },
            { key: SA_WAITING, value: waiting },
            { key: SA_STAGE_OPENED_AT, value: openedAt ? new Date(openedAt) : null },
          ]
        : []),
    ]);
  };

  /** Who holds a task for a resolved post: the person acting for it, in which capacity, for whom. */
  const heldBy = (s: ResolvedSlot) => ({
    assigneePersonId: s.personId,
    assigneeName: s.personName,
    capacity: s.capacity,
    onBehalfOfPersonId: s.onBehalfOfPersonId ?? null,
    onBehalfOfName: s.onBehalfOfName ?? null,
  });

  const newTask = (index: number, slot: number, s: ResolvedSlot, openedAt: string, from?: TaskState): TaskState => {
    const def = stage(index);
    return {
      taskId: uuid4(),
      stageIndex: index,
      round: state.round,
      slot,
      positionId: s.positionId,
      ...heldBy(s),
      status: 'open',
      createdAt: openedAt,
      dueAt: def.sla ? new Date(Date.parse(openedAt) + durationToMs(def.sla)).toISOString() : null,
      escalationLevel: from ? from.escalationLevel + 1 : 0,
      escalatedFromTaskId: from?.taskId ?? null,
      remindersSent: 0,
      overdueAt: null,
      ...(s.routedAround ? { routedAround: s.routedAround } : {}),
    };
  };

  const taskCreated = (t: TaskState): { event: NewHistoryEvent; row: TaskWrite; notice: NotificationWrite[] } => ({
    event: {
      key: `task:${t.taskId}:created`,
      type: 'task.created',
      occurredAt: t.createdAt,
      actorPersonId: t.assigneePersonId,
      actorPositionId: t.positionId,
      capacity: t.capacity,
      data: {
        taskId: t.taskId,
        stageIndex: t.stageIndex,
        round: t.round,
        slot: t.slot,
        dueAt: t.dueAt,
        assignee: t.assigneeName,
        escalationLevel: t.escalationLevel,
        escalatedFromTaskId: t.escalatedFromTaskId,
        ...(t.onBehalfOfPersonId ? { onBehalfOf: { personId: t.onBehalfOfPersonId, name: t.onBehalfOfName ?? null } } : {}),
        ...(t.reassignedFromTaskId ? { reassignedFromTaskId: t.reassignedFromTaskId } : {}),
        // The chain named a post the proposer acts for: the slot went to the superior post instead.
        ...(t.routedAround ? { routedAround: t.routedAround } : {}),
      },
    },
    row: {
      id: t.taskId,
      stageIndex: t.stageIndex,
      stageName: stage(t.stageIndex).name,
      round: t.round,
      slot: t.slot,
      positionId: t.positionId,
      assigneePersonId: t.assigneePersonId,
      capacity: t.capacity,
      status: 'open',
      createdAt: t.createdAt,
      dueAt: t.dueAt,
      escalationLevel: t.escalationLevel,
      escalatedFromTaskId: t.escalatedFromTaskId,
      onBehalfOfPersonId: t.onBehalfOfPersonId ?? null,
      reassignedFromTaskId: t.reassignedFromTaskId ?? null,
    },
    notice: t.assigneePersonId
      ? [{
          key: `task:${t.taskId}:assigned`,
          kind: t.escalationLevel > 0 && !t.reassignedFromTaskId ? 'task.escalated' : 'task.assigned',
          taskId: t.taskId,
          recipientPersonId: t.assigneePersonId,
          payload: { stage: stage(t.stageIndex).name, dueAt: t.dueAt },
        }]
      : [],
  });

  const adminAlert = (key: string, payload: Record<string, unknown>, taskId: string | null = null): NotificationWrite => ({
    key,
    kind: 'admin.alert',
    taskId,
    recipientRole: ADMIN,
    payload,
  });

  /** Cancels whatever is open and ends the approval as withdrawn or cancelled. */
  const close = async () => {
    const { kind, input: c } = closing!;
    const closedAt = now();
    const left = openTasks();
    for (const t of left) t.status = 'cancelled';
    state.status = kind;
    await persist({
      events: [{
        key: `proposal:${kind}`,
        type: `proposal.${kind}`,
        occurredAt: closedAt,
        actorPersonId: c.actorPersonId,
        data: { reason: c.reason, stageIndex: state.stageIndex, round: state.round, cancelledTasks: left.map((t) => t.taskId) },
      }],
      tasks: left.map((t) => ({ id: t.taskId, status: 'cancelled' as const, decidedAt: closedAt })),
      proposal: { status: kind, decidedAt: closedAt },
      notifications: [
        ...(kind === 'cancelled'
          ? [{ key: `proposal:${kind}:proposer`, kind: 'proposal.decided' as const, recipientPersonId: input.proposerPersonId, payload: { status: kind, reason: c.reason } }]
          : []),
      ],
    });
    setSearchAttributes();
    // Decisions caught by the close are answered with the closed state rather than left waiting.
    decisionsProcessed = decisionsApplied;
    closeResult = { proposalStatus: kind, closedAt, cancelledTasks: left.map((t) => t.taskId) };
  };

  const wantsContinueAsNew = () => workflowInfo().historyLength >= continueAsNewAfter || workflowInfo().continueAsNewSuggested;
  const quiet = () => writesInFlight === 0 && decisionsProcessed === decisionsApplied && !closing && !resubmission && !reassigning;

  /** Hands over to a fresh run with the same state once nothing is in flight. */
  const handOver = async (): Promise<never> => {
    if (carried) await persist({ events: [] });
    await condition(allHandlersFinished);
    const { snapshot: _omitted, ...rest } = input;
    void _omitted;
    // The server does not carry a memo over to the next run by itself.
    if (operatorAttributes) return makeContinueAsNewFunc<typeof approvalWorkflow>({ memo: workflowInfo().memo })({ ...rest, carried: { state } });
    return continueAsNew<typeof approvalWorkflow>({ ...rest, carried: { state } });
  };

  type Batch = Required<Pick<RecordBatch, 'events' | 'tasks' | 'notifications'>>;
  const newBatch = (): Batch => ({ events: [], tasks: [], notifications: [] });
  const stagePending = (t: TaskState) => stageOutcome(stage(t.stageIndex).mode, slotTasks(t.stageIndex, t.round)) === 'pending';
  const holder = (x: TaskState) => ({
    personId: x.assigneePersonId,
    name: x.assigneeName,
    capacity: x.capacity,
    onBehalfOf: x.onBehalfOfPersonId ? { personId: x.onBehalfOfPersonId, name: x.onBehalfOfName ?? null } : null,
  });

  /**
   * Replaces an open task by one for another person: same slot, due time, reminders and escalation
   * level (the clock does not restart). Records who had it, who has it now and why.
   */
  const replaceTask = (
    batch: Batch,
    t: TaskState,
    to: Pick<TaskState, 'assigneePersonId' | 'assigneeName' | 'capacity' | 'onBehalfOfPersonId' | 'onBehalfOfName' | 'assignedByPersonId'>,
    when: string,
    reason: ReassignmentReason,
    extra: { positionTitle?: string; actorPersonId?: string | null; note?: string; authority?: MoveAuthority } = {},
  ): TaskState => {
    t.status = 'reassigned';
    const next: TaskState = {
      ...t,
      taskId: uuid4(),
      assignedByPersonId: null,
      ...to,
      status: 'open',
      createdAt: when,
      openedAt: t.openedAt ?? t.createdAt,
      reassignedFromTaskId: t.taskId,
    };
    state.tasks.push(next);
    const created = taskCreated(next);
    batch.events.push(
      {
        key: `task:${t.taskId}:reassigned`,
        type: 'task.reassigned',
        occurredAt: when,
        actorPersonId: extra.actorPersonId ?? null,
        actorPositionId: t.positionId,
        data: {
          taskId: t.taskId,
          toTaskId: next.taskId,
          stageIndex: t.stageIndex,
          round: t.round,
          slot: t.slot,
          positionId: t.positionId,
          ...(extra.positionTitle ? { positionTitle: extra.positionTitle } : {}),
          reasonCode: reason,
          reason: REASSIGNMENT_REASON_LABELS_ID[reason],
          ...(extra.note ? { note: extra.note } : {}),
          from: holder(t),
          to: holder(next),
          ...(extra.authority ? { authority: extra.authority } : {}),
        },
      },
      created.event,
    );
    batch.tasks.push({ id: t.taskId, status: 'reassigned', decidedAt: when }, created.row);
    batch.notifications.push(...created.notice);
    if (t.assigneePersonId) {
      batch.notifications.push({ key: `task:${t.taskId}:reassigned`, kind: 'task.reassigned', taskId: t.taskId, recipientPersonId: t.assigneePersonId, payload: { stage: stage(t.stageIndex).name, to: next.assigneeName, reason } });
    }
    return next;
  };

  const checkAssign = (a: AssignInput) => {
    if (isFinal() || closing) throw fail(DecisionFailure.WrongState, `The approval has already ended (${closing?.kind ?? state.status}).`);
    if (!a.reason?.trim()) throw fail(DecisionFailure.ReasonRequired, 'A Disposisi needs a reason.');
    if (a.toPersonId === input.proposerPersonId) {
      throw fail(DecisionFailure.SelfApproval, 'Segregation of duties: a task may not be assigned to the proposer of the proposal (pemisahan tugas).');
    }
    if (!a.taskIds.some((id) => state.tasks.some((t) => t.taskId === id))) throw fail(DecisionFailure.TaskNotFound, 'None of these tasks belongs to this proposal.');
  };

  setHandler(
    assignUpdate,
    async (a: AssignInput): Promise<AssignResult> => {
      checkAssign(a);
      const when = now();
      const batch = newBatch();
      const result: AssignResult = { moved: [], skipped: [] };
      for (const taskId of a.taskIds) {
        const t = state.tasks.find((x) => x.taskId === taskId);
        if (!t) result.skipped.push({ taskId, message: 'not a task of this proposal' });
        else if (t.status !== 'open' || !stagePending(t)) result.skipped.push({ taskId, message: `already closed (${t.status})` });
        else if (t.assigneePersonId === a.toPersonId && t.assignedByPersonId) result.skipped.push({ taskId, message: 'already assigned to this person' });
        else {
          const to = { assigneePersonId: a.toPersonId, assigneeName: a.toName, capacity: 'disposisi' as const, onBehalfOfPersonId: null, onBehalfOfName: null, assignedByPersonId: a.actorPersonId };
          const next = replaceTask(batch, t, to, when, 'disposisi', { actorPersonId: a.actorPersonId, note: a.reason.trim() });
          result.moved.push({ taskId, newTaskId: next.taskId });
        }
      }
      if (batch.events.length) {
        await persist(batch);
        // A task of a vacant post now has someone: EstafetWaiting changes.
        if (operatorAttributes) setSearchAttributes();
      }
      return result;
    },
    { validator: (a: AssignInput) => checkAssign(a) },
  );

  /**
   * Moves open tasks of these posts to whoever acts for them now. A task keeps its slot, due time,
   * reminders and escalation level: the clock does not restart because the holder changed. Tasks of a
   * stage round already settled by decisions are left for the settlement to close.
   */
  const moveTasks = async (acting: ResolvedSlot[]) => {
    const when = now();
    const batch = newBatch();
    for (const s of acting) {
      for (const t of openTasks().filter((x) => x.positionId === s.positionId)) {
        const same = t.assigneePersonId === s.personId && t.capacity === s.capacity && (t.onBehalfOfPersonId ?? null) === (s.onBehalfOfPersonId ?? null);
        // A task an administrator assigned (Disposisi) stays with that person.
        if (same || t.assignedByPersonId || !stagePending(t)) continue;
        const reason = reassignmentReason({ personId: t.assigneePersonId, capacity: t.capacity }, s);
        // Who moved the baton and on what authority (absent from look-ups recorded by older worker code).
        const authority = s.authority ? authorityForTask(s.authority, { personId: t.assigneePersonId, capacity: t.capacity, onBehalfOfPersonId: t.onBehalfOfPersonId ?? null }) : undefined;
        replaceTask(batch, t, heldBy(s), when, reason, { positionTitle: s.positionTitle, actorPersonId: authority ? moveActor(reason, authority) : null, authority });
      }
    }
    if (batch.events.length) {
      await persist(batch);
      // A post left vacant, or filled again, changes EstafetWaiting.
      if (operatorAttributes) setSearchAttributes();
    }
  };

  /** Who holds each post's open tasks that follow the post, so the look-up can name the term of theirs that ended. */
  const holdersOf = (posts: string[]) =>
    posts.flatMap((positionId) => {
      const t = openTasks().find((x) => x.positionId === positionId && !x.assignedByPersonId);
      return t ? [{ positionId, personId: t.assigneePersonId, capacity: t.capacity, onBehalfOfPersonId: t.onBehalfOfPersonId ?? null }] : [];
    });

  // Posts whose acting person may have changed; drained by one pass at a time, so two signals about
  // the same post never move a task twice.
  const changedPosts = new Set<string>();
  let reassigning = false;
  const reassign = async () => {
    if (reassigning) return;
    reassigning = true;
    try {
      while (changedPosts.size > 0 && !closing && !isFinal()) {
        const posts = [...changedPosts].filter((p) => openTasks().some((t) => t.positionId === p));
        changedPosts.clear();
        if (posts.length === 0) break;
        let acting: ResolvedSlot[];
        try {
          acting = await resolveActing({ proposalId: input.proposalId, positionIds: posts, holders: holdersOf(posts), at: now() });
        } catch (err) {
          // A post that no longer resolves leaves its tasks where they are; the next change retries.
          if (activityFailure(err)) break;
          throw err;
        }
        if (closing || isFinal()) break;
        await moveTasks(acting);
      }
    } finally {
      changedPosts.clear();
      reassigning = false;
    }
  };
  setHandler(actingChangedSignal, async (change) => {
    for (const positionId of change?.positionIds ?? []) changedPosts.add(positionId);
    await reassign();
  });

  /** Reminders, overdue marks and timeout policies that have come due for the stage's open tasks. */
  const handleTimers = async (index: number): Promise<'returned' | null> => {
    const def = stage(index);
    const policy = timeoutPolicyOf(def);
    const at = Date.now();
    const occurredAt = now();
    const events: NewHistoryEvent[] = [];
    const rows: TaskWrite[] = [];
    const notices: NotificationWrite[] = [];
    const timedOut: TaskState[] = [];
    for (const t of slotTasks(index).filter((x) => x.status === 'open')) {
      const reminders = reminderTimes(def, t);
      while (t.remindersSent < reminders.length && reminders[t.remindersSent] <= at) {
        t.remindersSent++;
        events.push({ key: `task:${t.taskId}:reminder:${t.remindersSent}`, type: 'task.reminded', occurredAt, actorPositionId: t.positionId, data: { taskId: t.taskId, reminder: t.remindersSent, dueAt: t.dueAt } });
        if (t.assigneePersonId) notices.push({ key: `task:${t.taskId}:reminder:${t.remindersSent}`, kind: 'task.reminder', taskId: t.taskId, recipientPersonId: t.assigneePersonId, payload: { stage: def.name, dueAt: t.dueAt } });
        rows.push({ id: t.taskId, remindersSent: t.remindersSent });
      }
      if (t.dueAt && Date.parse(t.dueAt) <= at && !t.overdueAt) {
        t.overdueAt = occurredAt;
        events.push({ key: `task:${t.taskId}:overdue`, type: 'task.overdue', occurredAt, actorPersonId: t.assigneePersonId, actorPositionId: t.positionId, data: { taskId: t.taskId, dueAt: t.dueAt } });
        if (t.assigneePersonId) notices.push({ key: `task:${t.taskId}:overdue`, kind: 'task.overdue', taskId: t.taskId, recipientPersonId: t.assigneePersonId, payload: { stage: def.name, dueAt: t.dueAt } });
        rows.push({ id: t.taskId, overdueAt: occurredAt });
      }
      const timeout = timeoutTime(def, t);
      if (timeout !== null && timeout <= at && !t.timeoutHandled) timedOut.push(t);
    }
    if (events.length) {
      // Batched, the overdue mark of a task whose time is up travels with what its
      // timeout policy writes next (an escalation, an alert, the return), in one transaction.
      if (batched && timedOut.length) carryIntoNextWrite({ events, tasks: rows, notifications: notices }, null);
      else await persist({ events, tasks: rows, notifications: notices });
    }

    if (timedOut.length && policy.action === 'return') {
      for (const t of timedOut) t.timeoutHandled = true;
      return 'returned';
    }
    for (const t of timedOut) {
      const escalates = policy.action === 'escalate-superior' || policy.action === 'escalate-to';
      const capped = escalates && t.escalationLevel >= policy.maxEscalations;
      let target: ResolvedSlot | null = null;
      if (escalates && !capped) {
        target = await resolveEscalation({
          proposalId: input.proposalId,
          fromPositionId: t.positionId,
          targetPositionId: policy.action === 'escalate-to' ? policy.positionId : undefined,
          at: now(),
          proposerPersonId: input.proposerPersonId,
        });
        // A decision may have arrived while the target was being resolved.
        if (t.status !== 'open' || closing) continue;
      }
      t.timeoutHandled = true;
      const when = now();
      if (!target) {
        const reason = !escalates ? 'notify-admin' : capped ? 'escalation-cap-reached' : 'no-superior-post';
        await persist({
          events: [{ key: `task:${t.taskId}:timeout`, type: 'task.timeout', occurredAt: when, actorPersonId: t.assigneePersonId, actorPositionId: t.positionId, data: { taskId: t.taskId, policy: policy.action, outcome: reason, escalationLevel: t.escalationLevel } }],
          notifications: [adminAlert(`task:${t.taskId}:timeout`, { stage: def.name, taskId: t.taskId, reason }, t.taskId)],
        });
        continue;
      }
      t.status = 'escalated';
      const replacement = newTask(index, t.slot, target, when, t);
      state.tasks.push(replacement);
      const created = taskCreated(replacement);
      await persist({
        events: [
          {
            key: `task:${t.taskId}:escalated`,
            type: 'task.escalated',
            occurredAt: when,
            actorPersonId: t.assigneePersonId,
            actorPositionId: t.positionId,
            capacity: t.capacity,
            data: { taskId: t.taskId, toTaskId: replacement.taskId, toPositionId: target.positionId, toPersonId: target.personId, toName: target.personName, policy: policy.action, escalationLevel: replacement.escalationLevel },
          },
          created.event,
        ],
        tasks: [{ id: t.taskId, status: 'escalated', decidedAt: when }, created.row],
        proposal: { escalated: true },
        notifications: [...created.notice, adminAlert(`task:${t.taskId}:escalated`, { stage: def.name, taskId: t.taskId, to: target.personName }, t.taskId)],
      });
    }
    // Every timed-out task may have been decided meanwhile: the marks are written all the same.
    if (carried) await persist({ events: [] });
    setSearchAttributes();
    return null;
  };

  /** Opens a stage round: resolves its posts to people and creates one task per slot. */
  const openStage = async (index: number): Promise<boolean> => {
    const def = stage(index);
    const openedAt = now();
    let slots: ResolvedSlot[];
    try {
      slots = await resolveApprovers({ proposalId: input.proposalId, unitId: input.unitId, selectors: def.approvers, at: openedAt, proposerPersonId: input.proposerPersonId });
    } catch (err) {
      const failure = activityFailure(err);
      if (!failure) throw err;
      // The chain names a post that does not resolve (e.g. a unit without a head): only an
      // administrator can sort that out, so the approval waits for them with an alert.
      state.blocked = { stageIndex: index, round: state.round, since: openedAt, reason: failure.message };
      await persist({
        events: [{ key: `stage:${index}:r${state.round}:blocked`, type: 'stage.blocked', occurredAt: openedAt, data: { stageIndex: index, stage: def.name, round: state.round, reason: failure.message } }],
        notifications: [adminAlert(`stage:${index}:r${state.round}:blocked`, { stage: def.name, reason: failure.message })],
        ...(operatorAttributes ? { proposal: { status: 'in_review' as const, currentStage: index, currentStageName: def.name, stageOpenedAt: openedAt } } : {}),
      });
      if (operatorAttributes) state.status = 'in_review';
      if (batched) setSearchAttributes();
      return false;
    }
    state.blocked = null;
    const tasks = slots.map((s, slot) => newTask(index, slot, s, openedAt));
    state.tasks.push(...tasks);
    const created = tasks.map(taskCreated);
    await persist({
      events: [
        { key: `stage:${index}:r${state.round}:opened`, type: 'stage.opened', occurredAt: openedAt, data: { stageIndex: index, stage: def.name, mode: def.mode, round: state.round } },
        ...created.map((c) => c.event),
      ],
      tasks: created.map((c) => c.row),
      proposal: { status: 'in_review', currentStage: index, currentStageName: def.name, stageOpenedAt: openedAt },
      notifications: created.flatMap((c) => c.notice),
    });
    // The record now says in_review; so must EstafetStatus (runs before the patch set it only after the upsert).
    if (operatorAttributes) state.status = 'in_review';
    setSearchAttributes();
    return true;
  };

  /** Waits until the stage round is settled by decisions or a timeout policy, or the approval is closed. */
  const awaitStage = async (index: number, resolvable: boolean): Promise<StageOutcome | 'closed' | 'timed-out'> => {
    const def = stage(index);
    for (;;) {
      if (closing) return 'closed';
      if (resolvable) {
        const outcome = stageOutcome(def.mode, slotTasks(index));
        if (outcome !== 'pending') return outcome;
      }
      const wake = resolvable ? nextWake(def, slotTasks(index)) : null;
      const woken = () => !!closing || (writesInFlight === 0 && decisionsProcessed < decisionsApplied) || (quiet() && wantsContinueAsNew());
      const signalled = wake === null ? (await condition(woken), true) : await condition(woken, Math.max(1, wake - Date.now()));
      if (closing) return 'closed';
      if (!signalled) {
        if ((await handleTimers(index)) === 'returned') return 'timed-out';
        continue;
      }
      if (decisionsProcessed < decisionsApplied) {
        const upTo = decisionsApplied;
        if (stageOutcome(def.mode, slotTasks(index)) === 'pending') {
          // Decisions that settle nothing yet are written on their own.
          if (carried) await persist({ events: [] });
          decisionsProcessed = upTo;
        }
        continue;
      }
      if (quiet() && wantsContinueAsNew()) await handOver();
    }
  };

  /** Records how a stage round ended and what that means for the proposal. */
  const settle = async (index: number, outcome: Exclude<StageOutcome, 'pending'>, cause: 'decision' | 'timeout') => {
    const upTo = decisionsApplied;
    const def = stage(index);
    const left = slotTasks(index).filter((t) => t.status === 'open');
    const leftStatus = cause === 'timeout' ? 'expired' : 'cancelled';
    for (const t of left) t.status = leftStatus;
    const settledAt = now();
    const isLast = index === stages.length - 1;
    if (outcome !== 'approved' || isLast) state.status = outcome;
    const ended = outcome !== 'approved' || isLast;
    const batch: Omit<RecordBatch, 'proposalId'> = {
      events: [
        { key: `stage:${index}:r${state.round}:${outcome}`, type: `stage.${outcome}`, occurredAt: settledAt, data: { stageIndex: index, stage: def.name, round: state.round, cause, closedTasks: left.map((t) => t.taskId) } },
        ...(ended
          ? [{ key: `proposal:${outcome}:r${state.round}`, type: `proposal.${outcome}`, occurredAt: settledAt, data: { stageIndex: index, round: state.round, cause } }]
          : []),
      ],
      tasks: left.map((t) => ({ id: t.taskId, status: leftStatus, decidedAt: settledAt })),
      proposal: ended ? { status: state.status, decidedAt: outcome === 'returned' ? null : settledAt } : undefined,
      notifications: ended
        ? [{ key: `proposal:${outcome}:r${state.round}:proposer`, kind: 'proposal.decided', recipientPersonId: input.proposerPersonId, payload: { status: state.status, stage: def.name } }]
        : [],
    };
    if (outcome === 'approved' && !isLast) state.stageIndex = index + 1;
    if (batched && !ended) {
      // The next stage opens (or is skipped) right away: its write carries this one.
      carryIntoNextWrite(batch, upTo);
      return;
    }
    await persist(batch);
    setSearchAttributes();
    decisionsProcessed = upTo;
  };

  /** Returned for revision: waits for the proposer to resubmit (a new round at the same stage) or for a close. */
  const awaitResubmission = async () => {
    for (;;) {
      await condition(() => !!closing || !!resubmission || (quiet() && wantsContinueAsNew()));
      if (closing) return;
      if (resubmission) break;
      await handOver();
    }
    const r = resubmission!;
    state.round += 1;
    state.status = 'in_review';
    state.proposalVersion = r.proposalVersion;
    state.facts = r.facts;
    await persist({
      events: [{
        key: `proposal:resubmitted:r${state.round}`,
        type: 'proposal.resubmitted',
        occurredAt: now(),
        actorPersonId: r.actorPersonId,
        data: { round: state.round, stageIndex: state.stageIndex, proposalVersion: r.proposalVersion, facts: r.facts, note: r.note ?? null, snapshot: r.snapshot ?? null },
      }],
      proposal: { status: 'in_review', round: state.round, escalated: false, decidedAt: null },
    });
    // The title may have changed in the revision: the memo follows, so the Temporal UI shows the current one.
    const title = r.snapshot?.title;
    if (operatorAttributes && typeof title === 'string' && title !== workflowInfo().memo?.title) upsertMemo({ title });
    setSearchAttributes();
    resubmitResult = { round: state.round, stageIndex: state.stageIndex, proposalStatus: state.status };
    resubmission = null;
  };

  if (!input.carried) {
    const submitted: Omit<RecordBatch, 'proposalId'> = {
      events: [{
        key: 'submitted',
        type: 'proposal.submitted',
        occurredAt: now(),
        actorPersonId: input.proposerPersonId,
        data: { template: input.template, proposalVersion: input.proposalVersion, facts: input.facts, snapshot: input.snapshot ?? null },
      }],
      proposal: { status: 'submitted', submittedAt: now(), round: 1 },
    };
    // The first stage opens (or is skipped) right away, so its write carries the submission.
    if (batched) carryIntoNextWrite(submitted, null);
    else await persist(submitted);
  }
  // Search attributes change with every write that moves the approval; batched, the first stage's
  // opening sets them, one upsert (a history event) fewer.
  if (!batched || input.carried) setSearchAttributes();

  while (!isFinal()) {
    if (closing) {
      await close();
      break;
    }
    if (state.status === 'returned') {
      await awaitResubmission();
      continue;
    }
    const index = state.stageIndex;
    const def = stage(index);
    const skipKey = state.round * 1000 + index;
    const opened = state.tasks.some((t) => t.stageIndex === index && t.round === state.round);
    if (!opened && !state.skipped.includes(skipKey) && !conditionHolds(def.condition, state.facts)) {
      state.skipped.push(skipKey);
      await persist({
        events: [{ key: `stage:${index}:r${state.round}:skipped`, type: 'stage.skipped', occurredAt: now(), data: { stageIndex: index, stage: def.name, round: state.round, condition: def.condition ?? null, facts: state.facts } }],
      });
    }
    if (state.skipped.includes(skipKey)) {
      if (index === stages.length - 1) {
        state.status = 'approved';
        const at = now();
        await persist({
          events: [{ key: `proposal:approved:r${state.round}`, type: 'proposal.approved', occurredAt: at, data: { stageIndex: index, round: state.round, cause: 'decision' } }],
          proposal: { status: 'approved', decidedAt: at },
          notifications: [{ key: `proposal:approved:r${state.round}:proposer`, kind: 'proposal.decided', recipientPersonId: input.proposerPersonId, payload: { status: 'approved' } }],
        });
        setSearchAttributes();
      } else {
        state.stageIndex = index + 1;
      }
      continue;
    }
    const resolvable = opened ? true : await openStage(index);
    // Whatever was carried must be in the record before the stage waits for people.
    if (carried) await persist({ events: [] });
    state.status = 'in_review';
    const outcome = await awaitStage(index, resolvable);
    if (outcome === 'closed') continue;
    if (outcome === 'timed-out') await settle(index, 'returned', 'timeout');
    else await settle(index, outcome as Exclude<StageOutcome, 'pending'>, 'decision');
  }

  await condition(allHandlersFinished);
  return state;
}

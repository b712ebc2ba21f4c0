import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  uuid4,
} from '@temporalio/workflow';
import type { ApprovalActivities } from '../activities/approval.activities';
import {
  ApprovalState,
  ApprovalWorkflowInput,
  decideUpdate,
  DecisionFailure,
  DecisionInput,
  DecisionResult,
  stateQuery,
  TaskState,
} from '../libs/contracts/approval.contract';
import { SA_NEXT_DUE, SA_STAGE, SA_STATUS, SA_TEMPLATE, SA_UNIT } from '../libs/contracts/search-attributes';
import { StageDefinition, stageOutcome } from '../libs/domain/chain';
import { durationToMs } from '../libs/domain/duration';
import type { ProposalStatus } from '../libs/domain/proposal';
import type { RecordBatch } from '../libs/persistence/record.store';

const { resolveApprovers, record } = proxyActivities<ApprovalActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    // The record must eventually be written: retry transient failures without limit; domain errors
    // are raised as non-retryable ApplicationFailures.
    nonRetryableErrorTypes: ['ApproverNotFound'],
  },
});

const FINAL: ProposalStatus[] = ['approved', 'rejected', 'returned', 'withdrawn'];

/** One workflow per proposal: the single writer of its approval state. */
export async function approvalWorkflow(input: ApprovalWorkflowInput): Promise<ApprovalState> {
  const state: ApprovalState = { proposalId: input.proposalId, status: 'submitted', stageIndex: -1, round: 1, tasks: [] };
  const now = () => new Date(Date.now()).toISOString();

  // Writes go out one at a time, in the order the workflow decided them, so the hash chain reads
  // in the order things happened.
  let tail: Promise<unknown> = Promise.resolve();
  const persist = (batch: Omit<RecordBatch, 'proposalId'>): Promise<void> => {
    const next = tail.then(() => record({ proposalId: input.proposalId, ...batch }));
    tail = next.catch(() => undefined);
    return next;
  };

  // Decisions accepted by the update handler vs. decisions whose consequences the main loop has
  // persisted; an update returns only once its consequences are in the read model.
  let decisionsApplied = 0;
  let decisionsProcessed = 0;
  let writesInFlight = 0;

  const stageTasks = (stageIndex: number) =>
    state.tasks.filter((t) => t.stageIndex === stageIndex && t.round === state.round && t.status !== 'reassigned');
  const stage = (index: number): StageDefinition => input.chain.stages[index];

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
    if (task.status !== 'open' || stageOutcome(stage(task.stageIndex).mode, stageTasks(task.stageIndex)) !== 'pending') {
      const by = task.decidedByName ?? state.tasks.find((t) => t.stageIndex === task.stageIndex && t.decidedByName)?.decidedByName;
      throw fail(DecisionFailure.AlreadyDecided, `This task is already decided${by ? ` by ${by}` : ''}.`, { decidedBy: by ?? null });
    }
    if (task.assigneePersonId !== d.actorPersonId) {
      throw fail(DecisionFailure.NotAssignee, 'You are not the person acting for the post this task is addressed to.');
    }
    if ((d.decision === 'reject' || d.decision === 'return') && !d.comment?.trim()) {
      throw fail(DecisionFailure.ReasonRequired, `A ${d.decision === 'reject' ? 'rejection' : 'return'} needs a reason.`);
    }
    if (d.decision === 'return' && !stage(task.stageIndex).mayReturn) {
      throw fail(DecisionFailure.ReturnNotAllowed, 'This stage may not return the proposal for revision.');
    }
    return task;
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
      writesInFlight++;
      try {
        await persist({
          events: [
            {
              key: `task:${task.taskId}:decided`,
              type: 'task.decided',
              occurredAt: decidedAt,
              actorPersonId: d.actorPersonId,
              actorPositionId: task.positionId,
              capacity: task.capacity,
              data: { taskId: task.taskId, stageIndex: task.stageIndex, round: task.round, decision: d.decision, comment: d.comment ?? null },
            },
          ],
          tasks: [{ id: task.taskId, status: task.status, decision: d.decision, comment: d.comment ?? null, decidedAt, decidedByPersonId: d.actorPersonId }],
        });
      } finally {
        writesInFlight--;
      }
      await condition(() => decisionsProcessed >= generation);
      return {
        taskId: task.taskId,
        decision: d.decision,
        decidedAt,
        actorPersonId: d.actorPersonId,
        actorPositionId: task.positionId,
        capacity: task.capacity ?? 'definitif',
        proposalStatus: state.status,
      };
    },
    { validator: (d: DecisionInput) => void checkDecision(d) },
  );

  const setSearchAttributes = () =>
    upsertSearchAttributes([
      { key: SA_STATUS, value: state.status },
      { key: SA_STAGE, value: state.stageIndex >= 0 ? stage(state.stageIndex).name : null },
      { key: SA_UNIT, value: input.unitId },
      { key: SA_TEMPLATE, value: `${input.template.code}@${input.template.version}` },
      {
        key: SA_NEXT_DUE,
        value: (() => {
          const due = state.tasks.filter((t) => t.status === 'open' && t.dueAt).map((t) => t.dueAt as string).sort()[0];
          return due ? new Date(due) : null;
        })(),
      },
    ]);

  // Submission.
  await persist({
    events: [{ key: 'submitted', type: 'proposal.submitted', occurredAt: now(), actorPersonId: input.proposerPersonId, data: { template: input.template } }],
    proposal: { status: 'submitted', submittedAt: now() },
  });
  setSearchAttributes();

  for (let index = 0; index < input.chain.stages.length; index++) {
    const def = stage(index);
    state.stageIndex = index;
    state.status = 'in_review';
    const openedAt = now();
    const slots = await resolveApprovers({ proposalId: input.proposalId, unitId: input.unitId, selectors: def.approvers, at: openedAt });
    const dueAt = def.sla ? new Date(Date.now() + durationToMs(def.sla)).toISOString() : null;
    const tasks: TaskState[] = slots.map((s) => ({
      taskId: uuid4(),
      stageIndex: index,
      round: state.round,
      positionId: s.positionId,
      assigneePersonId: s.personId,
      assigneeName: s.personName,
      capacity: s.capacity,
      status: 'open',
      dueAt,
    }));
    state.tasks.push(...tasks);
    await persist({
      events: [
        { key: `stage:${index}:r${state.round}:opened`, type: 'stage.opened', occurredAt: openedAt, data: { stageIndex: index, stage: def.name, mode: def.mode, round: state.round } },
        ...tasks.map((t) => ({
          key: `task:${t.taskId}:created`,
          type: 'task.created',
          occurredAt: openedAt,
          actorPersonId: t.assigneePersonId,
          actorPositionId: t.positionId,
          capacity: t.capacity,
          data: { taskId: t.taskId, stageIndex: index, round: t.round, dueAt: t.dueAt, assignee: t.assigneeName },
        })),
      ],
      tasks: tasks.map((t) => ({
        id: t.taskId,
        stageIndex: index,
        stageName: def.name,
        round: t.round,
        positionId: t.positionId,
        assigneePersonId: t.assigneePersonId,
        capacity: t.capacity,
        status: 'open' as const,
        createdAt: openedAt,
        dueAt: t.dueAt,
      })),
      proposal: { status: 'in_review', currentStage: index, currentStageName: def.name },
    });
    setSearchAttributes();

    // Wait until the stage is settled, acknowledging decisions that leave it pending.
    let settled = stageOutcome(def.mode, stageTasks(index));
    while (settled === 'pending') {
      await condition(() => writesInFlight === 0 && decisionsProcessed < decisionsApplied);
      const upTo = decisionsApplied;
      settled = stageOutcome(def.mode, stageTasks(index));
      if (settled === 'pending') decisionsProcessed = upTo;
    }
    const upTo = decisionsApplied;

    const leftOpen = stageTasks(index).filter((t) => t.status === 'open');
    for (const t of leftOpen) t.status = 'cancelled';
    const settledAt = now();
    const isLast = index === input.chain.stages.length - 1;
    if (settled !== 'approved' || isLast) state.status = settled;
    await persist({
      events: [
        { key: `stage:${index}:r${state.round}:${settled}`, type: `stage.${settled}`, occurredAt: settledAt, data: { stageIndex: index, stage: def.name, round: state.round, cancelledTasks: leftOpen.map((t) => t.taskId) } },
        ...(FINAL.includes(state.status) ? [{ key: `proposal:${state.status}`, type: `proposal.${state.status}`, occurredAt: settledAt, data: { stageIndex: index } }] : []),
      ],
      tasks: leftOpen.map((t) => ({ id: t.taskId, status: 'cancelled' as const })),
      proposal: FINAL.includes(state.status) ? { status: state.status, decidedAt: settledAt } : undefined,
    });
    setSearchAttributes();
    decisionsProcessed = upTo;
    if (settled !== 'approved') break;
  }

  await condition(allHandlersFinished);
  return state;
}

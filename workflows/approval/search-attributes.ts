import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { ApprovalState, ApprovalWorkflowInput } from '@libs/contracts/approval.contract';
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
import { blockedHere, isFinal, openTasks } from './task-state';

/** What the current stage waits on besides a decision (EstafetWaiting): nothing once the approval ended or was returned. */
export function waitingOn(state: ApprovalState): string | null {
  if (isFinal(state) || state.status === 'returned') return null;
  if (blockedHere(state)) return WAITING_BLOCKED;
  return openTasks(state).some((t) => !t.assigneePersonId) ? WAITING_VACANT : null;
}

/** When the current stage round opened: its first task's clock, or the moment it was found blocked. */
export function stageOpenedAt(state: ApprovalState): string | null {
  if (blockedHere(state)) return state.blocked!.since;
  const clocks = state.tasks.filter((t) => t.stageIndex === state.stageIndex && t.round === state.round).map((t) => t.openedAt ?? t.createdAt);
  return clocks.sort()[0] ?? null;
}

/**
 * The search attributes of an approval in this state, and the key they are compared by: upserting
 * is a history event, so the workflow upserts only when the key changed. Runs without the
 * `operator-attributes` patch keep their old key exactly: it decides which upserts they make on replay.
 */
export function searchAttributes(
  state: ApprovalState,
  input: Pick<ApprovalWorkflowInput, 'chain' | 'unitId' | 'unitCode' | 'template'>,
  operatorAttributes: boolean,
): { key: string; updates: SearchAttributeUpdatePair[] } {
  const due = openTasks(state).map((t) => t.dueAt).filter((d): d is string => !!d).sort()[0];
  const escalated = state.tasks.some((t) => t.round === state.round && t.escalationLevel > 0);
  const waiting = operatorAttributes ? waitingOn(state) : null;
  const openedAt = operatorAttributes ? stageOpenedAt(state) : null;
  const key = JSON.stringify(operatorAttributes
    ? [state.status, state.stageIndex, state.round, escalated, due ?? null, waiting, openedAt]
    : [state.status, state.stageIndex, state.round, escalated, due ?? null]);
  const updates: SearchAttributeUpdatePair[] = [
    { key: SA_STATUS, value: state.status },
    { key: SA_STAGE, value: input.chain.stages[state.stageIndex]?.name ?? null },
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
  ];
  return { key, updates };
}

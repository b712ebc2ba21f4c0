import { defineSignal } from '@temporalio/workflow';

/** Shared by the API, the worker and the continuity workflow. Must bundle: no Node or Nest imports. */

/**
 * The one long-running workflow that keeps open tasks with whoever acts for their posts: it wakes when
 * an appointment, Plt./Plh. term or delegation starts or ends by date, when the organization changes,
 * and periodically, and signals approvals whose open tasks sit with the wrong person.
 */
export const continuityWorkflowId = (taskQueue: string): string => `estafet-continuity-${taskQueue}`;

export interface ContinuityInput {
  /** Everything up to this moment has been applied (set by continue-as-new). */
  cursor?: string;
  /** How often a full check runs even when nothing is due (ISO-8601 duration); default PT1M. */
  sweepEvery?: string;
}

/** Something changed in the organization now; check again without waiting for the next boundary. */
export const orgChangedSignal = defineSignal<[]>('orgChanged');

export const DEFAULT_SWEEP_EVERY = 'PT1M';
/** History events after which the workflow hands over to a fresh run. */
export const CONTINUITY_CONTINUE_AS_NEW_AFTER = 1000;

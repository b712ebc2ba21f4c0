import type { Decision } from './api-types';

/** The API's rule (and the workflow's): a rejection or a return needs a reason; blanks do not count. */
export const needsReason = (decision: Decision) => decision !== 'approve';
/** The longest Catatan the API accepts (DecisionDto). */
export const MAX_COMMENT = 5000;
/**
 * Approving and rejecting are asked once more, with what will follow: they move the proposal on or
 * end it. A return only sends it back to the proposer, whose resubmission reopens the stage.
 */
export const needsConfirmation = (decision: Decision): decision is 'approve' | 'reject' => decision !== 'return';

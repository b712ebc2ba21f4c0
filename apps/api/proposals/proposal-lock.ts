import { conflict, unavailable } from '@libs/http/domain-error';
import type { HeldLockOptions } from '@libs/persistence/advisory-lock';

/**
 * The proposal lock's waits and answers. The API's own changes of one proposal (edit, submit, resubmit,
 * withdrawal of a draft) happen one at a time: without it an edit could land between the moment a
 * submission reads the content and the moment the workflow marks the proposal as under review, and the
 * approvers would then decide on a version other than the one the proposal row shows.
 */
export const PROPOSAL_LOCK: HeldLockOptions = {
  // How long a request waits for another change of the same proposal to finish before answering 409.
  waitFor: '5s',
  busy: () => conflict('PROPOSAL_BUSY', 'Another change of this proposal is in progress; try again in a moment.'),
  // How long a request waits for one of the process's lock slots before answering 503.
  slotWaitMs: 2000,
  saturated: () => unavailable('The server is busy with other changes to proposals; retry in a moment.'),
};

import type { Decision } from '@apps/web/src/lib/api-types';

/** The API's rule (and the workflow's): a rejection or a return needs a reason; blanks do not count. */
export const needsReason = (decision: Decision) => decision !== 'approve';
export const MAX_COMMENT = 5000;

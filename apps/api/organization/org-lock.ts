import { conflict } from '@libs/http/domain-error';
import type { LockOptions } from '@libs/persistence/advisory-lock';

/**
 * How a change of the organization waits for the organization's lock (see OrganizationChanges).
 * Changes of the organization are rare, so taking them one at a time costs nothing; reads never wait.
 * A change waits up to 30 s for another one (e.g. a running import) before answering 409.
 */
export const ORGANIZATION_LOCK: LockOptions = {
  waitFor: '30s',
  busy: () => conflict('ORGANIZATION_BUSY', 'Another change of the organization (e.g. an import) is in progress; try again in a moment.'),
};

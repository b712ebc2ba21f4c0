import { unprocessable } from '../../../libs/http/domain-error';

/** Same rule as the decision endpoint's (apps/api/tasks/tasks.controller.ts), so clients use one key format. */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,100}$/;

/** A version number, bare or as an entity tag: 3, "3" or W/"3". */
const VERSION_TAG = /^(?:W\/)?"?([1-9]\d{0,8})"?$/;

export function idempotencyKey(header: string | undefined): string | undefined {
  if (header !== undefined && !IDEMPOTENCY_KEY.test(header)) {
    throw unprocessable('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1-100 characters of letters, digits, . _ : -', [
      { field: 'Idempotency-Key', messages: ['must be 1-100 characters of letters, digits, . _ : -'] },
    ]);
  }
  return header;
}

/** The content version an edit was made against (If-Match), when the client names one. */
export function expectedVersion(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = VERSION_TAG.exec(header.trim());
  if (!match) {
    throw unprocessable('INVALID_IF_MATCH', 'If-Match must be the proposal version the edit was made on, e.g. 3 or "3".', [
      { field: 'If-Match', messages: ['must be a proposal version such as 3 or "3"'] },
    ]);
  }
  return Number(match[1]);
}

import { unprocessable } from '@libs/http/domain-error';

export { idempotencyKey } from '@libs/http/idempotency-key';

/** A version number, bare or as an entity tag: 3, "3" or W/"3". */
const VERSION_TAG = /^(?:W\/)?"?([1-9]\d{0,8})"?$/;

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

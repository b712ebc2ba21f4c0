import { createHash } from 'node:crypto';
import { canonicalJson } from '@libs/domain/history-hash';

/**
 * The one rule for every write that takes an Idempotency-Key:
 * - the same key with the same request answers the first result, however late the retry;
 * - the same key with a different request is refused (422 IDEMPOTENCY_KEY_REUSED) naming what differs;
 * - a key whose first request was refused before it changed anything may be used again.
 * "The same request" means the same operation on the same object with the same meaningful fields.
 */
export interface RequestIdentity {
  /** `decision`, `resubmit`, `cancel`, `assign`. */
  operation: string;
  /** The object acted on (task id, proposal id). */
  target: string;
  /** The fields that make the request what it is, normalised (trimmed text, sorted ids, nulls for absence). */
  request: Record<string, unknown>;
}

export function fingerprintOf(identity: RequestIdentity): string {
  return createHash('sha256').update(canonicalJson(identity)).digest('hex');
}

/** What makes `next` another request than `first`: `operation`, `target`, or the names of differing fields. */
export function differencesBetween(first: RequestIdentity, next: RequestIdentity): string[] {
  if (first.operation !== next.operation) return ['operation'];
  if (first.target !== next.target) return ['target'];
  const fields = new Set([...Object.keys(first.request), ...Object.keys(next.request)]);
  return [...fields].filter((f) => canonicalJson(first.request[f] ?? null) !== canonicalJson(next.request[f] ?? null)).sort();
}

const OPERATION_NAMES: Record<string, string> = {
  decision: 'a decision',
  resubmit: 'a resubmission',
  cancel: 'a cancellation',
  assign: 'a Disposisi',
};

/** The sentence that names, for the client, why its key is refused. */
export function reuseMessage(first: RequestIdentity, differences: string[]): string {
  const what = OPERATION_NAMES[first.operation] ?? 'another request';
  if (differences[0] === 'operation') return `was already used for ${what}`;
  if (differences[0] === 'target') return `was already used for ${what} on another object (${first.target})`;
  if (differences.length === 0) return `was already used for ${what} that has since been superseded`;
  return `was already used for ${what} with a different ${differences.join(', ')}`;
}

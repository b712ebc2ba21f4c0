import { createHash } from 'node:crypto';

/**
 * Canonical JSON: object keys sorted, no insignificant whitespace, `undefined` dropped. The same
 * fact always encodes to the same bytes, so its hash can be recomputed years later.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('non-finite number in record');
    return JSON.stringify(value);
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface HashableEvent {
  id: string;
  proposalId: string;
  seq: number;
  type: string;
  occurredAt: string;
  actorPersonId: string | null;
  actorPositionId: string | null;
  capacity: string | null;
  data: Record<string, unknown>;
  prevHash: string | null;
}

/** sha-256 over the canonical encoding of the event including the previous row's hash. */
export function hashEvent(event: HashableEvent): string {
  return createHash('sha256').update(canonicalJson(event)).digest('hex');
}

/** A name-based UUID (RFC 9562 version 8 layout over sha-256): the same name always gives the same id. */
export function deterministicUuid(name: string): string {
  const bytes = createHash('sha256').update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface ChainLink {
  id: string;
  seq: number;
  prevHash: string | null;
  hash: string;
}

export type ChainVerification =
  | { valid: true; count: number }
  | { valid: false; count: number; brokenAt: { id: string; seq: number; reason: string } };

/** Walks a proposal's history in order and names the first row whose hash or link does not hold. */
export function verifyChain(rows: (HashableEvent & { hash: string })[]): ChainVerification {
  let prev: string | null = null;
  for (const [index, row] of rows.entries()) {
    const { hash, ...hashable } = row;
    if (row.seq !== index + 1) {
      return { valid: false, count: rows.length, brokenAt: { id: row.id, seq: row.seq, reason: `expected sequence ${index + 1}` } };
    }
    if (row.prevHash !== prev) {
      return { valid: false, count: rows.length, brokenAt: { id: row.id, seq: row.seq, reason: 'link to the previous row does not match' } };
    }
    if (hashEvent(hashable) !== hash) {
      return { valid: false, count: rows.length, brokenAt: { id: row.id, seq: row.seq, reason: 'content does not match its hash' } };
    }
    prev = hash;
  }
  return { valid: true, count: rows.length };
}

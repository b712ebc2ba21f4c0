/*
 * What the admin audit log keeps of a request: enough to see what was asked, never a secret, and
 * never a whole five-megabyte import.
 */

/** Keys whose values are never stored, at any depth. */
const SECRET_KEY = /pass(word|wd)?$|secret|token|api[-_]?key|authorization|cookie|credential|private[-_]?key/i;

export const SUMMARY_LIMITS = { stringLength: 300, arrayItems: 20, objectKeys: 40, depth: 5, jsonLength: 16_000 } as const;
export const REDACTED = '[redacted]';

/**
 * Postgres text and jsonb hold neither U+0000 nor half of a surrogate pair (which cutting a string
 * can also leave): both become U+FFFD, so that the row of a request is written whatever it held.
 */
export const storable = (text: string) => text.replace(/\u0000|\p{Cs}/gu, '\uFFFD');

/** A copy of `value` with secrets redacted and long strings, arrays, objects and deep nesting cut. */
export function summarize(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value === 'string') {
    return storable(value.length > SUMMARY_LIMITS.stringLength ? `${value.slice(0, SUMMARY_LIMITS.stringLength)}… (${value.length} characters)` : value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `(${value.length} bytes)`;
  if (typeof value !== 'object') return `(${typeof value})`;
  if (depth >= SUMMARY_LIMITS.depth) return Array.isArray(value) ? `(${value.length} items)` : '(object)';
  if (Array.isArray(value)) {
    const kept = value.slice(0, SUMMARY_LIMITS.arrayItems).map((item) => summarize(item, depth + 1));
    return value.length > SUMMARY_LIMITS.arrayItems ? [...kept, `… ${value.length - SUMMARY_LIMITS.arrayItems} more`] : kept;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries.slice(0, SUMMARY_LIMITS.objectKeys)) {
    out[storable(key)] = SECRET_KEY.test(key) ? REDACTED : summarize(item, depth + 1);
  }
  if (entries.length > SUMMARY_LIMITS.objectKeys) out['…'] = `${entries.length - SUMMARY_LIMITS.objectKeys} more keys`;
  return out;
}

/** The request's path parameters, query and body, summarized; parts that are empty are left out. */
export function requestSummary(parts: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parts)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) continue;
    out[key] = summarize(value);
  }
  const json = JSON.stringify(out);
  // A last guard for summaries that are still large (many long fields): keep the shape, not the text.
  return json.length > SUMMARY_LIMITS.jsonLength ? { truncated: true, length: json.length, keys: Object.keys(out) } : out;
}

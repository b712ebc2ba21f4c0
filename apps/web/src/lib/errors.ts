import type { FieldError } from './api-types';

/** The API's one error shape: `{ statusCode, error, code, message, details?, correlationId }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
    readonly correlationId: string | null,
    /** The request's method: a refused GET is a page or list that could not be read. */
    readonly method = 'GET',
  ) {
    super(message);
  }

  /** Field-level messages (422 VALIDATION_FAILED and friends), keyed by field path. */
  get fields(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    if (Array.isArray(this.details)) {
      for (const d of this.details as Partial<FieldError>[]) {
        if (typeof d?.field === 'string' && Array.isArray(d.messages)) out[d.field] = [...(out[d.field] ?? []), ...d.messages];
      }
    }
    return out;
  }
}

/** The field-level messages of a 422 for one field, if any. */
export function fieldMessages(error: unknown, field: string): string[] {
  return error instanceof ApiError ? (error.fields[field] ?? []) : [];
}

/** The field errors of a refusal (a 422's details), as the API lists them. */
export function fieldErrorsOf(error: unknown): FieldError[] {
  return error instanceof ApiError && Array.isArray(error.details) ? (error.details as FieldError[]).filter((d) => typeof d?.field === 'string') : [];
}

/** A message for an error: a locale key, its namespace, and the values it names. */
export interface ErrorText {
  key: string;
  ns: string;
  values: Record<string, string>;
}

/** Who a refusal names, in the order a message prefers them (`refusals.<CODE>_<variant>`). */
const VARIANTS = ['decidedBy', 'escalatedTo', 'reassignedTo'] as const;

/**
 * What to tell the reader about a failure, never the API's own (English, technical) sentence: a code
 * the area knows (`refusals.<CODE>` in `ns`, with the person the details name, such as who decided);
 * else a code known app-wide (`errors.<CODE>`); else what the status means (`errors.byStatus.*`).
 * A GET refused as invalid (400/422) is an address that names nothing that can exist, such as
 * /usulan/not-a-uuid: it reads as not found.
 */
export function errorText(error: unknown, ns: string | undefined, exists: (key: string, ns: string) => boolean): ErrorText {
  const text = (key: string, values: Record<string, string> = {}, inNs = 'common'): ErrorText => ({ key, ns: inNs, values });
  if (!(error instanceof ApiError)) return text('errors.UNKNOWN');
  const badAddress = error.method === 'GET' && (error.status === 400 || error.status === 422);
  const code = badAddress ? 'NOT_FOUND' : error.code;
  const status = badAddress ? 404 : error.status;
  if (ns && exists(`refusals.${code}`, ns)) {
    const details = (error.details && typeof error.details === 'object' && !Array.isArray(error.details) ? error.details : {}) as Record<string, unknown>;
    const name = (k: string) => (typeof details[k] === 'string' ? (details[k] as string) : '');
    const variant = VARIANTS.find((v) => name(v) && exists(`refusals.${code}_${v}`, ns));
    return variant ? text(`refusals.${code}_${variant}`, { name: name(variant) }, ns) : text(`refusals.${code}`, { name: '' }, ns);
  }
  if (exists(`errors.${code}`, 'common')) return text(`errors.${code}`);
  return text(statusMessageKey(status));
}

/** The app-wide message for a status class, when no code of the answer is known. */
export function statusMessageKey(status: number): string {
  if (status === 0) return 'errors.NETWORK';
  if (status === 400 || status === 422) return 'errors.byStatus.invalid';
  if (status === 401) return 'errors.UNAUTHORIZED';
  if (status === 403) return 'errors.byStatus.forbidden';
  if (status === 404) return 'errors.byStatus.notFound';
  if (status === 409) return 'errors.byStatus.conflict';
  if (status === 429) return 'errors.byStatus.tooManyRequests';
  if (status >= 500) return 'errors.byStatus.server';
  return 'errors.UNKNOWN';
}

/**
 * Whether trying the same request again may succeed: the server could not be reached, was busy or in
 * trouble (0, 408, 429, 5xx). A page not found or not allowed stays so: no "Coba lagi" for it.
 */
export function retryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

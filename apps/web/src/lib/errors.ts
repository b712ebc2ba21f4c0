import type { FieldError } from './api-types';

/** The API's one error shape: `{ statusCode, error, code, message, details?, correlationId }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
    readonly correlationId: string | null,
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

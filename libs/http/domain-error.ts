import { HttpStatus } from '@nestjs/common';
import { Refusal, type RefusalKind } from '@libs/domain/refusal';

/**
 * An expected refusal with a stable code, mapped to HTTP in one place (the exception filter).
 * Services throw these; controllers never build HTTP errors by hand.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: HttpStatus,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id: string) => new DomainError('NOT_FOUND', `${what} ${id} was not found`, HttpStatus.NOT_FOUND);
export const forbidden = (code: string, message: string) => new DomainError(code, message, HttpStatus.FORBIDDEN);
export const conflict = (code: string, message: string, details?: unknown) => new DomainError(code, message, HttpStatus.CONFLICT, details);
export const unprocessable = (code: string, message: string, details?: unknown) =>
  new DomainError(code, message, HttpStatus.UNPROCESSABLE_ENTITY, details);
export const unavailable = (message: string) => new DomainError('SERVICE_UNAVAILABLE', message, HttpStatus.SERVICE_UNAVAILABLE);

const STATUS_OF: Record<RefusalKind, HttpStatus> = {
  'not-found': HttpStatus.NOT_FOUND,
  forbidden: HttpStatus.FORBIDDEN,
  conflict: HttpStatus.CONFLICT,
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/** The HTTP form of a refusal raised below the HTTP layer (libs/domain/refusal.ts); any other error as it is. */
export function asDomainError(err: unknown): unknown {
  if (err instanceof Refusal) return new DomainError(err.code, err.message, STATUS_OF[err.kind], err.details);
  return err;
}

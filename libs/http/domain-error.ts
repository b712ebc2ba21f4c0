import { HttpStatus } from '@nestjs/common';

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

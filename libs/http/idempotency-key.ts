import { ApiHeader } from '@nestjs/swagger';
import { unprocessable } from './domain-error';

/** One format for every endpoint that accepts an Idempotency-Key, since it becomes part of a Temporal Update id. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,100}$/;

/** The header's name as documented; Nest reads request headers by their lower-cased name whatever the case given. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/**
 * Documents the header with its format. Read it with `@Headers(IDEMPOTENCY_KEY_HEADER)`: Swagger
 * merges the two by name, and another spelling would document the header twice, once as required.
 */
export const ApiIdempotencyKey = (description: string) =>
  ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: false, description, schema: { type: 'string', pattern: IDEMPOTENCY_KEY.source, minLength: 1, maxLength: 100 } });

/** The Idempotency-Key header, checked; undefined when the client sent none. */
export function idempotencyKey(header: string | undefined): string | undefined {
  if (header !== undefined && !IDEMPOTENCY_KEY.test(header)) {
    throw unprocessable('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1-100 characters of letters, digits, . _ : -', [
      { field: 'Idempotency-Key', messages: ['must be 1-100 characters of letters, digits, . _ : -'] },
    ]);
  }
  return header;
}

import { unprocessable } from './domain-error';

/** One format for every endpoint that accepts an Idempotency-Key, since it becomes part of a Temporal Update id. */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,100}$/;

/** The Idempotency-Key header, checked; undefined when the client sent none. */
export function idempotencyKey(header: string | undefined): string | undefined {
  if (header !== undefined && !IDEMPOTENCY_KEY.test(header)) {
    throw unprocessable('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1-100 characters of letters, digits, . _ : -', [
      { field: 'Idempotency-Key', messages: ['must be 1-100 characters of letters, digits, . _ : -'] },
    ]);
  }
  return header;
}

/**
 * How a refusal reads to whoever asked, independent of the transport that carries it: the HTTP layer
 * maps each kind to a status (libs/http/domain-error.ts), so code below it (the Temporal gateway, the
 * stores) refuses without knowing of HTTP.
 */
export type RefusalKind = 'not-found' | 'forbidden' | 'conflict' | 'invalid' | 'unavailable';

/** An expected refusal with a stable code, a message for people and optional details. */
export class Refusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: RefusalKind,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

/** A backing service did not answer; the message says whether a retry is safe. */
export class ServiceUnavailable extends Refusal {
  constructor(message: string) {
    super('SERVICE_UNAVAILABLE', message, 'unavailable');
    this.name = 'ServiceUnavailable';
  }
}

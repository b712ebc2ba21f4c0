import { randomUUID } from 'node:crypto';
import { Global, HttpStatus, Injectable, Module } from '@nestjs/common';
import { IdempotencyStore } from '@libs/persistence/idempotency.store';
import { asDomainError, DomainError, unprocessable } from './domain-error';
import { differencesBetween, fingerprintOf, RequestIdentity, reuseMessage } from './idempotency-rule';

export interface IdempotentRun<T> {
  /**
   * Does the work. `updateKey` goes into the Temporal Update id: with a key it carries the request's
   * fingerprint, so two different requests never share an Update id and Temporal never answers one
   * with the other's result.
   */
  perform: (updateKey: string) => Promise<T>;
  /**
   * Whether a stored first result still answers this request (e.g. a resubmission followed by another
   * return cannot be a retry any more). Absent: always.
   */
  stillAnswers?: (first: T) => boolean | Promise<boolean>;
}

const reused = (first: RequestIdentity, differences: string[]) => {
  const why = reuseMessage(first, differences);
  return unprocessable('IDEMPOTENCY_KEY_REUSED', `This Idempotency-Key ${why}; use a new key for a new request.`, [{ field: 'Idempotency-Key', messages: [why] }]);
};

/** Applies the Idempotency-Key rule (libs/http/idempotency-rule.ts) around a write. */
@Injectable()
export class IdempotentRequests {
  constructor(private readonly store: IdempotencyStore) {}

  async run<T>(personId: string, key: string | undefined, identity: RequestIdentity, run: IdempotentRun<T>): Promise<T> {
    if (key === undefined) return run.perform(randomUUID());
    const fingerprint = fingerprintOf(identity);
    const { fresh, bound } = await this.store.claim(personId, key, { ...identity, fingerprint });
    if (!fresh && bound.fingerprint !== fingerprint) throw reused(bound, differencesBetween(bound, identity));
    if (bound.response !== null && bound.response !== undefined) {
      const first = bound.response as T;
      if (run.stillAnswers && !(await run.stillAnswers(first))) throw reused(bound, []);
      return first;
    }
    let result: T;
    try {
      result = await run.perform(`${key}:${fingerprint.slice(0, 16)}`);
    } catch (err) {
      // Refused before anything changed: the key was not used for an effect. A 503 or any other
      // failure leaves it bound, since the first attempt may still be applied.
      const refused = asDomainError(err);
      if (refused instanceof DomainError && refused.status < HttpStatus.INTERNAL_SERVER_ERROR) await this.store.release(personId, key, fingerprint);
      throw err;
    }
    await this.store.complete(personId, key, fingerprint, result);
    return result;
  }
}

@Global()
@Module({ providers: [IdempotentRequests], exports: [IdempotentRequests] })
export class IdempotencyModule {}

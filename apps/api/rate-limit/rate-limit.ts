import { applyDecorators, ExecutionContext, HttpStatus, Injectable, Module, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerGuard, ThrottlerModule, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { AuthUser } from '@libs/auth/auth.types';
import { AppConfig } from '@libs/config/app-config.service';
import { parseRateLimit } from '@libs/config/environment';
import { DomainError } from '@libs/http/domain-error';

/**
 * The rate-limited kinds of request. Each is one budget per client shared by every route in it: a
 * person (when signed in) or an IP address (otherwise), over a sliding window.
 */
export const RATE_LIMIT_BUCKETS = ['sign-in', 'decisions'] as const;
export type RateLimitBucket = (typeof RATE_LIMIT_BUCKETS)[number];

const BUCKET = 'estafet:rateLimitBucket';
const reflector = new Reflector();
const bucketOf = (context: ExecutionContext) =>
  reflector.getAllAndOverride<RateLimitBucket | undefined>(BUCKET, [context.getHandler(), context.getClass()]);

const SETTING: Record<RateLimitBucket, 'RATE_LIMIT_SIGN_IN' | 'RATE_LIMIT_DECISIONS'> = {
  'sign-in': 'RATE_LIMIT_SIGN_IN',
  decisions: 'RATE_LIMIT_DECISIONS',
};

const WHAT: Record<RateLimitBucket, string> = {
  'sign-in': 'sign-in attempts from this address',
  decisions: 'decisions and task moves by this person',
};

/**
 * @nestjs/throttler with Estafet's rules: the client is the signed-in person, else the IP address;
 * one budget per bucket across its routes; the refusal is a 429 in the API's error shape with a
 * Retry-After header; the informational headers without the bucket suffix (X-RateLimit-Limit, …).
 * Runs after the global AuthGuard (it is a route guard), so the person is known.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const user = req.user as AuthUser | undefined;
    return user?.personId ? `person:${user.personId}` : `ip:${await super.getTracker(req)}`;
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, bucket: string): string {
    return `${bucket}:${tracker}`;
  }

  protected override setResponseHeader(res: Record<string, unknown>, name: string, value: string | number): void {
    const bucket = RATE_LIMIT_BUCKETS.find((b) => name.endsWith(`-${b}`));
    super.setResponseHeader(res, bucket ? name.slice(0, -bucket.length - 1) : name, value);
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const bucket = bucketOf(context) ?? 'decisions';
    const retryAfterSeconds = Math.max(1, detail.timeToBlockExpire);
    const windowSeconds = Math.round(detail.ttl / 1000);
    const { res } = this.getRequestResponse(context);
    this.setResponseHeader(res, 'Retry-After', retryAfterSeconds);
    this.setResponseHeader(res, `${this.headerPrefix}-Limit`, detail.limit);
    this.setResponseHeader(res, `${this.headerPrefix}-Remaining`, 0);
    this.setResponseHeader(res, `${this.headerPrefix}-Reset`, retryAfterSeconds);
    throw new DomainError(
      'RATE_LIMITED',
      `Too many ${WHAT[bucket]}: at most ${detail.limit} in ${windowSeconds} seconds. Retry after ${retryAfterSeconds} seconds.`,
      HttpStatus.TOO_MANY_REQUESTS,
      { bucket, limit: detail.limit, windowSeconds, retryAfterSeconds },
    );
  }
}

/** Counts the route against a bucket's budget (see RateLimitGuard); documents the 429. */
export const RateLimit = (bucket: RateLimitBucket) =>
  applyDecorators(
    SetMetadata(BUCKET, bucket),
    UseGuards(RateLimitGuard),
    ApiTooManyRequestsResponse({
      description: `Too many ${WHAT[bucket]} (${SETTING[bucket]}); Retry-After gives the seconds to wait. Every answer carries X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset.`,
      schema: {
        example: {
          statusCode: 429,
          error: 'Too Many Requests',
          code: 'RATE_LIMITED',
          message: `Too many ${WHAT[bucket]}: at most ${bucket === 'sign-in' ? 10 : 60} in 60 seconds. Retry after 42 seconds.`,
          details: { bucket, limit: bucket === 'sign-in' ? 10 : 60, windowSeconds: 60, retryAfterSeconds: 42 },
          correlationId: '9f3b2c1a-7d6e-4f5a-8b9c-0d1e2f3a4b5c',
        },
      },
    }),
  );

/** The limits, from RATE_LIMIT_SIGN_IN and RATE_LIMIT_DECISIONS; each route only counts against its own bucket. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: RATE_LIMIT_BUCKETS.map((name) => {
          const { limit, windowMs } = parseRateLimit(config.get(SETTING[name]));
          // blockDuration 0: a sliding window (refused requests do not count) rather than a lock-out.
          return { name, limit, ttl: windowMs, blockDuration: 0, skipIf: (context: ExecutionContext) => bucketOf(context) !== name };
        }),
      }),
    }),
  ],
})
export class RateLimitModule {}

import { CallHandler, ExecutionContext, HttpException, HttpStatus, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import type { AuthUser } from '@libs/auth/auth.types';
import { isUnavailable } from '@libs/http/all-exceptions.filter';
import { asDomainError, DomainError } from '@libs/http/domain-error';
import { ADMIN_AUDIT, AuditInput, AuditSpec } from './admin-audit.decorator';
import { AdminAuditService } from './admin-audit.service';
import { requestSummary, storable, summarize } from './audit-summary';
import { UUID } from '@libs/domain/uuid';

/** The status and error code a failure is answered with (as AllExceptionsFilter answers it). */
export function failureOf(raised: unknown): { statusCode: number; errorCode: string } {
  const err = asDomainError(raised);
  if (err instanceof DomainError) return { statusCode: err.status, errorCode: err.code };
  if (err instanceof HttpException) {
    const status = err.getStatus();
    return { statusCode: status, errorCode: HttpStatus[status] ?? 'HTTP_ERROR' };
  }
  if (isUnavailable(err)) return { statusCode: 503, errorCode: 'SERVICE_UNAVAILABLE' };
  return { statusCode: 500, errorCode: 'INTERNAL_ERROR' };
}


/** The target's id as the database holds it: a uuid in lower case, whatever case the request wrote. */
const targetIdOf = (spec: AuditSpec, input: AuditInput): string | null => {
  const id = spec.targetId?.(input);
  if (typeof id !== 'string' && typeof id !== 'number') return null;
  const text = String(id);
  return UUID.test(text) ? text.toLowerCase() : storable(text.slice(0, 200));
};

/**
 * Writes one admin audit row for every handler marked @AdminAudit, after it finished and before the
 * answer leaves: on success with what it changed, on failure with the status and error code (the
 * error itself still reaches the client unchanged). Registered globally; unmarked handlers pass.
 */
@Injectable()
export class AdminAuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('AdminAudit');

  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AdminAuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<AuditSpec | undefined>(ADMIN_AUDIT, context.getHandler());
    if (!spec || context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<Request & { user?: AuthUser; id?: string }>();
    const res = http.getResponse<Response>();
    const user = req.user;
    if (!user) return next.handle();

    const write = async (input: AuditInput, outcome: { statusCode: number; errorCode: string | null }) => {
      if (spec.when && !spec.when(input)) return;
      const succeeded = outcome.errorCode === null;
      const request = spec.request ? spec.request(input) : { params: req.params, query: req.query, body: req.body };
      const changed = succeeded && spec.result ? spec.result(input.result) : undefined;
      try {
        await this.audit.record({
          actorPersonId: user.personId,
          actorName: user.name ?? '',
          action: spec.action,
          targetType: spec.targetType,
          targetId: targetIdOf(spec, input),
          summary: requestSummary({ ...request, ...(changed ? { result: summarize(changed) } : {}) }),
          outcome: succeeded ? 'succeeded' : 'failed',
          statusCode: outcome.statusCode,
          errorCode: outcome.errorCode,
          correlationId: req.id ? String(req.id) : null,
        });
      } catch (err) {
        // The action itself has happened (or been refused); losing its audit row must be loud, not a 500.
        this.logger.error({ err, correlationId: req.id, action: spec.action }, 'Could not write the admin audit row');
      }
    };

    return next.handle().pipe(
      mergeMap((result: unknown) => from(write({ req, user, result }, { statusCode: res.statusCode, errorCode: null }).then(() => result))),
      catchError((err: unknown) => from(write({ req, user }, failureOf(err))).pipe(mergeMap(() => throwError(() => err)))),
    );
  }
}

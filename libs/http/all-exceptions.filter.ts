import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { CORRELATION_HEADER, correlationIdFor } from '@libs/logging/logging.module';
import { asDomainError, DomainError } from './domain-error';

export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  details?: unknown;
  correlationId: string;
}

const REASON: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity',
  429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);
const NET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);

interface BodyParserError {
  type: string;
  status: number;
  expose?: boolean;
  message?: string;
}

/** An error of Express's body parser (http-errors with a `type` such as entity.parse.failed), below 500. */
function isBodyParserError(err: unknown): err is BodyParserError {
  const e = err as Partial<BodyParserError> | null | undefined;
  return !!e && typeof e === 'object' && typeof e.type === 'string' && typeof e.status === 'number' && e.status < 500;
}

/** Is this a failure to reach Postgres or Temporal (answer 503), rather than a bug (500)? */
export function isUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; name?: string; message?: string; cause?: unknown; driverError?: unknown };
  if (typeof e.code === 'string' && (PG_UNAVAILABLE.has(e.code) || NET_UNAVAILABLE.has(e.code))) return true;
  // gRPC UNAVAILABLE (14) and DEADLINE_EXCEEDED (4), as raised by the Temporal client.
  if (e.name === 'ServiceError' || e.name === 'ConnectionError') return true;
  if (typeof e.code === 'number' && (e.code === 14 || e.code === 4)) return true;
  if (typeof e.message === 'string' && /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Driver not Connected|Cannot use a pool after calling end/i.test(e.message)) return true;
  if (err instanceof QueryFailedError && isUnavailable(e.driverError)) return true;
  // TypeORM releases a query runner (a transaction's connection) when its connection fails; what runs on it next raises this.
  if (e.name === 'QueryRunnerAlreadyReleasedError') return true;
  return e.cause !== undefined && e.cause !== err && isUnavailable(e.cause);
}

/**
 * The one place errors become HTTP: a single shape with a correlation id, internals hidden, and
 * nothing a client sends turned into a 500.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    // Errors raised before the logging middleware ran (body parsing, path decoding) have no id yet.
    const correlationId =
      String(req.id ?? res.getHeader(CORRELATION_HEADER) ?? '') || (res.headersSent ? randomUUID() : correlationIdFor(req, res));
    const body = this.toBody(exception, correlationId);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, correlationId }, body.statusCode === 503 ? 'Dependency unavailable' : 'Unhandled error');
    }
    if (res.headersSent) return;
    if (body.statusCode === 503) res.setHeader('Retry-After', '5');
    res.status(body.statusCode).json(body);
  }

  private toBody(raised: unknown, correlationId: string): ErrorBody {
    const exception = asDomainError(raised);
    const make = (statusCode: number, code: string, message: string, details?: unknown): ErrorBody => ({
      statusCode,
      error: REASON[statusCode] ?? 'Error',
      code,
      message,
      ...(details !== undefined ? { details } : {}),
      correlationId,
    });

    if (exception instanceof DomainError) return make(exception.status, exception.code, exception.message, exception.details);
    // Nest's Express adapter wraps body-parser errors in an HttpException; answer from the original.
    if (exception instanceof HttpException && isBodyParserError(exception.cause)) return this.toBody(exception.cause, correlationId);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
      return make(status, HttpStatus[status] ?? 'HTTP_ERROR', Array.isArray(message) ? message.join('; ') : String(message));
    }
    // Errors raised by Express's body parser before any handler runs.
    if (isBodyParserError(exception)) {
      const parser = exception;
      if (parser.type === 'entity.too.large') return make(413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than the server accepts.');
      if (parser.type === 'entity.parse.failed') return make(400, 'MALFORMED_JSON', 'The request body is not valid JSON.');
      return make(parser.status, 'BAD_REQUEST_BODY', parser.expose && parser.message ? parser.message : 'The request body could not be read.');
    }
    if (isUnavailable(exception)) {
      return make(503, 'SERVICE_UNAVAILABLE', 'A backing service (database or workflow engine) is unavailable. Please retry shortly.');
    }
    return make(500, 'INTERNAL_ERROR', 'An unexpected error occurred. Quote the correlation id when reporting it.');
  }
}

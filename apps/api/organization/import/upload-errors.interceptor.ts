import { CallHandler, ExecutionContext, HttpException, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { DomainError } from '@libs/http/domain-error';
import { IMPORT_ENTITIES, MAX_CSV_BYTES } from './import-report';

const MB = MAX_CSV_BYTES / (1024 * 1024);

/**
 * multer's refusals (a file too large, an unexpected field) as answers that say what to send
 * instead. Nest keeps multer's error, with its code and field, as the cause of the HttpException.
 */
@Injectable()
export class UploadErrorsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((err: unknown) => throwError(() => uploadError(err))));
  }
}

function uploadError(err: unknown): unknown {
  const cause = err instanceof HttpException ? (err.cause as { code?: unknown; field?: unknown } | undefined) : undefined;
  const field = typeof cause?.field === 'string' ? cause.field : '';
  const refuse = (status: HttpStatus, code: string, message: string) => new DomainError(code, message, status, [{ field, messages: [message] }]);
  switch (cause?.code) {
    case 'LIMIT_FILE_SIZE':
    case 'LIMIT_FIELD_VALUE':
      return refuse(HttpStatus.PAYLOAD_TOO_LARGE, 'FILE_TOO_LARGE', `The CSV file in ${field || 'the form'} is larger than ${MB} MB; split it into several imports.`);
    case 'LIMIT_UNEXPECTED_FILE':
    case 'LIMIT_FILE_COUNT':
    case 'LIMIT_FIELD_COUNT':
    case 'LIMIT_PART_COUNT':
      return refuse(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'VALIDATION_FAILED',
        `Send at most one CSV file in each of the fields ${IMPORT_ENTITIES.join(', ')}${field ? ` (not in ${field})` : ''}.`,
      );
    default:
      return err;
  }
}

import { ArgumentMetadata, HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from './domain-error';

export interface FieldError {
  field: string;
  messages: string[];
}

/** Flattens class-validator's tree into `{ field: 'pilotPlan.durationMonths', messages: [...] }`. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...fieldErrors(e.children ?? [], field)];
  });
}

/** Far deeper than any DTO goes, far shallower than what overflows the recursive transformer and validator. */
export const MAX_INPUT_DEPTH = 32;
const MAX_REPORTED = 20;

/** Half of a surrogate pair with no other half: JSON can carry it (`"\ud800"`), Unicode text cannot. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * What must be refused before class-transformer and class-validator see the input, found without
 * recursion: nesting deeper than MAX_INPUT_DEPTH (they recurse and would overflow the stack into a
 * 500), strings holding U+0000 (Postgres text and jsonb cannot store it, so the insert would fail)
 * and strings holding half of a surrogate pair (validators that encode the text, such as IsEmail,
 * throw on it; Postgres would keep U+FFFD instead, or refuse it in jsonb).
 */
export function unsafeInput(value: unknown, maxDepth = MAX_INPUT_DEPTH): FieldError[] {
  const problems: FieldError[] = [];
  const pending: [value: unknown, path: string[]][] = [[value, []]];
  while (pending.length > 0 && problems.length < MAX_REPORTED) {
    const [current, path] = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) problems.push({ field: path.join('.'), messages: ['must not contain the NUL character (U+0000)'] });
      if (LONE_SURROGATE.test(current)) problems.push({ field: path.join('.'), messages: ['must be Unicode text: it holds half of a surrogate pair'] });
    } else if (current !== null && typeof current === 'object') {
      if (path.length >= maxDepth) {
        problems.push({ field: path[0] ?? '', messages: [`must not be nested more than ${maxDepth} levels deep`] });
        continue;
      }
      for (const [key, child] of Object.entries(current)) pending.push([child, [...path, key]]);
    }
  }
  return problems;
}

/** The one answer to invalid input, wherever it is found (body, query, path, header): 422 with one entry per field. */
export const invalidFields = (details: FieldError[]) =>
  new DomainError('VALIDATION_FAILED', 'The request has invalid fields.', HttpStatus.UNPROCESSABLE_ENTITY, details);

/** The standard pipe, behind a guard against input it cannot handle safely (see `unsafeInput`). */
class SafeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const problems = unsafeInput(value);
      if (problems.length > 0) throw invalidFields(problems);
    }
    return super.transform(value, metadata);
  }
}

/** Whitelist, refuse unknown fields, transform; failures are 422 with one entry per field. */
export function createValidationPipe(): ValidationPipe {
  return new SafeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => invalidFields(fieldErrors(errors)),
  });
}

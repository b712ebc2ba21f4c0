import { ArgumentMetadata, Param, PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { invalidFields } from './validation';

const HEX = '[0-9A-Fa-f]';
const VARIANT = '[89ABab]';

/**
 * What an id path parameter accepts, as JSON Schema patterns (no regex flags there, hence both
 * cases): any RFC 9562 version with the RFC variant, or the Nil and Max UUIDs, as Nest's
 * ParseUUIDPipe does; and version 4 only, for the ids the API itself generates (proposals).
 */
export const UUID_PATTERN = `^(?:${HEX}{8}-${HEX}{4}-[1-8]${HEX}{3}-${VARIANT}${HEX}{3}-${HEX}{12}|0{8}-0{4}-0{4}-0{4}-0{12}|[Ff]{8}-[Ff]{4}-[Ff]{4}-[Ff]{4}-[Ff]{12})$`;
export const UUID_V4_PATTERN = `^${HEX}{8}-${HEX}{4}-4${HEX}{3}-${VARIANT}${HEX}{3}-${HEX}{12}$`;

export interface IdOptions {
  /** Only version 4 UUIDs. */
  version?: '4';
}

/**
 * A UUID path parameter, lower-cased. Postgres compares uuids whatever their case, but the ids a
 * workflow holds (its workflow id, the ids of its tasks) and the per-proposal advisory locks are
 * plain text: an id written in capitals would find the row and then miss the workflow or the lock.
 * Anything else is refused like every other invalid input: 422 with the parameter named in details.
 */
export class ParseIdPipe implements PipeTransform<unknown, string> {
  private readonly pattern: RegExp;

  constructor(private readonly options: IdOptions = {}) {
    this.pattern = new RegExp(options.version === '4' ? UUID_V4_PATTERN : UUID_PATTERN);
  }

  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && this.pattern.test(value)) return value.toLowerCase();
    const field = metadata.data ?? 'id';
    const what = this.options.version ? `a UUID (version ${this.options.version})` : 'a UUID';
    throw invalidFields([{ field, messages: [`${field} must be ${what}`] }]);
  }
}

/**
 * Applies a method decorator from a parameter decorator, so that one decorator both reads a path
 * parameter and documents it: they cannot drift apart.
 */
const onMethod = (decorator: MethodDecorator, target: object, key: string | symbol | undefined) => {
  if (key === undefined) throw new Error('a path parameter decorator belongs on a route handler');
  decorator(target, key, Object.getOwnPropertyDescriptor(target, key)!);
};

/** `@IdParam()`: the path parameter `id` (or `name`) as a UUID, lower-cased, documented as one. */
export function IdParam(name = 'id', options: IdOptions & { description?: string } = {}): ParameterDecorator {
  const { description, ...id } = options;
  return (target, key, index) => {
    Param(name, new ParseIdPipe(id))(target, key, index);
    onMethod(
      ApiParam({ name, required: true, description, schema: { type: 'string', format: 'uuid', pattern: id.version === '4' ? UUID_V4_PATTERN : UUID_PATTERN } }),
      target,
      key,
    );
  };
}

/**
 * A whole number in a path (a version), refused like every other invalid input when it is not one.
 * The global ValidationPipe runs first and has already made a number of it (NaN for anything but
 * digits). A whole number that names no version (0, -1, one past the last) is the service's 404.
 */
export class ParseVersionPipe implements PipeTransform<unknown, number> {
  transform(value: unknown, metadata: ArgumentMetadata): number {
    const field = metadata.data ?? 'version';
    const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
    if (typeof number === 'number' && Number.isInteger(number)) return number;
    throw invalidFields([{ field, messages: [`${field} must be a whole number`] }]);
  }
}

/** `@VersionParam()`: the path parameter `version` as a whole number, documented as one. */
export function VersionParam(name = 'version', description = 'From 1; a number that names no version is answered 404'): ParameterDecorator {
  return (target, key, index) => {
    Param(name, new ParseVersionPipe())(target, key, index);
    onMethod(ApiParam({ name, required: true, description, schema: { type: 'integer' }, example: 1 }), target, key);
  };
}

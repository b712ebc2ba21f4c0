import type { Type } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

/** The scalar types a nullable field can have, with the format a client needs to read it. */
const SCALARS = {
  string: { type: String },
  uuid: { type: String, format: 'uuid' },
  'date-time': { type: String, format: 'date-time' },
  integer: { type: 'integer' },
  number: { type: Number },
  boolean: { type: Boolean },
  /** A free-form JSON object (a condition, a payload): any properties. */
  object: { type: 'object', additionalProperties: true },
} as const;

export type NullableScalar = keyof typeof SCALARS;

/**
 * A property that may be null, with its real type. TypeScript records `Object` as the design type of
 * `T | null`, which Swagger documents as `type: object`: a generated client would then see an untyped
 * object where the server sends a string, a number or a date. `of` is a scalar kind, the values of
 * an enum (null is added to them, as OpenAPI 3.0 requires for a nullable enum) or a view class.
 *
 * Required unless `options.required` is false: a response field that may be null is still always sent.
 */
export function ApiNullable(of: NullableScalar | readonly string[] | Type<unknown>, options: Omit<ApiPropertyOptions, 'type' | 'enum'> = {}): PropertyDecorator {
  const schema =
    typeof of === 'string'
      ? SCALARS[of]
      : Array.isArray(of)
        ? { type: String, enum: [...of, null] }
        : { type: of as Type<unknown> };
  return ApiProperty({ ...schema, ...options, nullable: true } as ApiPropertyOptions);
}

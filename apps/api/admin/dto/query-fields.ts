import { registerDecorator, ValidationOptions } from 'class-validator';
import { durationToMs, isIsoDuration } from '@libs/domain/duration';

/** Ten years: far beyond any SLA, and small enough that `now − duration` is still a valid date. */
export const MAX_AGE_MS = 3650 * 24 * 3600 * 1000;

export const DURATION_MESSAGE = '$property must be an ISO-8601 duration of weeks, days, hours, minutes or seconds (e.g. P7D, PT12H), at most P3650D';

/**
 * An ISO-8601 duration the domain can compute with (W/D/H/M/S; months and years have no fixed
 * length), bounded so that the cut-off date it yields cannot overflow into a database error.
 */
export function IsAgeDuration(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isAgeDuration',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: DURATION_MESSAGE, ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isIsoDuration(value) && durationToMs(value) <= MAX_AGE_MS,
      },
    });
}

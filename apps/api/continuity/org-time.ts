import { unprocessable } from '@libs/http/domain-error';
import type { EffectiveActing } from '@libs/domain/acting';
import type { ActingForPostView } from './dto/appointment.dto';

/** A moment from the request, or now; a field-level 422 when it is not a real date. */
export function momentOf(field: string, value: string | undefined, fallback: Date): Date {
  if (value === undefined) return fallback;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw unprocessable('VALIDATION_FAILED', 'The request has invalid fields.', [{ field, messages: [`${field} must be a valid date`] }]);
  return at;
}

export const fieldError = (field: string, message: string) =>
  unprocessable('VALIDATION_FAILED', 'The request has invalid fields.', [{ field, messages: [message] }]);

/** Who acts for a post, with the names `personNames` gives for them. */
export async function actingView(
  acting: EffectiveActing | null,
  personNames: (ids: string[]) => Promise<Map<string, string>>,
): Promise<ActingForPostView | null> {
  if (!acting) return null;
  const people = await personNames([acting.personId, acting.onBehalfOfPersonId].filter((id): id is string => !!id));
  const name = (id: string) => people.get(id) ?? '';
  return {
    personId: acting.personId,
    name: name(acting.personId),
    capacity: acting.capacity,
    onBehalfOf: acting.onBehalfOfPersonId ? { personId: acting.onBehalfOfPersonId, name: name(acting.onBehalfOfPersonId) } : null,
  };
}

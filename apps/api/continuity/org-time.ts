import { EntityManager } from 'typeorm';
import { unprocessable } from '@libs/http/domain-error';
import type { EffectiveActing } from '@libs/domain/acting';
import { PersonEntity } from '@libs/persistence/entities';
import { misassignedApprovals } from '@libs/persistence/acting-lookup';
import { LockName, takeRowLocks } from '@libs/persistence/advisory-lock';
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

/**
 * Serialises changes of who acts for a post (and of a person's posts) inside the caller's transaction,
 * so two concurrent appointments cannot both see the post as free.
 */
export function lockOrg(em: EntityManager, names: LockName[]): Promise<void> {
  return takeRowLocks(em, names);
}

export async function actingView(em: EntityManager, acting: EffectiveActing | null): Promise<ActingForPostView | null> {
  if (!acting) return null;
  const ids = [acting.personId, acting.onBehalfOfPersonId].filter((id): id is string => !!id);
  const people = await em.getRepository(PersonEntity).find({ where: ids.map((id) => ({ id })), select: { id: true, name: true } });
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? '';
  return {
    personId: acting.personId,
    name: name(acting.personId),
    capacity: acting.capacity,
    onBehalfOf: acting.onBehalfOfPersonId ? { personId: acting.onBehalfOfPersonId, name: name(acting.onBehalfOfPersonId) } : null,
  };
}

/** How many open tasks of these posts sit with someone other than who acts for them now. */
export async function openTasksMoving(em: EntityManager, positionIds: string[], at = new Date()): Promise<number> {
  const stale = await misassignedApprovals(em, at, positionIds);
  return stale.reduce((n, s) => n + s.tasks, 0);
}

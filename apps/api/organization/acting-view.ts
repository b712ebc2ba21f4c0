import { actingFor } from '@libs/domain/acting';
import type { ActingView, ActiveAppointmentView } from './dto/org.views';

/** Who acts for the post, by the one rule the approval engine uses too: a Plh. for an absent holder, else the holder, else a Plt. */
export function actingOf(active: ActiveAppointmentView[], now: Date): ActingView | null {
  const acting = actingFor(active.map((a) => ({ ...a, capacity: a.capacity as 'definitif' | 'plt' | 'plh' })), now);
  if (!acting) return null;
  const who = active.find((a) => a.personId === acting.personId && a.capacity === acting.capacity)!;
  return { personId: acting.personId, personName: who.personName, capacity: acting.capacity };
}

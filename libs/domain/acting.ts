import type { Capacity } from './proposal';

export interface AppointmentFact {
  personId: string;
  capacity: Exclude<Capacity, 'delegate'>;
  startsAt: Date;
  endsAt: Date | null;
}

export interface Acting {
  personId: string;
  capacity: Exclude<Capacity, 'delegate'>;
}

const activeAt = (a: AppointmentFact, at: Date) => a.startsAt <= at && (a.endsAt === null || at < a.endsAt);

/**
 * Who acts for a post at a moment: a Plh. stands in for an absent holder, the definitive holder
 * otherwise, a Plt. when the post is vacant; null when nobody does. The latest start wins a tie.
 */
export function actingFor(appointments: AppointmentFact[], at: Date): Acting | null {
  const active = appointments.filter((a) => activeAt(a, at)).sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  for (const capacity of ['plh', 'definitif', 'plt'] as const) {
    const found = active.find((a) => a.capacity === capacity);
    if (found) return { personId: found.personId, capacity };
  }
  return null;
}

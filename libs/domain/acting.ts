import type { AppointmentCapacity, Capacity } from './proposal';

export interface AppointmentFact {
  personId: string;
  capacity: AppointmentCapacity;
  startsAt: Date;
  endsAt: Date | null;
}

export interface Acting {
  personId: string;
  capacity: AppointmentCapacity;
}

const activeAt = (a: AppointmentFact, at: Date) => a.startsAt <= at && (a.endsAt === null || at < a.endsAt);

/**
 * Who acts for a post at a moment: a Plh. stands in for an absent holder, the definitive holder
 * otherwise, a Plt. when the post is vacant; null when nobody does. The latest start wins a tie.
 */
export function actingFor(appointments: AppointmentFact[], at: Date): Acting | null {
  const found = actingAppointment(appointments, at);
  return found ? { personId: found.personId, capacity: found.capacity } : null;
}

/** The appointment under which someone acts for the post at a moment (see actingFor), or null. */
export function actingAppointment<A extends AppointmentFact>(appointments: A[], at: Date): A | null {
  const active = appointments.filter((a) => activeAt(a, at)).sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  for (const capacity of ['plh', 'definitif', 'plt'] as const) {
    const found = active.find((a) => a.capacity === capacity);
    if (found) return found;
  }
  return null;
}

export interface DelegationFact {
  delegatorPersonId: string;
  delegatePersonId: string;
  startsAt: Date;
  endsAt: Date;
  revokedAt: Date | null;
}

/** Who decides a post's tasks at a moment, and for whom when they act as a delegate. */
export interface EffectiveActing {
  personId: string;
  capacity: Capacity;
  /** With capacity `delegate`: the person acting for the post who delegated to them. */
  onBehalfOfPersonId: string | null;
}

const delegationActiveAt = (d: DelegationFact, at: Date) => d.revokedAt === null && d.startsAt <= at && at < d.endsAt;

/**
 * The person acting for the post (see actingFor), or their delegate while a delegation of theirs is
 * in force. A delegation by someone who no longer acts for the post has no effect: a rotation ends it.
 */
export function effectiveActing(appointments: AppointmentFact[], delegations: DelegationFact[], at: Date): EffectiveActing | null {
  const terms = actingTerms(appointments, delegations, at);
  if (!terms) return null;
  const { appointment, delegation } = terms;
  if (delegation) return { personId: delegation.delegatePersonId, capacity: 'delegate', onBehalfOfPersonId: appointment.personId };
  return { personId: appointment.personId, capacity: appointment.capacity, onBehalfOfPersonId: null };
}

/**
 * The rows behind effectiveActing: the appointment of the person acting for the post and, while one of
 * theirs is in force, the delegation through which their delegate decides. Null when nobody acts.
 */
export function actingTerms<A extends AppointmentFact, D extends DelegationFact>(appointments: A[], delegations: D[], at: Date): { appointment: A; delegation: D | null } | null {
  const appointment = actingAppointment(appointments, at);
  if (!appointment) return null;
  const delegation = delegations
    .filter((d) => d.delegatorPersonId === appointment.personId && delegationActiveAt(d, at))
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime())[0];
  return { appointment, delegation: delegation ?? null };
}

/** The moments after `after` at which who acts for a post may change by date alone. */
export function actingBoundaries(appointments: AppointmentFact[], delegations: DelegationFact[], after: Date): Date[] {
  const moments = [
    ...appointments.flatMap((a) => [a.startsAt, a.endsAt]),
    ...delegations.filter((d) => d.revokedAt === null).flatMap((d) => [d.startsAt, d.endsAt]),
  ];
  return moments.filter((m): m is Date => m !== null && m > after).sort((a, b) => a.getTime() - b.getTime());
}

export const REASSIGNMENT_REASONS = ['mutasi', 'plt', 'plh', 'delegation', 'plh-ended', 'delegation-ended', 'vacant', 'definitive', 'disposisi'] as const;
/** Why an open task moved from one person to another. */
export type ReassignmentReason = (typeof REASSIGNMENT_REASONS)[number];

export const REASSIGNMENT_REASON_LABELS_ID: Record<ReassignmentReason, string> = {
  mutasi: 'Mutasi/rotasi pejabat definitif',
  plt: 'Penunjukan Plt.',
  plh: 'Penunjukan Plh.',
  delegation: 'Pelimpahan',
  'plh-ended': 'Masa Plh. berakhir',
  'delegation-ended': 'Pelimpahan berakhir',
  vacant: 'Jabatan kosong',
  definitive: 'Pejabat definitif dilantik',
  // Disposisi is a superior's instruction; an administrator moving tasks is a pengalihan tugas.
  disposisi: 'Pengalihan tugas oleh admin',
};

interface Holder {
  personId: string | null;
  capacity: Capacity | null;
}

/**
 * Names the change that moved a task from one holder to the next, from the capacities on either
 * side: whoever now acts explains it (a Plt., a Plh., a delegate), else what ended explains it.
 */
export function reassignmentReason(from: Holder, to: Holder): ReassignmentReason {
  if (!to.personId) return 'vacant';
  if (to.capacity === 'delegate') return 'delegation';
  if (to.capacity === 'plh') return 'plh';
  if (to.capacity === 'plt') return from.capacity === 'plt' || from.capacity === 'definitif' || !from.personId ? 'plt' : 'plh-ended';
  // The definitive holder acts now.
  if (from.capacity === 'plh') return 'plh-ended';
  if (from.capacity === 'delegate') return 'delegation-ended';
  if (from.capacity === 'plt' || !from.personId) return 'definitive';
  return 'mutasi';
}

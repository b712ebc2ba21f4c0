import { actingTerms, AppointmentFact, DelegationFact, ReassignmentReason } from './acting';
import type { Capacity } from './proposal';

/**
 * On what authority an open task moved from one person to another: the appointment or delegation
 * under which the new person acts, the term of the previous person that ended, and who recorded
 * each. Pure; the rows come from libs/persistence/acting-authority.ts.
 */

export interface PersonRef {
  personId: string;
  name: string | null;
}

/** An appointment or a delegation as the record shows it: what lets a person act for a post. */
export interface ActingTerm {
  kind: 'appointment' | 'delegation';
  id: string;
  /** Who acts under it: the appointed person, or the delegate. */
  personId: string;
  capacity: Capacity;
  /** The decree (SK) or warrant number of an appointment; the stated reason of a delegation. */
  basis: string | null;
  startsAt: string;
  endsAt: string | null;
  /**
   * Who recorded it: the administrator who made the appointment, the person (the delegator or an
   * administrator) who made the delegation. Null for seeded or imported rows.
   */
  recordedBy: PersonRef | null;
  /** Delegation only: the person acting for the post on whose behalf the delegate decides. */
  delegator?: PersonRef;
}

/** A term that ended: when, who ended it (null when it ran out by the date set when it was made) and why. */
export interface EndedTerm extends ActingTerm {
  endedAt: string;
  endedBy: PersonRef | null;
  endReason: string | null;
}

export interface MoveAuthority {
  /** The term under which the new person acts for the post; null when nobody does (the post is vacant). */
  term: ActingTerm | null;
  /** The previous person's term that ended and so let the task go; null when theirs still runs (e.g. a Plh. stands in for them). */
  ended: EndedTerm | null;
}

/** Who held the task before the move, as the workflow knows it. */
export interface PreviousHolder {
  personId: string | null;
  capacity: Capacity | null;
  onBehalfOfPersonId: string | null;
}

export interface AppointmentRow extends AppointmentFact {
  id: string;
  basis: string | null;
  endReason: string | null;
  createdByPersonId: string | null;
  endedByPersonId: string | null;
}

export interface DelegationRow extends DelegationFact {
  id: string;
  reason: string;
  createdByPersonId: string;
  revokedByPersonId: string | null;
  revokeReason: string | null;
}

const iso = (d: Date) => d.toISOString();
const ref = (personId: string | null | undefined): PersonRef | null => (personId ? { personId, name: null } : null);
const latestBy = <T>(rows: T[], key: (r: T) => Date) => [...rows].sort((a, b) => key(b).getTime() - key(a).getTime())[0] ?? null;

function appointmentTerm(a: AppointmentRow): ActingTerm {
  return { kind: 'appointment', id: a.id, personId: a.personId, capacity: a.capacity, basis: a.basis, startsAt: iso(a.startsAt), endsAt: a.endsAt ? iso(a.endsAt) : null, recordedBy: ref(a.createdByPersonId) };
}

function delegationTerm(d: DelegationRow): ActingTerm {
  return {
    kind: 'delegation', id: d.id, personId: d.delegatePersonId, capacity: 'delegate', basis: d.reason, startsAt: iso(d.startsAt), endsAt: iso(d.endsAt),
    recordedBy: ref(d.createdByPersonId), delegator: { personId: d.delegatorPersonId, name: null },
  };
}

/**
 * The last appointment of this person on the post that has ended by `at`, unless one of theirs (of the
 * same capacity, when given) still runs: then nothing of theirs ended.
 */
function endedAppointment(appointments: AppointmentRow[], personId: string, capacity: Capacity | null, at: Date): EndedTerm | null {
  const theirs = appointments.filter((a) => a.personId === personId && (capacity === null || a.capacity === capacity) && a.startsAt <= at);
  if (theirs.some((a) => a.endsAt === null || a.endsAt > at)) return null;
  const last = latestBy(theirs, (a) => a.endsAt!);
  if (!last) return null;
  return { ...appointmentTerm(last), endedAt: iso(last.endsAt!), endedBy: ref(last.endedByPersonId), endReason: last.endReason };
}

function endedTerm(appointments: AppointmentRow[], delegations: DelegationRow[], previous: PreviousHolder | null, at: Date): EndedTerm | null {
  if (!previous?.personId) return null;
  if (previous.capacity !== 'delegate') return endedAppointment(appointments, previous.personId, previous.capacity, at);
  const delegation = latestBy(
    delegations.filter((d) => d.delegatePersonId === previous.personId && d.delegatorPersonId === previous.onBehalfOfPersonId && d.startsAt <= at),
    (d) => d.startsAt,
  );
  if (delegation && delegation.revokedAt && delegation.revokedAt <= at) {
    return { ...delegationTerm(delegation), endedAt: iso(delegation.revokedAt), endedBy: ref(delegation.revokedByPersonId), endReason: delegation.revokeReason };
  }
  if (delegation && delegation.endsAt <= at) return { ...delegationTerm(delegation), endedAt: iso(delegation.endsAt), endedBy: null, endReason: null };
  // The delegation still runs, but its delegator no longer acts for the post: their term ended.
  return previous.onBehalfOfPersonId ? endedAppointment(appointments, previous.onBehalfOfPersonId, null, at) : null;
}

/** The authority of a move on one post at `at`, from that post's appointment and delegation rows (names left empty). */
export function moveAuthority(appointments: AppointmentRow[], delegations: DelegationRow[], previous: PreviousHolder | null, at: Date): MoveAuthority {
  const terms = actingTerms(appointments, delegations, at);
  const term = terms ? (terms.delegation ? delegationTerm(terms.delegation) : appointmentTerm(terms.appointment)) : null;
  return { term, ended: endedTerm(appointments, delegations, previous, at) };
}

/** The authority as it applies to one task: the ended term only if it was this task's holder's (or their delegator's). */
export function authorityForTask(authority: MoveAuthority, holder: PreviousHolder): MoveAuthority {
  const ended = authority.ended && (authority.ended.personId === holder.personId || authority.ended.personId === holder.onBehalfOfPersonId) ? authority.ended : null;
  return { term: authority.term, ended };
}

/** Moves whose cause is that something ended; the others are caused by a term that started. */
const CAUSED_BY_AN_END: readonly string[] = ['plh-ended', 'delegation-ended', 'vacant'] satisfies ReassignmentReason[];
export const causedByAnEnd = (reason: string): boolean => CAUSED_BY_AN_END.includes(reason);

/**
 * The person who caused a move: whoever recorded the term that now applies (the administrator who
 * appointed, the person who delegated), or for an ending whoever ended the term — and for a term that
 * ran out by its date, whoever recorded it with that date. Null when the rows name nobody (seeded data).
 */
export function moveActor(reason: ReassignmentReason, authority: MoveAuthority): string | null {
  if (causedByAnEnd(reason)) return (authority.ended?.endedBy ?? authority.ended?.recordedBy)?.personId ?? null;
  return authority.term?.recordedBy?.personId ?? null;
}

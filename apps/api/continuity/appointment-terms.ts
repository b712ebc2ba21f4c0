import { conflict } from '@libs/http/domain-error';
import type { AppointmentEntity, PersonEntity, PositionEntity } from '@libs/persistence/entities';

/** The rules of a new appointment against the post's (and the person's) other terms: no I/O. */

const CAPACITY_LABEL = { definitif: 'definitive holder', plt: 'Plt.', plh: 'Plh.' } as const;

/** Open at `at` or later: not ended by then. */
export const runsPast = (a: AppointmentEntity, at: Date) => a.endsAt === null || a.endsAt > at;

/** The term a new appointment asks for; no end: open-ended. */
export interface Term {
  startsAt: Date;
  endsAt: Date | null;
}

/** An appointment the new one ends, and the reason recorded. */
export interface Ending {
  row: AppointmentEntity;
  reason: string;
}

/** The post's appointments in this capacity whose term overlaps the new one. */
const overlapping = (ofPost: AppointmentEntity[], capacity: string, term: Term) =>
  ofPost.filter((a) => a.capacity === capacity && runsPast(a, term.startsAt) && (!term.endsAt || a.startsAt < term.endsAt));

/**
 * A definitive holder ends whoever holds or stands in for the post when their term starts, and their
 * own definitive post elsewhere (mutasi); an appointment of the post that starts on or after theirs is
 * a conflict, to be ended first.
 */
export function endedByDefinitive(ofPost: AppointmentEntity[], elsewhere: AppointmentEntity[], person: PersonEntity, position: PositionEntity, term: Term, basisText: string | undefined): Ending[] {
  for (const capacity of ['definitif', 'plt', 'plh'] as const) {
    const clash = overlapping(ofPost, capacity, term).filter((a) => a.startsAt >= term.startsAt)[0];
    if (clash) {
      throw conflict('APPOINTMENT_CONFLICT', `A ${CAPACITY_LABEL[capacity]} appointment to this post starts on or after this one (${clash.startsAt.toISOString()}); end it first.`, { appointmentId: clash.id });
    }
  }
  const basis = basisText ? ` (${basisText})` : '';
  const ending: Ending[] = [];
  for (const a of ofPost.filter((x) => runsPast(x, term.startsAt) && x.startsAt < term.startsAt)) {
    if (a.personId === person.id && a.capacity === 'definitif') throw conflict('ALREADY_HOLDER', `${person.name} already holds this post.`);
    ending.push({ row: a, reason: a.capacity === 'definitif' ? `Digantikan oleh ${person.name}${basis}` : `Pejabat definitif dilantik: ${person.name}${basis}` });
  }
  // A person holds one definitive post at a time: a new one is a transfer (mutasi).
  for (const a of elsewhere.filter((x) => x.positionId !== position.id && x.startsAt < term.startsAt)) {
    ending.push({ row: a, reason: `Mutasi ke ${position.title}${basis}` });
  }
  return ending;
}

/** A Plt. is for a vacant post and a Plh. for an absent holder; neither overlaps another of its kind. */
export function checkStandIn(ofPost: AppointmentEntity[], person: PersonEntity, capacity: 'plt' | 'plh', term: Term): void {
  const holding = (c: string) => ofPost.find((a) => a.capacity === c && a.startsAt <= term.startsAt && runsPast(a, term.startsAt));
  const holder = holding('definitif') ?? holding('plt');
  if (capacity === 'plt' && holding('definitif')) {
    throw conflict('POST_NOT_VACANT', 'The post has a definitive holder on that date: a Plt. is for a vacant post; appoint a Plh. for an absent holder.');
  }
  if (capacity === 'plh' && !holder) {
    throw conflict('POST_VACANT', 'Nobody holds the post on that date: a Plh. stands in for an absent holder; appoint a Plt. for a vacant post.');
  }
  if (holder?.personId === person.id) throw conflict('ALREADY_ACTING', `${person.name} already acts for this post on that date.`);
  const clash = overlapping(ofPost, capacity, term)[0];
  if (clash) {
    throw conflict('APPOINTMENT_CONFLICT', `Another ${CAPACITY_LABEL[capacity]} term of this post overlaps (${clash.startsAt.toISOString()} – ${clash.endsAt?.toISOString() ?? 'open'}).`, { appointmentId: clash.id });
  }
}

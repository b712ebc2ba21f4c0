import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@libs/auth/auth.types';
import { actingBoundaries } from '@libs/domain/acting';
import { conflict, notFound } from '@libs/http/domain-error';
import { ContinuityChange, ContinuityStore } from '@libs/persistence/continuity.store';
import type { AppointmentEntity } from '@libs/persistence/entities';
import { ContinuitySignal } from './continuity-signal.service';
import { AppointmentChangeView, AppointmentView, CreateAppointmentDto, EndAppointmentDto, PositionActingView, UpcomingChangeView } from './dto/appointment.dto';
import { checkStandIn, endedByDefinitive, runsPast, Term } from './appointment-terms';
import { actingView, fieldError, momentOf } from './org-time';

/**
 * Appointments to posts: the definitive holder (with mutasi: a new holder ends the previous one and the
 * person's previous post), Plt. for a vacant post, Plh. for an absent holder. Rows are never deleted;
 * an ending is recorded. Every change wakes the continuity workflow, which moves open tasks.
 */
@Injectable()
export class AppointmentsService {
  constructor(
    private readonly store: ContinuityStore,
    private readonly signal: ContinuitySignal,
  ) {}

  async appoint(user: AuthUser, positionId: string, dto: CreateAppointmentDto): Promise<AppointmentChangeView> {
    const now = new Date();
    const startsAt = momentOf('startsAt', dto.startsAt, now);
    const endsAt = dto.endsAt === undefined ? null : momentOf('endsAt', dto.endsAt, now);
    if (endsAt && endsAt <= startsAt) throw fieldError('endsAt', 'endsAt must be after startsAt');
    if (dto.capacity === 'plh' && !endsAt) throw fieldError('endsAt', 'a Plh. stands in for an absent holder for a set term: endsAt is required');

    const { appointment, ended } = await this.store.change((change) => this.recordAppointment(change, user, positionId, dto, { startsAt, endsAt }));
    await this.signal.orgChanged();
    return this.changeView([appointment, ...ended], positionId, [positionId, ...ended.map((e) => e.positionId)]);
  }

  private async recordAppointment(change: ContinuityChange, user: AuthUser, positionId: string, dto: CreateAppointmentDto, term: Term) {
    await change.lock([{ kind: 'position', id: positionId }, { kind: 'person', id: dto.personId }]);
    const position = await change.position(positionId);
    if (!position) throw notFound('Position', positionId);
    const person = await change.person(dto.personId);
    if (!person) throw fieldError('personId', `no person has id ${dto.personId}`);

    const ofPost = await change.appointmentsOf(positionId);
    const ending =
      dto.capacity === 'definitif'
        ? endedByDefinitive(ofPost, await change.definitiveTermsOf(person.id, term.startsAt), person, position, term, dto.basis)
        : (checkStandIn(ofPost, person, dto.capacity, term), []);
    for (const { row, reason } of ending) {
      await change.endAppointment(row.id, { endsAt: term.startsAt, endReason: reason, endedByPersonId: user.personId });
      Object.assign(row, { endsAt: term.startsAt, endReason: reason });
    }
    const created = await change.insertAppointment({
      positionId,
      personId: person.id,
      capacity: dto.capacity,
      startsAt: term.startsAt,
      endsAt: term.endsAt,
      basis: dto.basis ?? null,
      endReason: null,
      createdByPersonId: user.personId,
      endedByPersonId: null,
    });
    return { appointment: created, ended: ending.map((e) => e.row) };
  }

  async end(user: AuthUser, id: string, dto: EndAppointmentDto): Promise<AppointmentChangeView> {
    const ended = await this.store.change(async (change) => {
      const found = await change.appointment(id);
      if (!found) throw notFound('Appointment', id);
      await change.lock([{ kind: 'position', id: found.positionId }, { kind: 'person', id: found.personId }]);
      const row = (await change.appointment(id))!;
      const endsAt = momentOf('endsAt', dto.endsAt, new Date());
      if (row.endsAt && row.endsAt <= endsAt) throw conflict('ALREADY_ENDED', `This appointment already ends on ${row.endsAt.toISOString()}.`);
      if (endsAt < row.startsAt) throw fieldError('endsAt', 'endsAt must not be before the appointment starts');
      await change.endAppointment(id, { endsAt, endReason: dto.reason, endedByPersonId: user.personId });
      return { ...row, endsAt, endReason: dto.reason };
    });
    await this.signal.orgChanged();
    return this.changeView([ended], ended.positionId, [ended.positionId]);
  }

  /** The answer to a change: the appointments it made and ended, who acts for the post now, how many open tasks move. */
  private async changeView(rows: AppointmentEntity[], positionId: string, posts: string[]): Promise<AppointmentChangeView> {
    const [views, acting, moving] = await Promise.all([
      this.views(rows),
      this.store.actingFor([positionId], new Date()),
      this.store.openTasksMoving(posts, new Date()),
    ]);
    const actingNow = await actingView(acting.get(positionId) ?? null, (ids) => this.store.personNames(ids));
    return { appointment: views[0], ended: views.slice(1), actingNow, openTasksMoving: moving };
  }

  /** Who decides the post's tasks now, the appointments in force, and what is scheduled to change. */
  async acting(positionId: string): Promise<PositionActingView> {
    const position = await this.store.position(positionId);
    if (!position) throw notFound('Position', positionId);
    const now = new Date();
    const [appointments, delegations, acting] = await Promise.all([
      this.store.appointmentsOf(positionId),
      this.store.unrevokedDelegationsOf(positionId),
      this.store.actingFor([positionId], now),
    ]);
    const people = await this.store.personNames([...appointments.map((a) => a.personId), ...delegations.map((d) => d.delegatePersonId)]);
    const upcoming: UpcomingChangeView[] = [];
    for (const moment of actingBoundaries(appointments, delegations, now)) {
      for (const a of appointments) {
        for (const [change, at] of [['starts', a.startsAt], ['ends', a.endsAt]] as const) {
          if (at?.getTime() === moment.getTime()) upcoming.push({ at: moment, change, kind: 'appointment', capacity: a.capacity, personId: a.personId, name: people.get(a.personId) ?? '' });
        }
      }
      for (const d of delegations) {
        for (const [change, at] of [['starts', d.startsAt], ['ends', d.endsAt]] as const) {
          if (at.getTime() === moment.getTime()) upcoming.push({ at: moment, change, kind: 'delegation', capacity: 'delegate', personId: d.delegatePersonId, name: people.get(d.delegatePersonId) ?? '' });
        }
      }
    }
    const unique = upcoming.filter((u, i) => upcoming.findIndex((v) => v.at.getTime() === u.at.getTime() && v.kind === u.kind && v.personId === u.personId && v.change === u.change) === i);
    const current = appointments.filter((a) => a.startsAt <= now && runsPast(a, now)).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    return {
      positionId,
      positionTitle: position.title,
      actingNow: await actingView(acting.get(positionId) ?? null, (ids) => this.store.personNames(ids)),
      current: await this.views(current),
      upcoming: unique.slice(0, 20),
    };
  }

  private async views(rows: AppointmentEntity[]): Promise<AppointmentView[]> {
    const [positions, people] = await Promise.all([
      this.store.positionTitles(rows.map((r) => r.positionId)),
      this.store.personNames(rows.map((r) => r.personId)),
    ]);
    return rows.map((r) => ({
      id: r.id,
      positionId: r.positionId,
      positionTitle: positions.get(r.positionId) ?? '',
      personId: r.personId,
      personName: people.get(r.personId) ?? '',
      capacity: r.capacity,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      basis: r.basis,
      endReason: r.endReason,
    }));
  }
}

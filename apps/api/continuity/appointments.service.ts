import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull, MoreThan, Or } from 'typeorm';
import type { AuthUser } from '@libs/auth/auth.types';
import { actingBoundaries } from '@libs/domain/acting';
import { conflict, notFound } from '@libs/http/domain-error';
import { actingForPosts } from '@libs/persistence/acting-lookup';
import { AppointmentEntity, DelegationEntity, PersonEntity, PositionEntity } from '@libs/persistence/entities';
import { ContinuitySignal } from './continuity-signal.service';
import { AppointmentChangeView, AppointmentView, CreateAppointmentDto, EndAppointmentDto, PositionActingView, UpcomingChangeView } from './dto/appointment.dto';
import { actingView, fieldError, lockOrg, momentOf, openTasksMoving } from './org-time';

const CAPACITY_LABEL = { definitif: 'definitive holder', plt: 'Plt.', plh: 'Plh.' } as const;

/** Open at `at` or later: not ended by then. */
const runsPast = (a: AppointmentEntity, at: Date) => a.endsAt === null || a.endsAt > at;

/**
 * Appointments to posts: the definitive holder (with mutasi: a new holder ends the previous one and the
 * person's previous post), Plt. for a vacant post, Plh. for an absent holder. Rows are never deleted;
 * an ending is recorded. Every change wakes the continuity workflow, which moves open tasks.
 */
@Injectable()
export class AppointmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly signal: ContinuitySignal,
  ) {}

  async appoint(user: AuthUser, positionId: string, dto: CreateAppointmentDto): Promise<AppointmentChangeView> {
    const now = new Date();
    const startsAt = momentOf('startsAt', dto.startsAt, now);
    const endsAt = dto.endsAt === undefined ? null : momentOf('endsAt', dto.endsAt, now);
    if (endsAt && endsAt <= startsAt) throw fieldError('endsAt', 'endsAt must be after startsAt');
    if (dto.capacity === 'plh' && !endsAt) throw fieldError('endsAt', 'a Plh. stands in for an absent holder for a set term: endsAt is required');

    const { appointment, ended } = await this.dataSource.transaction(async (em) => {
      await lockOrg(em, [{ kind: 'position', id: positionId }, { kind: 'person', id: dto.personId }]);
      const position = await em.getRepository(PositionEntity).findOneBy({ id: positionId });
      if (!position) throw notFound('Position', positionId);
      const person = await em.getRepository(PersonEntity).findOneBy({ id: dto.personId });
      if (!person) throw fieldError('personId', `no person has id ${dto.personId}`);

      const ofPost = await em.getRepository(AppointmentEntity).findBy({ positionId });
      const ending: { row: AppointmentEntity; reason: string }[] = [];
      const overlapping = (capacity: string) => ofPost.filter((a) => a.capacity === capacity && runsPast(a, startsAt) && (!endsAt || a.startsAt < endsAt));
      const later = (capacity: string) => overlapping(capacity).filter((a) => a.startsAt >= startsAt);

      if (dto.capacity === 'definitif') {
        for (const capacity of ['definitif', 'plt', 'plh'] as const) {
          const clash = later(capacity)[0];
          if (clash) {
            throw conflict('APPOINTMENT_CONFLICT', `A ${CAPACITY_LABEL[capacity]} appointment to this post starts on or after this one (${clash.startsAt.toISOString()}); end it first.`, { appointmentId: clash.id });
          }
        }
        const basis = dto.basis ? ` (${dto.basis})` : '';
        for (const a of ofPost.filter((x) => runsPast(x, startsAt) && x.startsAt < startsAt)) {
          if (a.personId === person.id && a.capacity === 'definitif') throw conflict('ALREADY_HOLDER', `${person.name} already holds this post.`);
          ending.push({ row: a, reason: a.capacity === 'definitif' ? `Digantikan oleh ${person.name}${basis}` : `Pejabat definitif dilantik: ${person.name}${basis}` });
        }
        // A person holds one definitive post at a time: a new one is a transfer (mutasi).
        const elsewhere = await em.getRepository(AppointmentEntity).findBy({ personId: person.id, capacity: 'definitif', endsAt: Or(IsNull(), MoreThan(startsAt)) });
        for (const a of elsewhere.filter((x) => x.positionId !== positionId && x.startsAt < startsAt)) {
          ending.push({ row: a, reason: `Mutasi ke ${position.title}${basis}` });
        }
      } else {
        const holding = (capacity: string) => ofPost.find((a) => a.capacity === capacity && a.startsAt <= startsAt && runsPast(a, startsAt));
        const holder = holding('definitif') ?? holding('plt');
        if (dto.capacity === 'plt' && holding('definitif')) {
          throw conflict('POST_NOT_VACANT', 'The post has a definitive holder on that date: a Plt. is for a vacant post; appoint a Plh. for an absent holder.');
        }
        if (dto.capacity === 'plh' && !holder) {
          throw conflict('POST_VACANT', 'Nobody holds the post on that date: a Plh. stands in for an absent holder; appoint a Plt. for a vacant post.');
        }
        if (holder?.personId === person.id) throw conflict('ALREADY_ACTING', `${person.name} already acts for this post on that date.`);
        const clash = overlapping(dto.capacity)[0];
        if (clash) {
          throw conflict('APPOINTMENT_CONFLICT', `Another ${CAPACITY_LABEL[dto.capacity]} term of this post overlaps (${clash.startsAt.toISOString()} – ${clash.endsAt?.toISOString() ?? 'open'}).`, { appointmentId: clash.id });
        }
      }

      for (const { row, reason } of ending) {
        await em.getRepository(AppointmentEntity).update({ id: row.id }, { endsAt: startsAt, endReason: reason, endedByPersonId: user.personId });
        Object.assign(row, { endsAt: startsAt, endReason: reason });
      }
      const created = em.getRepository(AppointmentEntity).create({
        id: randomUUID(),
        positionId,
        personId: person.id,
        capacity: dto.capacity,
        startsAt,
        endsAt,
        basis: dto.basis ?? null,
        endReason: null,
        createdByPersonId: user.personId,
        endedByPersonId: null,
      });
      await em.getRepository(AppointmentEntity).insert(created);
      return { appointment: created, ended: ending.map((e) => e.row) };
    });

    await this.signal.orgChanged();
    const posts = [positionId, ...ended.map((e) => e.positionId)];
    const [views, acting, moving] = await Promise.all([
      this.views([appointment, ...ended]),
      actingForPosts(this.dataSource.manager, [positionId], new Date()),
      openTasksMoving(this.dataSource.manager, posts),
    ]);
    return { appointment: views[0], ended: views.slice(1), actingNow: await actingView(this.dataSource.manager, acting.get(positionId) ?? null), openTasksMoving: moving };
  }

  async end(user: AuthUser, id: string, dto: EndAppointmentDto): Promise<AppointmentChangeView> {
    const ended = await this.dataSource.transaction(async (em) => {
      const found = await em.getRepository(AppointmentEntity).findOneBy({ id });
      if (!found) throw notFound('Appointment', id);
      await lockOrg(em, [{ kind: 'position', id: found.positionId }, { kind: 'person', id: found.personId }]);
      const row = (await em.getRepository(AppointmentEntity).findOneBy({ id }))!;
      const endsAt = momentOf('endsAt', dto.endsAt, new Date());
      if (row.endsAt && row.endsAt <= endsAt) throw conflict('ALREADY_ENDED', `This appointment already ends on ${row.endsAt.toISOString()}.`);
      if (endsAt < row.startsAt) throw fieldError('endsAt', 'endsAt must not be before the appointment starts');
      await em.getRepository(AppointmentEntity).update({ id }, { endsAt, endReason: dto.reason, endedByPersonId: user.personId });
      return { ...row, endsAt, endReason: dto.reason };
    });
    await this.signal.orgChanged();
    const [views, acting, moving] = await Promise.all([
      this.views([ended]),
      actingForPosts(this.dataSource.manager, [ended.positionId], new Date()),
      openTasksMoving(this.dataSource.manager, [ended.positionId]),
    ]);
    return { appointment: views[0], ended: [], actingNow: await actingView(this.dataSource.manager, acting.get(ended.positionId) ?? null), openTasksMoving: moving };
  }

  /** Who decides the post's tasks now, the appointments in force, and what is scheduled to change. */
  async acting(positionId: string): Promise<PositionActingView> {
    const em = this.dataSource.manager;
    const position = await em.getRepository(PositionEntity).findOneBy({ id: positionId });
    if (!position) throw notFound('Position', positionId);
    const now = new Date();
    const [appointments, delegations, acting] = await Promise.all([
      em.getRepository(AppointmentEntity).findBy({ positionId }),
      em.getRepository(DelegationEntity).findBy({ positionId, revokedAt: IsNull() }),
      actingForPosts(em, [positionId], now),
    ]);
    const people = await this.names([...appointments.map((a) => a.personId), ...delegations.map((d) => d.delegatePersonId)]);
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
      actingNow: await actingView(em, acting.get(positionId) ?? null),
      current: await this.views(current),
      upcoming: unique.slice(0, 20),
    };
  }

  private async names(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const people = unique.length ? await this.dataSource.getRepository(PersonEntity).find({ where: { id: In(unique) }, select: { id: true, name: true } }) : [];
    return new Map(people.map((p) => [p.id, p.name]));
  }

  private async views(rows: AppointmentEntity[]): Promise<AppointmentView[]> {
    const em: EntityManager = this.dataSource.manager;
    const positions = rows.length ? await em.getRepository(PositionEntity).find({ where: { id: In([...new Set(rows.map((r) => r.positionId))]) }, select: { id: true, title: true } }) : [];
    const people = await this.names(rows.map((r) => r.personId));
    return rows.map((r) => ({
      id: r.id,
      positionId: r.positionId,
      positionTitle: positions.find((p) => p.id === r.positionId)?.title ?? '',
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

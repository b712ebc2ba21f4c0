import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull, MoreThan, Or } from 'typeorm';
import type { EffectiveActing } from '@libs/domain/acting';
import { actingForPosts, misassignedApprovals } from './acting-lookup';
import { LockName, takeRowLocks } from './advisory-lock';
import { AppointmentEntity, DelegationEntity, PersonEntity, PositionEntity } from './entities';
import type { PageSlice } from './page-slice';

/** A new appointment's columns; the id is made here. */
export type NewAppointment = Omit<AppointmentEntity, 'id' | 'createdAt' | 'updatedAt'>;
/** A new delegation's columns; the id is made here. */
export type NewDelegation = Omit<DelegationEntity, 'id' | 'createdAt'>;

/** How an appointment or a delegation is ended (never deleted). */
export interface AppointmentEnding {
  endsAt: Date;
  endReason: string;
  endedByPersonId: string;
}
export interface DelegationRevocation {
  revokedAt: Date;
  revokedByPersonId: string;
  revokeReason: string | null;
}

/** Which delegations a list shows. */
export interface DelegationFilter {
  /** Only those this person made (`given`), received, or took part in at all (`any`); absent: all. */
  personId?: { id: string; as: 'given' | 'received' | 'any' };
  positionId?: string;
  /** Only those neither revoked nor over. */
  current?: boolean;
}

/**
 * The statements of one change of who acts for posts, all in one transaction. `lock` takes the row
 * locks of the posts and people changed (advisory-lock.ts) before the rows are read and checked, so
 * two concurrent changes cannot both find a post free.
 */
export class ContinuityChange {
  constructor(private readonly em: EntityManager) {}

  lock(names: LockName[]): Promise<void> {
    return takeRowLocks(this.em, names);
  }

  position(id: string): Promise<PositionEntity | null> {
    return this.em.getRepository(PositionEntity).findOneBy({ id });
  }

  person(id: string): Promise<PersonEntity | null> {
    return this.em.getRepository(PersonEntity).findOneBy({ id });
  }

  appointment(id: string): Promise<AppointmentEntity | null> {
    return this.em.getRepository(AppointmentEntity).findOneBy({ id });
  }

  appointmentsOf(positionId: string): Promise<AppointmentEntity[]> {
    return this.em.getRepository(AppointmentEntity).findBy({ positionId });
  }

  /** The person's definitive appointments that have not ended by `at`, on any post. */
  definitiveTermsOf(personId: string, at: Date): Promise<AppointmentEntity[]> {
    return this.em.getRepository(AppointmentEntity).findBy({ personId, capacity: 'definitif', endsAt: Or(IsNull(), MoreThan(at)) });
  }

  async endAppointment(id: string, ending: AppointmentEnding): Promise<void> {
    await this.em.getRepository(AppointmentEntity).update({ id }, ending);
  }

  async insertAppointment(fields: NewAppointment): Promise<AppointmentEntity> {
    const repo = this.em.getRepository(AppointmentEntity);
    const row = repo.create({ id: randomUUID(), ...fields });
    await repo.insert(row);
    return row;
  }

  delegation(id: string): Promise<DelegationEntity | null> {
    return this.em.getRepository(DelegationEntity).findOneBy({ id });
  }

  /** A delegation of the post by the same person, not revoked, overlapping [startsAt, endsAt). */
  overlappingDelegation(positionId: string, delegatorPersonId: string, startsAt: Date, endsAt: Date): Promise<DelegationEntity | null> {
    return this.em
      .getRepository(DelegationEntity)
      .createQueryBuilder('d')
      .where('d.position_id = :p AND d.delegator_person_id = :who AND d.revoked_at IS NULL AND d.starts_at < :end AND d.ends_at > :start', {
        p: positionId,
        who: delegatorPersonId,
        start: startsAt,
        end: endsAt,
      })
      .getOne();
  }

  async insertDelegation(fields: NewDelegation): Promise<DelegationEntity> {
    const repo = this.em.getRepository(DelegationEntity);
    const row = repo.create({ id: randomUUID(), ...fields });
    await repo.insert(row);
    return row;
  }

  async revokeDelegation(id: string, revocation: DelegationRevocation): Promise<void> {
    await this.em.getRepository(DelegationEntity).update({ id }, revocation);
  }
}

/** Appointments and delegations (who acts for which post when), and their effect on open tasks. */
export class ContinuityStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `fn` as one transaction of changes to appointments and delegations. */
  change<T>(fn: (change: ContinuityChange) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((em) => fn(new ContinuityChange(em)));
  }

  position(id: string): Promise<PositionEntity | null> {
    return this.dataSource.getRepository(PositionEntity).findOneBy({ id });
  }

  appointmentsOf(positionId: string): Promise<AppointmentEntity[]> {
    return this.dataSource.getRepository(AppointmentEntity).findBy({ positionId });
  }

  /** The post's delegations that were not revoked (over or not). */
  unrevokedDelegationsOf(positionId: string): Promise<DelegationEntity[]> {
    return this.dataSource.getRepository(DelegationEntity).findBy({ positionId, revokedAt: IsNull() });
  }

  /** Who decides each post's tasks at `at` (see acting-lookup.ts). */
  actingFor(positionIds: string[], at: Date): Promise<Map<string, EffectiveActing | null>> {
    return actingForPosts(this.dataSource.manager, positionIds, at);
  }

  /** How many open tasks of these posts sit with someone other than who acts for them at `at`. */
  async openTasksMoving(positionIds: string[], at: Date): Promise<number> {
    const stale = await misassignedApprovals(this.dataSource.manager, at, positionIds);
    return stale.reduce((n, s) => n + s.tasks, 0);
  }

  /** The names of these people, by id (unknown ids are left out). */
  async personNames(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const people = unique.length ? await this.dataSource.getRepository(PersonEntity).find({ where: { id: In(unique) }, select: { id: true, name: true } }) : [];
    return new Map(people.map((p) => [p.id, p.name]));
  }

  /** The titles of these posts, by id (unknown ids are left out). */
  async positionTitles(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const positions = unique.length ? await this.dataSource.getRepository(PositionEntity).find({ where: { id: In(unique) }, select: { id: true, title: true } }) : [];
    return new Map(positions.map((p) => [p.id, p.title]));
  }

  /** One page of delegations, the latest start first, with the number the filter matches in all. */
  async delegationsPage(filter: DelegationFilter, page: PageSlice): Promise<{ rows: DelegationEntity[]; total: number }> {
    const qb = this.dataSource.getRepository(DelegationEntity).createQueryBuilder('d');
    const who = filter.personId;
    if (who) {
      const mine = { me: who.id };
      if (who.as === 'given') qb.andWhere('d.delegator_person_id = :me', mine);
      else if (who.as === 'received') qb.andWhere('d.delegate_person_id = :me', mine);
      else qb.andWhere('(d.delegator_person_id = :me OR d.delegate_person_id = :me OR d.created_by_person_id = :me)', mine);
    }
    if (filter.positionId) qb.andWhere('d.position_id = :p', { p: filter.positionId });
    if (filter.current) qb.andWhere('d.revoked_at IS NULL AND d.ends_at > now()');
    const [rows, total] = await qb.orderBy('d.starts_at', 'DESC').addOrderBy('d.id').skip(page.offset).take(page.pageSize).getManyAndCount();
    return { rows, total };
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { AuthUser } from '@libs/auth/auth.types';
import { actingFor } from '@libs/domain/acting';
import { conflict, forbidden, notFound } from '@libs/http/domain-error';
import { pageOf } from '@libs/http/page-query';
import { AppointmentEntity, DelegationEntity, PersonEntity, PositionEntity } from '@libs/persistence/entities';
import { ContinuitySignal } from './continuity-signal.service';
import { CreateDelegationDto, DelegationChangeView, DelegationPageView, DelegationQuery, DelegationView, RevokeDelegationDto } from './dto/delegation.dto';
import { fieldError, lockOrg, momentOf, openTasksMoving } from './org-time';

const MAX_DELEGATION_MS = 90 * 24 * 3600 * 1000;
const isAdmin = (user: AuthUser) => user.roles.includes('admin');

/**
 * Pelimpahan: whoever acts for a post lets another person decide its tasks while away. The delegation
 * belongs to the person who made it, so it stops applying when they stop acting for the post.
 */
@Injectable()
export class DelegationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly signal: ContinuitySignal,
  ) {}

  async create(user: AuthUser, dto: CreateDelegationDto): Promise<DelegationChangeView> {
    const now = new Date();
    const startsAt = momentOf('startsAt', dto.startsAt, now);
    const endsAt = momentOf('endsAt', dto.endsAt, now);
    if (endsAt <= startsAt) throw fieldError('endsAt', 'endsAt must be after startsAt');
    if (endsAt <= now) throw fieldError('endsAt', 'endsAt must be in the future');
    if (endsAt.getTime() - startsAt.getTime() > MAX_DELEGATION_MS) throw fieldError('endsAt', 'a delegation lasts at most 90 days');

    const created = await this.dataSource.transaction(async (em) => {
      await lockOrg(em, [{ kind: 'position', id: dto.positionId }]);
      const position = await em.getRepository(PositionEntity).findOneBy({ id: dto.positionId });
      if (!position) throw fieldError('positionId', `no post has id ${dto.positionId}`);
      const delegate = await em.getRepository(PersonEntity).findOneBy({ id: dto.delegatePersonId });
      if (!delegate) throw fieldError('delegatePersonId', `no person has id ${dto.delegatePersonId}`);
      const acting = actingFor(await em.getRepository(AppointmentEntity).findBy({ positionId: dto.positionId }), startsAt);
      if (!acting) throw conflict('POST_VACANT', 'Nobody acts for this post on that date, so nobody can delegate it.');
      if (!isAdmin(user) && acting.personId !== user.personId) {
        throw forbidden('NOT_ACTING_FOR_POST', 'Only the person acting for the post (or an administrator) can delegate its tasks.');
      }
      if (acting.personId === delegate.id) throw fieldError('delegatePersonId', 'a person cannot delegate to themselves');
      const overlapping = await em
        .getRepository(DelegationEntity)
        .createQueryBuilder('d')
        .where('d.position_id = :p AND d.delegator_person_id = :who AND d.revoked_at IS NULL AND d.starts_at < :end AND d.ends_at > :start', {
          p: dto.positionId,
          who: acting.personId,
          start: startsAt,
          end: endsAt,
        })
        .getOne();
      if (overlapping) throw conflict('DELEGATION_OVERLAPS', 'Another delegation of this post by the same person overlaps these dates; revoke it first.', { delegationId: overlapping.id });
      const row = em.getRepository(DelegationEntity).create({
        id: randomUUID(),
        positionId: dto.positionId,
        delegatorPersonId: acting.personId,
        delegatePersonId: delegate.id,
        startsAt,
        endsAt,
        reason: dto.reason.trim(),
        createdByPersonId: user.personId,
        revokedAt: null,
        revokedByPersonId: null,
        revokeReason: null,
      });
      await em.getRepository(DelegationEntity).insert(row);
      return row;
    });
    await this.signal.orgChanged();
    const [view] = await this.views([created]);
    return { delegation: view, openTasksMoving: await openTasksMoving(this.dataSource.manager, [created.positionId]) };
  }

  async revoke(user: AuthUser, id: string, dto: RevokeDelegationDto): Promise<DelegationChangeView> {
    const revoked = await this.dataSource.transaction(async (em) => {
      const found = await em.getRepository(DelegationEntity).findOneBy({ id });
      if (!found) throw notFound('Delegation', id);
      await lockOrg(em, [{ kind: 'position', id: found.positionId }]);
      const row = (await em.getRepository(DelegationEntity).findOneBy({ id }))!;
      if (!isAdmin(user) && row.delegatorPersonId !== user.personId) {
        throw forbidden('NOT_DELEGATOR', 'Only the person who delegated (or an administrator) can revoke a delegation.');
      }
      const now = new Date();
      if (row.revokedAt) throw conflict('ALREADY_REVOKED', 'This delegation was already revoked.');
      if (row.endsAt <= now) throw conflict('ALREADY_ENDED', 'This delegation is already over.');
      const revokeReason = dto.reason?.trim() || null;
      await em.getRepository(DelegationEntity).update({ id }, { revokedAt: now, revokedByPersonId: user.personId, revokeReason });
      return { ...row, revokedAt: now, revokedByPersonId: user.personId, revokeReason };
    });
    await this.signal.orgChanged();
    const [view] = await this.views([revoked]);
    return { delegation: view, openTasksMoving: await openTasksMoving(this.dataSource.manager, [revoked.positionId]) };
  }

  /** Mine (given and received), or for administrators everything, newest first. */
  async list(user: AuthUser, query: DelegationQuery): Promise<DelegationPageView> {
    const { page, pageSize, offset } = pageOf(query);
    const qb = this.dataSource.getRepository(DelegationEntity).createQueryBuilder('d');
    const mine = { me: user.personId };
    if (query.role === 'given') qb.andWhere('d.delegator_person_id = :me', mine);
    else if (query.role === 'received') qb.andWhere('d.delegate_person_id = :me', mine);
    else if (!isAdmin(user)) qb.andWhere('(d.delegator_person_id = :me OR d.delegate_person_id = :me OR d.created_by_person_id = :me)', mine);
    if (query.positionId) qb.andWhere('d.position_id = :p', { p: query.positionId });
    if (query.current) qb.andWhere('d.revoked_at IS NULL AND d.ends_at > now()');
    const [rows, total] = await qb.orderBy('d.starts_at', 'DESC').addOrderBy('d.id').skip(offset).take(pageSize).getManyAndCount();
    return { items: await this.views(rows), total, page, pageSize };
  }

  private async views(rows: DelegationEntity[]): Promise<DelegationView[]> {
    if (rows.length === 0) return [];
    const personIds = [...new Set(rows.flatMap((r) => [r.delegatorPersonId, r.delegatePersonId]))];
    const [people, positions] = await Promise.all([
      this.dataSource.getRepository(PersonEntity).find({ where: { id: In(personIds) }, select: { id: true, name: true } }),
      this.dataSource.getRepository(PositionEntity).find({ where: { id: In([...new Set(rows.map((r) => r.positionId))]) }, select: { id: true, title: true } }),
    ]);
    const name = (id: string) => people.find((p) => p.id === id)?.name ?? '';
    const now = new Date();
    return rows.map((r) => ({
      id: r.id,
      positionId: r.positionId,
      positionTitle: positions.find((p) => p.id === r.positionId)?.title ?? '',
      delegatorPersonId: r.delegatorPersonId,
      delegatorName: name(r.delegatorPersonId),
      delegatePersonId: r.delegatePersonId,
      delegateName: name(r.delegatePersonId),
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      reason: r.reason,
      revokedAt: r.revokedAt,
      revokeReason: r.revokeReason,
      state: r.revokedAt ? 'revoked' : r.endsAt <= now ? 'ended' : r.startsAt > now ? 'scheduled' : 'active',
    }));
  }
}

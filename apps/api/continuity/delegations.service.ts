import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@libs/auth/auth.types';
import { actingFor } from '@libs/domain/acting';
import { conflict, forbidden, notFound } from '@libs/http/domain-error';
import { pageOf } from '@libs/http/page-query';
import { ContinuityStore, DelegationFilter } from '@libs/persistence/continuity.store';
import type { DelegationEntity } from '@libs/persistence/entities';
import { ContinuitySignal } from './continuity-signal.service';
import { CreateDelegationDto, DelegationChangeView, DelegationPageView, DelegationQuery, DelegationView, RevokeDelegationDto } from './dto/delegation.dto';
import { fieldError, momentOf } from './org-time';

const MAX_DELEGATION_MS = 90 * 24 * 3600 * 1000;
const isAdmin = (user: AuthUser) => user.roles.includes('admin');

/**
 * Pelimpahan: whoever acts for a post lets another person decide its tasks while away. The delegation
 * belongs to the person who made it, so it stops applying when they stop acting for the post.
 */
@Injectable()
export class DelegationsService {
  constructor(
    private readonly store: ContinuityStore,
    private readonly signal: ContinuitySignal,
  ) {}

  async create(user: AuthUser, dto: CreateDelegationDto): Promise<DelegationChangeView> {
    const now = new Date();
    const startsAt = momentOf('startsAt', dto.startsAt, now);
    const endsAt = momentOf('endsAt', dto.endsAt, now);
    if (endsAt <= startsAt) throw fieldError('endsAt', 'endsAt must be after startsAt');
    if (endsAt <= now) throw fieldError('endsAt', 'endsAt must be in the future');
    if (endsAt.getTime() - startsAt.getTime() > MAX_DELEGATION_MS) throw fieldError('endsAt', 'a delegation lasts at most 90 days');

    const created = await this.store.change(async (change) => {
      await change.lock([{ kind: 'position', id: dto.positionId }]);
      const position = await change.position(dto.positionId);
      if (!position) throw fieldError('positionId', `no post has id ${dto.positionId}`);
      const delegate = await change.person(dto.delegatePersonId);
      if (!delegate) throw fieldError('delegatePersonId', `no person has id ${dto.delegatePersonId}`);
      const acting = actingFor(await change.appointmentsOf(dto.positionId), startsAt);
      if (!acting) throw conflict('POST_VACANT', 'Nobody acts for this post on that date, so nobody can delegate it.');
      if (!isAdmin(user) && acting.personId !== user.personId) {
        throw forbidden('NOT_ACTING_FOR_POST', 'Only the person acting for the post (or an administrator) can delegate its tasks.');
      }
      if (acting.personId === delegate.id) throw fieldError('delegatePersonId', 'a person cannot delegate to themselves');
      const overlapping = await change.overlappingDelegation(dto.positionId, acting.personId, startsAt, endsAt);
      if (overlapping) throw conflict('DELEGATION_OVERLAPS', 'Another delegation of this post by the same person overlaps these dates; revoke it first.', { delegationId: overlapping.id });
      return change.insertDelegation({
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
    });
    await this.signal.orgChanged();
    const [view] = await this.views([created]);
    return { delegation: view, openTasksMoving: await this.store.openTasksMoving([created.positionId], new Date()) };
  }

  async revoke(user: AuthUser, id: string, dto: RevokeDelegationDto): Promise<DelegationChangeView> {
    const revoked = await this.store.change(async (change) => {
      const found = await change.delegation(id);
      if (!found) throw notFound('Delegation', id);
      await change.lock([{ kind: 'position', id: found.positionId }]);
      const row = (await change.delegation(id))!;
      if (!isAdmin(user) && row.delegatorPersonId !== user.personId) {
        throw forbidden('NOT_DELEGATOR', 'Only the person who delegated (or an administrator) can revoke a delegation.');
      }
      const now = new Date();
      if (row.revokedAt) throw conflict('ALREADY_REVOKED', 'This delegation was already revoked.');
      if (row.endsAt <= now) throw conflict('ALREADY_ENDED', 'This delegation is already over.');
      const revokeReason = dto.reason?.trim() || null;
      await change.revokeDelegation(id, { revokedAt: now, revokedByPersonId: user.personId, revokeReason });
      return { ...row, revokedAt: now, revokedByPersonId: user.personId, revokeReason };
    });
    await this.signal.orgChanged();
    const [view] = await this.views([revoked]);
    return { delegation: view, openTasksMoving: await this.store.openTasksMoving([revoked.positionId], new Date()) };
  }

  /** Mine (given and received), or for administrators everything, newest first. */
  async list(user: AuthUser, query: DelegationQuery): Promise<DelegationPageView> {
    const { page, pageSize, offset } = pageOf(query);
    const as = query.role ?? (isAdmin(user) ? undefined : 'any');
    const filter: DelegationFilter = { personId: as ? { id: user.personId, as } : undefined, positionId: query.positionId, current: query.current };
    const { rows, total } = await this.store.delegationsPage(filter, { offset, pageSize });
    return { items: await this.views(rows), total, page, pageSize };
  }

  private async views(rows: DelegationEntity[]): Promise<DelegationView[]> {
    if (rows.length === 0) return [];
    const personIds = [...new Set(rows.flatMap((r) => [r.delegatorPersonId, r.delegatePersonId]))];
    const [people, positions] = await Promise.all([this.store.personNames(personIds), this.store.positionTitles(rows.map((r) => r.positionId))]);
    const name = (id: string) => people.get(id) ?? '';
    const now = new Date();
    return rows.map((r) => ({
      id: r.id,
      positionId: r.positionId,
      positionTitle: positions.get(r.positionId) ?? '',
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

import { ApplicationFailure } from '@temporalio/common';
import { DataSource, In } from 'typeorm';
import type { ApproverSelector } from '@libs/domain/chain';
import type { Capacity } from '@libs/domain/proposal';
import type { MoveAuthority } from '@libs/domain/acting-authority';
import { actingForPosts } from '@libs/persistence/acting-lookup';
import { OrgUnitEntity, PersonEntity, PositionEntity } from '@libs/persistence/entities';

export interface ResolvedSlot {
  positionId: string;
  positionTitle: string;
  /** Null when the post is vacant and nobody acts for it. */
  personId: string | null;
  personName: string | null;
  capacity: Capacity | null;
  /** With capacity `delegate`: who delegated (absent in results recorded before delegations existed). */
  onBehalfOfPersonId?: string | null;
  onBehalfOfName?: string | null;
  /**
   * Set when the post the chain named is one the proposer acts for (segregation of duties): this slot
   * went to the superior post instead, as an office would route it.
   */
  routedAround?: RoutedAround;
  /** resolveActing only: on what authority the person acts now, and what ended for the previous one. */
  authority?: MoveAuthority | null;
}

export interface RoutedAround {
  /** The post the chain named, for which the proposer acts. */
  positionId: string;
  positionTitle: string;
  reason: 'proposer-holds-post';
}

export const APPROVER_NOT_FOUND = 'ApproverNotFound';

/** Turns a stage's selectors into posts, and each post into the person acting for it now. */
export class ApproverResolver {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * With `proposerPersonId`, a post the proposer acts for (as holder, Plt., Plh. or delegate, or whose
   * holder delegated it to someone on the proposer's behalf) goes to the nearest superior post that is
   * not already a slot of the stage; with none, the stage cannot be resolved (ApproverNotFound).
   */
  async resolve(selectors: ApproverSelector[], proposalUnitId: string, at: Date, proposerPersonId?: string): Promise<ResolvedSlot[]> {
    const positionIds: string[] = [];
    for (const selector of selectors) {
      for (const id of await this.positionsFor(selector, proposalUnitId)) {
        if (!positionIds.includes(id)) positionIds.push(id);
      }
    }
    const slots = await this.slotsFor(positionIds, at);
    if (!proposerPersonId) return slots;
    const taken = new Set(positionIds);
    const routed: ResolvedSlot[] = [];
    for (const slot of slots) {
      if (!actsFor(slot, proposerPersonId)) {
        routed.push(slot);
        continue;
      }
      const above = await this.superiorNotActedForBy(slot, proposerPersonId, taken, at);
      if (!above) {
        throw ApplicationFailure.nonRetryable(
          `the proposer acts for ${slot.positionTitle}, and no superior post can decide in their place`,
          APPROVER_NOT_FOUND,
        );
      }
      taken.add(above.positionId);
      routed.push(above);
    }
    return routed;
  }

  /** Each post and the person acting for it now, in the order given. */
  private async slotsFor(positionIds: string[], at: Date): Promise<ResolvedSlot[]> {
    const positions = await this.dataSource.getRepository(PositionEntity).findBy({ id: In(positionIds) });
    if (positions.length !== positionIds.length) {
      const missing = positionIds.filter((id) => !positions.some((p) => p.id === id));
      throw ApplicationFailure.nonRetryable(`unknown post(s): ${missing.join(', ')}`, APPROVER_NOT_FOUND);
    }
    const acting = await actingForPosts(this.dataSource.manager, positionIds, at);
    const slots = positionIds.map((positionId) => {
      const position = positions.find((p) => p.id === positionId)!;
      const now = acting.get(positionId) ?? null;
      return {
        positionId,
        positionTitle: position.title,
        personId: now?.personId ?? null,
        capacity: now?.capacity ?? null,
        onBehalfOfPersonId: now?.onBehalfOfPersonId ?? null,
      };
    });
    const personIds = slots.flatMap((s) => [s.personId, s.onBehalfOfPersonId].filter((id): id is string => !!id));
    const people = personIds.length ? await this.dataSource.getRepository(PersonEntity).findBy({ id: In(personIds) }) : [];
    const nameOf = (id: string | null) => (id ? (people.find((p) => p.id === id)?.name ?? null) : null);
    return slots.map((s) => ({ ...s, personName: nameOf(s.personId), onBehalfOfName: nameOf(s.onBehalfOfPersonId) }));
  }

  /**
   * The post a timed-out task escalates to (a named post, or else the superior of the task's post)
   * and who acts for it now; null when the post has no superior.
   */
  async escalationTarget(fromPositionId: string, targetPositionId: string | undefined, at: Date, proposerPersonId?: string): Promise<ResolvedSlot | null> {
    let target = targetPositionId;
    if (!target) {
      const from = await this.dataSource.getRepository(PositionEntity).findOneBy({ id: fromPositionId });
      if (!from?.superiorPositionId) return null;
      target = from.superiorPositionId;
    }
    const [slot] = await this.slotsFor([target], at);
    // A target the proposer acts for escalates on to the next post above it; with none, nobody.
    if (proposerPersonId && actsFor(slot, proposerPersonId)) return this.superiorNotActedForBy(slot, proposerPersonId, new Set([fromPositionId]), at);
    return slot;
  }

  /**
   * The nearest post above `slot` that is not in `taken` and that the proposer does not act for, with
   * who acts for it now, marked as routed around `slot`; null at the top of the tree.
   */
  private async superiorNotActedForBy(slot: ResolvedSlot, proposerPersonId: string, taken: Set<string>, at: Date): Promise<ResolvedSlot | null> {
    const seen = new Set([slot.positionId]);
    let current = slot.positionId;
    for (;;) {
      const post = await this.dataSource.getRepository(PositionEntity).findOneBy({ id: current });
      const up = post?.superiorPositionId;
      if (!up || seen.has(up)) return null;
      seen.add(up);
      current = up;
      if (taken.has(up)) continue;
      const [candidate] = await this.slotsFor([up], at);
      if (actsFor(candidate, proposerPersonId)) continue;
      return { ...candidate, routedAround: { positionId: slot.positionId, positionTitle: slot.positionTitle, reason: 'proposer-holds-post' } };
    }
  }

  private async positionsFor(selector: ApproverSelector, unitId: string): Promise<string[]> {
    switch (selector.kind) {
      case 'position':
        return [selector.positionId];
      case 'positions':
        return selector.positionIds;
      case 'head-of-proposer-unit':
        return [await this.headOf(unitId)];
      case 'head-of-parent-unit': {
        const unit = await this.dataSource.getRepository(OrgUnitEntity).findOneBy({ id: unitId });
        if (!unit?.parentId) throw ApplicationFailure.nonRetryable(`unit ${unitId} has no parent unit`, APPROVER_NOT_FOUND);
        return [await this.headOf(unit.parentId)];
      }
    }
  }

  private async headOf(unitId: string): Promise<string> {
    const head = await this.dataSource.getRepository(PositionEntity).findOneBy({ unitId, isUnitHead: true });
    if (!head) throw ApplicationFailure.nonRetryable(`unit ${unitId} has no head post`, APPROVER_NOT_FOUND);
    return head.id;
  }
}

/** Whether the proposer would decide this slot: they act for its post, or its holder delegated it on their behalf. */
const actsFor = (slot: ResolvedSlot, proposerPersonId: string) => slot.personId === proposerPersonId || slot.onBehalfOfPersonId === proposerPersonId;

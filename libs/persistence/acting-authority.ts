import { EntityManager, In } from 'typeorm';
import { moveAuthority, MoveAuthority, PersonRef, PreviousHolder } from '@libs/domain/acting-authority';
import { AppointmentEntity, DelegationEntity, PersonEntity } from './entities';

export interface PostHolder extends PreviousHolder {
  positionId: string;
}

/**
 * For each post, on what authority whoever acts for it now does so, and which term of its previous
 * holder (as the workflow names them) ended — with the names of the people who recorded and ended
 * those terms, so the record reads on its own. Three queries, whatever the number of posts.
 */
export async function moveAuthorities(em: EntityManager, positionIds: string[], holders: PostHolder[], at: Date): Promise<Map<string, MoveAuthority>> {
  const result = new Map<string, MoveAuthority>();
  if (positionIds.length === 0) return result;
  const [appointments, delegations] = await Promise.all([
    em.getRepository(AppointmentEntity).findBy({ positionId: In(positionIds) }),
    em.getRepository(DelegationEntity).findBy({ positionId: In(positionIds) }),
  ]);
  for (const positionId of positionIds) {
    const previous = holders.find((h) => h.positionId === positionId) ?? null;
    result.set(
      positionId,
      moveAuthority(appointments.filter((a) => a.positionId === positionId), delegations.filter((d) => d.positionId === positionId), previous, at),
    );
  }
  await fillNames(em, [...result.values()]);
  return result;
}

async function fillNames(em: EntityManager, authorities: MoveAuthority[]): Promise<void> {
  const refs: PersonRef[] = authorities.flatMap((a) =>
    [a.term?.recordedBy, a.term?.delegator, a.ended?.recordedBy, a.ended?.delegator, a.ended?.endedBy].filter((r): r is PersonRef => !!r),
  );
  const ids = [...new Set(refs.map((r) => r.personId))];
  if (ids.length === 0) return;
  const people = await em.getRepository(PersonEntity).find({ select: { id: true, name: true }, where: { id: In(ids) } });
  for (const r of refs) r.name = people.find((p) => p.id === r.personId)?.name ?? null;
}

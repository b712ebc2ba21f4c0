import { EntityManager, In } from 'typeorm';
import { effectiveActing, EffectiveActing } from '@libs/domain/acting';
import { AppointmentEntity, DelegationEntity } from './entities';

/**
 * Who decides each post's tasks at a moment — the person acting for it, or their delegate — read from
 * the appointment and delegation tables in two queries, whatever the number of posts.
 */
export async function actingForPosts(em: EntityManager, positionIds: string[], at: Date): Promise<Map<string, EffectiveActing | null>> {
  const result = new Map<string, EffectiveActing | null>();
  if (positionIds.length === 0) return result;
  const [appointments, delegations] = await Promise.all([
    em.getRepository(AppointmentEntity).findBy({ positionId: In(positionIds) }),
    em.getRepository(DelegationEntity).findBy({ positionId: In(positionIds) }),
  ]);
  for (const positionId of positionIds) {
    result.set(
      positionId,
      effectiveActing(
        appointments.filter((a) => a.positionId === positionId),
        delegations.filter((d) => d.positionId === positionId),
        at,
      ),
    );
  }
  return result;
}

/** The proposals with open tasks held by someone other than who acts for the post now, with those posts. */
export interface MisassignedApproval {
  proposalId: string;
  positionIds: string[];
  /** Open tasks of those posts in this approval that sit with the wrong person. */
  tasks: number;
}

/**
 * Open tasks whose assignee, capacity or delegator no longer matches who acts for their post (tasks an
 * administrator assigned to someone — Disposisi — stay where they are). Works on the distinct
 * (post, holder) pairs first, so a sweep stays cheap with many open tasks.
 */
export async function misassignedApprovals(em: EntityManager, at: Date, onlyPositionIds?: string[]): Promise<MisassignedApproval[]> {
  const stale = await stalePairs(em, at, onlyPositionIds);
  return stale.length === 0 ? [] : group(await staleRows(em, stale, null, null));
}

/** One page of `misassignedApprovals`, by proposal id after `after`; `next` is where the next page starts, null at the end. */
export async function misassignedPage(em: EntityManager, at: Date, after: string | null, limit: number): Promise<{ items: MisassignedApproval[]; next: string | null }> {
  const stale = await stalePairs(em, at);
  if (stale.length === 0) return { items: [], next: null };
  const rows = await staleRows(em, stale, after, limit + 1);
  if (rows.length <= limit) return { items: group(rows), next: null };
  // Never split one approval's posts over two pages: end the page before the last approval listed.
  const cut = rows[limit].proposalId;
  const kept = rows.slice(0, limit).filter((r) => r.proposalId !== cut);
  if (kept.length === 0) return { items: group(rows.filter((r) => r.proposalId === cut)), next: cut };
  return { items: group(kept), next: kept[kept.length - 1].proposalId };
}

interface HolderPair {
  positionId: string;
  personId: string | null;
  capacity: string | null;
  onBehalfOf: string | null;
}

async function stalePairs(em: EntityManager, at: Date, onlyPositionIds?: string[]): Promise<HolderPair[]> {
  const scope = onlyPositionIds ? `AND position_id = ANY($1::uuid[])` : '';
  const pairs = await em.query<HolderPair[]>(
    `SELECT DISTINCT position_id AS "positionId", assignee_person_id AS "personId", capacity, on_behalf_of_person_id AS "onBehalfOf"
       FROM approval_task WHERE status = 'open' AND assigned_by_person_id IS NULL ${scope}`,
    onlyPositionIds ? [onlyPositionIds] : [],
  );
  if (pairs.length === 0) return [];
  const acting = await actingForPosts(em, [...new Set(pairs.map((p) => p.positionId))], at);
  return pairs.filter((p) => {
    const now = acting.get(p.positionId) ?? null;
    return (now?.personId ?? null) !== p.personId || (now?.capacity ?? null) !== p.capacity || (now?.onBehalfOfPersonId ?? null) !== p.onBehalfOf;
  });
}

interface StaleRow {
  proposalId: string;
  positionId: string;
  tasks: number;
}

function staleRows(em: EntityManager, stale: HolderPair[], after: string | null, limit: number | null): Promise<StaleRow[]> {
  return em.query<StaleRow[]>(
    `SELECT t.proposal_id AS "proposalId", t.position_id AS "positionId", COUNT(*)::int AS tasks
       FROM approval_task t
       JOIN jsonb_to_recordset($1::jsonb) AS s("positionId" uuid, "personId" uuid, capacity text, "onBehalfOf" uuid)
         ON t.position_id = s."positionId"
        AND t.assignee_person_id IS NOT DISTINCT FROM s."personId"
        AND t.capacity IS NOT DISTINCT FROM s.capacity
        AND t.on_behalf_of_person_id IS NOT DISTINCT FROM s."onBehalfOf"
      WHERE t.status = 'open' AND t.assigned_by_person_id IS NULL AND ($2::uuid IS NULL OR t.proposal_id > $2::uuid)
      GROUP BY 1, 2
      ORDER BY 1, 2
      LIMIT $3`,
    [JSON.stringify(stale), after, limit],
  );
}

function group(rows: StaleRow[]): MisassignedApproval[] {
  const byProposal = new Map<string, MisassignedApproval>();
  for (const r of rows) {
    const entry = byProposal.get(r.proposalId) ?? { proposalId: r.proposalId, positionIds: [], tasks: 0 };
    entry.positionIds.push(r.positionId);
    entry.tasks += r.tasks;
    byProposal.set(r.proposalId, entry);
  }
  return [...byProposal.values()];
}

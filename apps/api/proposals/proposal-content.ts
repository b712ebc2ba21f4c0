import type { DataSource } from 'typeorm';
import type { ProposalFacts } from '@libs/domain/chain';
import type { ProposalEntity } from '@libs/persistence/entities';

/** The proposal's content as written by the proposer: what the record keeps for every submitted version. */
export function proposalSnapshot(p: ProposalEntity): Record<string, unknown> {
  return {
    version: p.version,
    title: p.title,
    problem: p.problem,
    proposedChange: p.proposedChange,
    goals: p.goals,
    benefits: p.benefits,
    category: p.category,
    type: p.type,
    form: p.form,
    initiatorKind: p.initiatorKind,
    budgetEstimate: p.budgetEstimate === null ? null : Number(p.budgetEstimate),
    pilotPlan: p.pilotPlan,
    indicators: p.indicators,
    risks: p.risks,
    collaboratingUnitIds: p.collaboratingUnitIds,
    attachments: p.attachments,
  };
}

/**
 * The facts stage conditions test. A proposal is cross-agency when a collaborating unit sits under
 * another agency (the top-level unit below the regional government) than the proposer's unit.
 */
export async function proposalFacts(dataSource: DataSource, p: ProposalEntity): Promise<ProposalFacts> {
  let crossAgency = false;
  if (p.collaboratingUnitIds.length) {
    const rows: { unit_id: string; agency_id: string }[] = await dataSource.query(
      `WITH RECURSIVE up AS (
         SELECT u.id AS unit_id, u.id AS at_id, u.parent_id FROM org_unit u WHERE u.id = ANY($1::uuid[])
         UNION ALL
         SELECT up.unit_id, parent.id, parent.parent_id
           FROM up JOIN org_unit parent ON parent.id = up.parent_id
          WHERE EXISTS (SELECT 1 FROM org_unit g WHERE g.id = parent.parent_id)
       )
       SELECT unit_id, at_id AS agency_id FROM up
        WHERE parent_id IS NULL OR NOT EXISTS (SELECT 1 FROM org_unit g WHERE g.id = up.parent_id AND g.parent_id IS NOT NULL)`,
      [[p.unitId, ...p.collaboratingUnitIds]],
    );
    const agencyOf = new Map(rows.map((r) => [r.unit_id, r.agency_id]));
    const own = agencyOf.get(p.unitId);
    crossAgency = p.collaboratingUnitIds.some((u) => agencyOf.has(u) && agencyOf.get(u) !== own);
  }
  return {
    budgetEstimate: p.budgetEstimate === null ? null : Number(p.budgetEstimate),
    category: p.category,
    crossAgency,
  };
}

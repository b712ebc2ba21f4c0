import type { ProposalFacts } from '@libs/domain/chain';
import type { ProposalEntity } from '@libs/persistence/entities';

/** The fields a proposer writes (everything a version of the proposal holds). */
export type WrittenFields = Pick<
  ProposalEntity,
  | 'title' | 'problem' | 'proposedChange' | 'goals' | 'benefits' | 'category' | 'type' | 'form' | 'initiatorKind'
  | 'budgetEstimate' | 'pilotPlan' | 'indicators' | 'risks' | 'collaboratingUnitIds' | 'attachments'
>;

/** What the proposer wrote, with the budget as a number (the column is a decimal string). */
export function writtenContent(p: WrittenFields) {
  return {
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

/** The proposal's content as written by the proposer: what the record keeps for every submitted version. */
export function proposalSnapshot(p: ProposalEntity): Record<string, unknown> {
  return { version: p.version, ...writtenContent(p) };
}

/**
 * The facts stage conditions test. A proposal is cross-agency when a collaborating unit sits under
 * another agency (the top-level unit below the regional government) than the proposer's unit;
 * `agenciesOf` answers the agency of each unit it knows.
 */
export async function proposalFacts(
  p: ProposalEntity,
  agenciesOf: (unitIds: string[]) => Promise<Map<string, string>>,
): Promise<ProposalFacts> {
  let crossAgency = false;
  if (p.collaboratingUnitIds.length) {
    const agencyOf = await agenciesOf([p.unitId, ...p.collaboratingUnitIds]);
    const own = agencyOf.get(p.unitId);
    crossAgency = p.collaboratingUnitIds.some((u) => agencyOf.has(u) && agencyOf.get(u) !== own);
  }
  return {
    budgetEstimate: p.budgetEstimate === null ? null : Number(p.budgetEstimate),
    category: p.category,
    crossAgency,
  };
}

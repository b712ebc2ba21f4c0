import type { DataSource } from 'typeorm';
import type { ApprovalMemo } from '@libs/contracts/approval.contract';
import { ChainTemplateEntity, OrgUnitEntity, PersonEntity, ProposalEntity } from '@libs/persistence/entities';

/**
 * What the API adds when it starts a proposal's approval, read here because workflow code does no
 * I/O: the unit's code (for the EstafetUnitCode search attribute) and the memo the Temporal UI shows.
 * The memo travels with the start request, so it costs the workflow no command.
 */
export async function approvalStartDetails(
  dataSource: DataSource,
  proposal: ProposalEntity,
  template: ChainTemplateEntity,
): Promise<{ unitCode: string; memo: ApprovalMemo }> {
  const [unit, proposer] = await Promise.all([
    dataSource.getRepository(OrgUnitEntity).findOneByOrFail({ id: proposal.unitId }),
    dataSource.getRepository(PersonEntity).findOneByOrFail({ id: proposal.proposerId }),
  ]);
  return {
    unitCode: unit.code,
    memo: {
      title: proposal.title,
      proposerName: proposer.name,
      unitCode: unit.code,
      unitName: unit.name,
      template: `${template.code}@${template.version}`,
      templateName: template.name,
    },
  };
}

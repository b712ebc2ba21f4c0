import type { ApprovalMemo } from '@libs/contracts/approval.contract';
import type { ChainTemplateEntity, ProposalEntity } from '@libs/persistence/entities';
import type { StartDetails } from '@libs/persistence/proposals.repository';

/**
 * What the API adds when it starts a proposal's approval, read by the caller because workflow code
 * does no I/O: the unit's code (for the EstafetUnitCode search attribute) and the memo the Temporal UI
 * shows. The memo travels with the start request, so it costs the workflow no command.
 */
export function approvalStartDetails(
  details: StartDetails,
  proposal: Pick<ProposalEntity, 'title'>,
  template: Pick<ChainTemplateEntity, 'code' | 'version' | 'name'>,
): { unitCode: string; memo: ApprovalMemo } {
  return {
    unitCode: details.unit.code,
    memo: {
      title: proposal.title,
      proposerName: details.proposerName,
      unitCode: details.unit.code,
      unitName: details.unit.name,
      template: `${template.code}@${template.version}`,
      templateName: template.name,
    },
  };
}

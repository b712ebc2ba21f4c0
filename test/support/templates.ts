import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Client } from '@temporalio/client';
import { approvalStartDetails } from '@apps/api/proposals/approval-start';
import { ApprovalWorkflowInput, DEFAULT_TASK_QUEUE, workflowIdForProposal } from '@libs/contracts/approval.contract';
import type { StageDefinition } from '@libs/domain/chain';
import { ChainTemplateEntity, ProposalEntity } from '@libs/persistence/entities';
import { ProposalsRepository } from '@libs/persistence/proposals.repository';
import { TEMPORAL_CLIENT } from '@libs/temporal/temporal-client.module';
import { AppStack, validProposal } from './app-stack';

/** Stores a chain template under a fresh code (a test fixture; the templates API has its own tests). */
export async function insertTemplate(dataSource: DataSource, stages: StageDefinition[], prefix = 'uji'): Promise<string> {
  const code = `${prefix}-${randomUUID().slice(0, 8)}`;
  await dataSource.getRepository(ChainTemplateEntity).insert({
    id: randomUUID(),
    code,
    version: 1,
    name: `Rantai uji ${code}`,
    categories: [],
    definition: { stages },
  });
  return code;
}

/**
 * Creates a draft on `templateCode` through the API and starts its workflow straight from the
 * Temporal client, so a test can pass workflow options the API does not expose (e.g. a low
 * continue-as-new threshold).
 */
export async function startApprovalDirectly(
  stack: AppStack,
  templateCode: string,
  stages: StageDefinition[],
  options: ApprovalWorkflowInput['options'],
  proposer = 'Rina Wulandari',
) {
  const draft = await stack.http
    .post('/api/proposals')
    .set('Authorization', `Bearer ${await stack.tokenFor(proposer)}`)
    .send(validProposal({ templateCode, submit: false }))
    .expect(201);
  const proposal = await stack.dataSource.getRepository(ProposalEntity).findOneByOrFail({ id: draft.body.id });
  const template = await stack.dataSource.getRepository(ChainTemplateEntity).findOneByOrFail({ id: proposal.templateId! });
  // The unit code and the memo, as the API passes them.
  const details = await stack.api.get(ProposalsRepository).startDetails(proposal.unitId, proposal.proposerId);
  const { unitCode, memo } = approvalStartDetails(details, proposal, template);
  const input: ApprovalWorkflowInput = {
    proposalId: proposal.id,
    proposerPersonId: proposal.proposerId,
    unitId: proposal.unitId,
    unitCode,
    template: { id: proposal.templateId!, code: templateCode, version: 1 },
    chain: { stages },
    facts: { budgetEstimate: proposal.budgetEstimate === null ? null : Number(proposal.budgetEstimate), category: proposal.category, crossAgency: false },
    proposalVersion: 1,
    options,
  };
  const handle = await stack.api.get<Client>(TEMPORAL_CLIENT).workflow.start('approvalWorkflow', {
    taskQueue: process.env.TEMPORAL_TASK_QUEUE ?? DEFAULT_TASK_QUEUE,
    workflowId: workflowIdForProposal(proposal.id),
    args: [input],
    memo: { ...memo },
  });
  return { proposal, handle };
}

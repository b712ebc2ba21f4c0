import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@libs/auth/auth.types';
import type { CloseResult } from '@libs/contracts/approval.contract';
import { ApprovalClosed } from '@libs/temporal/engine-errors';
import { conflict, notFound } from '@libs/http/domain-error';
import { IdempotentRequests } from '@libs/http/idempotent-requests';
import { ProposalsRepository } from '@libs/persistence/proposals.repository';
import { ApprovalEngine } from '@libs/temporal/approval-engine.client';
import { CancelProposalDto } from './dto/cancel-proposal.dto';

/**
 * An administrator ends an approval for good. The workflow is the single writer of the approval: it
 * validates the cancellation, closes the open tasks and records who cancelled and why.
 */
@Injectable()
export class AdminCancelService {
  constructor(
    private readonly proposals: ProposalsRepository,
    private readonly engine: ApprovalEngine,
    private readonly idempotency: IdempotentRequests,
  ) {}

  async cancel(admin: AuthUser, proposalId: string, dto: CancelProposalDto, idempotencyKey?: string): Promise<CloseResult> {
    const proposal = await this.proposals.proposalState(proposalId);
    if (!proposal) throw notFound('Proposal', proposalId);
    const reason = dto.reason.trim();
    const identity = { operation: 'cancel', target: proposalId, request: { reason } };
    return this.idempotency.run(admin.personId, idempotencyKey, identity, {
      perform: async (updateKey) => {
        if (!proposal.workflowId) {
          throw conflict('NOT_SUBMITTED', 'This proposal is still a draft: it has no approval to cancel.', { status: proposal.status });
        }
        try {
          return await this.engine.cancel(proposal.workflowId, { actorPersonId: admin.personId, reason }, updateKey);
        } catch (err) {
          if (err instanceof ApprovalClosed) {
            // The workflow has completed (approved, rejected, withdrawn or cancelled before).
            const now = await this.proposals.proposalState(proposalId);
            throw conflict('APPROVAL_CLOSED', `The approval of this proposal has already ended (${now?.status ?? proposal.status}); there is nothing to cancel.`, {
              status: now?.status ?? proposal.status,
            });
          }
          throw err;
        }
      },
    });
  }
}

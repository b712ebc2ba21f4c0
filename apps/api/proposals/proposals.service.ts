import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@libs/auth/auth.types';
import type { ApprovalWorkflowInput, CloseResult, ResubmitResult } from '@libs/contracts/approval.contract';
import { DEFAULT_TEMPLATE_CODE, FINAL_STATUSES, PROPOSAL_STATUS_LABELS_ID, ProposalStatus } from '@libs/domain/proposal';
import { conflict, DomainError, forbidden, notFound, unprocessable } from '@libs/http/domain-error';
import { IdempotentRequests } from '@libs/http/idempotent-requests';
import type { ChainTemplateEntity, ProposalEntity } from '@libs/persistence/entities';
import { ProposalContentWrite, ProposalsRepository } from '@libs/persistence/proposals.repository';
import { AdvisoryLocks } from '@libs/persistence/advisory-lock';
import { RecordStore } from '@libs/persistence/record.store';
import { ApprovalEngine } from '@libs/temporal/approval-engine.client';
import { CreateProposalDto } from './dto/create-proposal.dto';
import { ResubmitDto, WithdrawDto } from './dto/proposal-actions.dto';
import { ProposalView, ResubmitResultView, WithdrawResultView } from './dto/proposal.views';
import { UpdateProposalDto } from './dto/update-proposal.dto';
import { proposalFacts, proposalSnapshot } from './proposal-content';
import { approvalStartDetails } from './approval-start';
import { PROPOSAL_LOCK } from './proposal-lock';
import { notReadyToSubmit } from './submit-readiness';
import { ProposalQueriesService } from './proposal-queries.service';

export { DEFAULT_TEMPLATE_CODE };

/** The states in which the proposer may still change the content. */
const EDITABLE: readonly ProposalStatus[] = ['draft', 'returned'];

const label = (status: ProposalStatus) => `${PROPOSAL_STATUS_LABELS_ID[status]} (${status})`;

/** The content columns an edit writes, in the form the proposal row stores them. */
function contentChanges(dto: UpdateProposalDto): ProposalContentWrite {
  const { templateCode: _templateCode, budgetEstimate, pilotPlan, indicators, attachments, collaboratingUnitIds, ...plain } = dto;
  const changes: ProposalContentWrite = {};
  for (const [key, value] of Object.entries(plain)) {
    if (value !== undefined) (changes as Record<string, unknown>)[key] = value;
  }
  if (budgetEstimate !== undefined) changes.budgetEstimate = budgetEstimate === null ? null : budgetEstimate.toFixed(2);
  if (pilotPlan !== undefined) changes.pilotPlan = pilotPlan === null ? null : { ...pilotPlan };
  if (indicators !== undefined) changes.indicators = indicators.map((i) => ({ ...i }));
  if (attachments !== undefined) changes.attachments = attachments.map((a) => ({ ...a }));
  if (collaboratingUnitIds !== undefined) changes.collaboratingUnitIds = collaboratingUnitIds;
  return changes;
}

/**
 * What the proposer does with a proposal: create, edit, submit, resubmit after a return, withdraw.
 * Once submitted, the approval workflow owns the proposal's state; the API asks it by update.
 */
@Injectable()
export class ProposalsService {
  constructor(
    private readonly proposals: ProposalsRepository,
    private readonly records: RecordStore,
    private readonly queries: ProposalQueriesService,
    private readonly engine: ApprovalEngine,
    private readonly idempotency: IdempotentRequests,
    private readonly locks: AdvisoryLocks,
  ) {}

  /** Runs `fn` holding the proposal's lock (see PROPOSAL_LOCK). */
  private locked<T>(id: string, fn: () => Promise<T>): Promise<T> {
    return this.locks.whileHolding({ kind: 'proposal', id }, PROPOSAL_LOCK, fn);
  }

  async create(user: AuthUser, dto: CreateProposalDto): Promise<ProposalView> {
    const unitId = await this.unitOf(user.personId);
    const template = await this.pickTemplate(dto.templateCode, dto.category ?? '');
    const proposal = await this.proposals.insertDraft({
      id: randomUUID(),
      title: dto.title,
      // A draft may leave these out (the DTO requires them to submit): stored empty until filled in.
      problem: dto.problem ?? '',
      proposedChange: dto.proposedChange ?? '',
      goals: dto.goals ?? '',
      benefits: dto.benefits ?? '',
      category: dto.category ?? '',
      type: dto.type ?? '',
      form: dto.form ?? '',
      initiatorKind: dto.initiatorKind ?? '',
      proposerId: user.personId,
      unitId,
      budgetEstimate: dto.budgetEstimate === undefined ? null : dto.budgetEstimate.toFixed(2),
      pilotPlan: dto.pilotPlan ? { ...dto.pilotPlan } : null,
      indicators: (dto.indicators ?? []).map((i) => ({ ...i })),
      risks: dto.risks ?? '',
      collaboratingUnitIds: dto.collaboratingUnitIds ?? [],
      attachments: (dto.attachments ?? []).map((a) => ({ ...a })),
      status: 'draft',
      templateId: template.id,
    });
    if (dto.submit !== false) await this.submit(proposal, template);
    return this.queries.view(user, proposal.id);
  }

  /**
   * Edits a draft or a returned proposal; every edit is a new content version. The update only
   * applies to the version and state it was checked against, so an edit never silently
   * overwrites another one or a proposal that has moved on.
   */
  async edit(user: AuthUser, id: string, dto: UpdateProposalDto, expectedVersion?: number): Promise<ProposalView> {
    await this.locked(id, async () => {
      const proposal = await this.owned(user, id, 'edit');
      if (!EDITABLE.includes(proposal.status)) {
        throw conflict('NOT_EDITABLE', `Only a draft or a proposal returned for revision can be edited; this one is ${label(proposal.status)}.`);
      }
      if (expectedVersion !== undefined && expectedVersion !== proposal.version) {
        throw conflict('VERSION_MISMATCH', `You edited version ${expectedVersion}, but the proposal is at version ${proposal.version}; reload it and try again.`, {
          currentVersion: proposal.version,
        });
      }
      const changes = contentChanges(dto);
      if (Object.keys(changes).length === 0 && dto.templateCode === undefined) {
        throw unprocessable('NOTHING_TO_CHANGE', 'The request changes no field of the proposal.');
      }
      const templateId = await this.templateAfterEdit(proposal, dto);
      const applied = await this.proposals.applyEdit(id, proposal, changes, templateId);
      if (!applied) throw conflict('EDIT_CONFLICT', 'The proposal changed while it was being edited; reload it and try again.');
    });
    return this.queries.view(user, id);
  }

  /** Submits a draft: starts its approval workflow on the latest version of its chain template. */
  async submitDraft(user: AuthUser, id: string): Promise<ProposalView> {
    await this.locked(id, async () => {
      const proposal = await this.owned(user, id, 'submit');
      if (proposal.status !== 'draft') {
        const hint = proposal.status === 'returned' ? ' A proposal returned for revision is resubmitted (POST /api/proposals/:id/resubmit).' : '';
        throw conflict('NOT_A_DRAFT', `Only a draft can be submitted; this one is ${label(proposal.status)}.${hint}`);
      }
      // A draft needs only a title; its approval needs the whole content, under the rules of a create.
      const missing = await notReadyToSubmit(proposal);
      if (missing.length > 0) {
        throw unprocessable('VALIDATION_FAILED', `The draft cannot be submitted yet; fill in or correct: ${missing.map((m) => m.field).join(', ')}.`, missing);
      }
      // A draft has not started an approval, so it takes the chain as it stands now.
      const template = await this.latestTemplate(proposal);
      if (template.id !== proposal.templateId) {
        await this.proposals.setDraftTemplate(id, template.id);
      }
      await this.submit(proposal, template);
    });
    return this.queries.view(user, id);
  }

  /**
   * Sends a returned proposal back into review with its current content. The workflow resumes at
   * the stage that returned it, in a new round. Under the Idempotency-Key rule a retry gets the first
   * answer; the key names one resubmission (of one content version, with one note), so it cannot
   * resubmit again after a later return.
   */
  async resubmit(user: AuthUser, id: string, dto: ResubmitDto, idempotencyKey?: string): Promise<ResubmitResultView> {
    const result = await this.locked(id, async (): Promise<ResubmitResult> => {
      const proposal = await this.owned(user, id, 'resubmit');
      const note = dto.note?.trim() || undefined;
      const identity = { operation: 'resubmit', target: id, request: { proposalVersion: proposal.version, note: note ?? null } };
      return this.idempotency.run(user.personId, idempotencyKey, identity, {
        // Returned again since the first answer: that resubmission is over, this is a new one.
        stillAnswers: () => proposal.status !== 'returned',
        perform: async (updateKey) => {
          if (proposal.status === 'draft') {
            throw conflict('NOT_SUBMITTED', 'This proposal is a draft and was never submitted; submit it (POST /api/proposals/:id/submit).');
          }
          if (FINAL_STATUSES.includes(proposal.status)) {
            throw conflict('APPROVAL_ENDED', `The approval of this proposal has ended (${label(proposal.status)}); it cannot be resubmitted.`);
          }
          // Any other state goes to the workflow, which refuses a proposal that is not returned.
          const facts = await this.factsOf(proposal);
          const input = { actorPersonId: user.personId, proposalVersion: proposal.version, facts, snapshot: proposalSnapshot(proposal), note };
          return this.engine.resubmit(id, input, updateKey);
        },
      });
    });
    return { round: result.round, stageIndex: result.stageIndex, proposalStatus: result.proposalStatus, proposal: await this.queries.view(user, id) };
  }

  /**
   * Withdraws a proposal for good. A draft has no workflow: it is closed here, with its record
   * row. Under approval, the workflow cancels the open tasks and records who withdrew and why.
   */
  async withdraw(user: AuthUser, id: string, dto: WithdrawDto): Promise<WithdrawResultView> {
    const reason = dto.reason.trim();
    const result = await this.locked(id, async (): Promise<CloseResult> => {
      const proposal = await this.owned(user, id, 'withdraw');
      if (FINAL_STATUSES.includes(proposal.status)) {
        throw conflict('APPROVAL_ENDED', `This proposal is already ${label(proposal.status)}; it can no longer be withdrawn.`);
      }
      if (proposal.status === 'draft') return this.withdrawDraft(user, proposal, reason);
      return this.engine.withdraw(id, { actorPersonId: user.personId, reason });
    });
    return { proposalStatus: result.proposalStatus, closedAt: result.closedAt, cancelledTasks: result.cancelledTasks, proposal: await this.queries.view(user, id) };
  }

  private async withdrawDraft(user: AuthUser, proposal: ProposalEntity, reason: string): Promise<CloseResult> {
    const closedAt = new Date().toISOString();
    const { applied } = await this.records.apply({
      proposalId: proposal.id,
      events: [{ key: 'proposal:withdrawn', type: 'proposal.withdrawn', occurredAt: closedAt, actorPersonId: user.personId, data: { reason } }],
      proposal: { status: 'withdrawn', decidedAt: closedAt },
    });
    if (!applied) throw conflict('APPROVAL_ENDED', 'This proposal is already withdrawn.');
    return { proposalStatus: 'withdrawn', closedAt, cancelledTasks: [] };
  }

  /**
   * Starts the proposal's approval workflow. If Temporal cannot be reached the proposal stays a
   * draft (nothing is lost) and the caller gets 503.
   */
  private async submit(proposal: ProposalEntity, template: ChainTemplateEntity): Promise<void> {
    const { unitCode, memo } = approvalStartDetails(await this.proposals.startDetails(proposal.unitId, proposal.proposerId), proposal, template);
    const input: ApprovalWorkflowInput = {
      proposalId: proposal.id,
      proposerPersonId: proposal.proposerId,
      unitId: proposal.unitId,
      unitCode,
      template: { id: template.id, code: template.code, version: template.version },
      chain: template.definition,
      facts: await this.factsOf(proposal),
      proposalVersion: proposal.version,
      snapshot: proposalSnapshot(proposal),
    };
    const workflowId = await this.engine.start(input, memo);
    // The workflow records the submission itself; this only closes the window in which a reader
    // could still see the draft after the API said "submitted".
    await this.proposals.markSubmitted(proposal.id, workflowId);
  }

  private factsOf(proposal: ProposalEntity) {
    return proposalFacts(proposal, (unitIds) => this.proposals.agenciesOf(unitIds));
  }

  /** The proposal, if the caller is its proposer: only they edit, submit, resubmit or withdraw it. */
  private async owned(user: AuthUser, id: string, action: string): Promise<ProposalEntity> {
    const proposal = await this.proposals.proposalById(id);
    if (!proposal) throw notFound('Proposal', id);
    if (proposal.proposerId !== user.personId) throw forbidden('NOT_PROPOSER', `Only the proposer may ${action} this proposal.`);
    return proposal;
  }

  /**
   * The template a draft uses after an edit: the one named, or (when only the category changes and
   * the draft's template was the one its old category chose) the one the new category chooses.
   * A returned proposal keeps the template its approval runs on.
   */
  private async templateAfterEdit(proposal: ProposalEntity, dto: UpdateProposalDto): Promise<string | null> {
    const category = dto.category ?? proposal.category;
    if (dto.templateCode !== undefined) {
      if (proposal.status !== 'draft') {
        throw conflict('TEMPLATE_LOCKED', 'The chain template can only change while the proposal is a draft; its approval already runs on one.', [
          { field: 'templateCode', messages: ['can only change while the proposal is a draft'] },
        ]);
      }
      return (await this.pickTemplate(dto.templateCode, category)).id;
    }
    if (proposal.status !== 'draft' || category === proposal.category) return proposal.templateId;
    const current = proposal.templateId ? await this.proposals.templateById(proposal.templateId) : null;
    const chosenByOldCategory = await this.pickTemplate(undefined, proposal.category).catch((err: unknown) => {
      if (err instanceof DomainError) return null;
      throw err;
    });
    const followsCategory = !current || (chosenByOldCategory !== null && chosenByOldCategory.code === current.code);
    return followsCategory ? (await this.pickTemplate(undefined, category)).id : proposal.templateId;
  }

  /** The latest version of the draft's template (or, if it has none, the one its category chooses). */
  private async latestTemplate(proposal: ProposalEntity): Promise<ChainTemplateEntity> {
    const current = proposal.templateId ? await this.proposals.templateById(proposal.templateId) : null;
    if (!current) return this.pickTemplate(undefined, proposal.category);
    return (await this.proposals.latestTemplate(current.code)) ?? current;
  }

  /** The unit of the post the proposer acts in now; a proposal belongs to that unit. */
  private async unitOf(personId: string): Promise<string> {
    const unitId = await this.proposals.unitOfActingPost(personId, new Date());
    if (!unitId) throw unprocessable('NO_POST', 'You hold no post, so the proposal has no unit to belong to.');
    return unitId;
  }

  private async pickTemplate(code: string | undefined, category: string): Promise<ChainTemplateEntity> {
    if (code) {
      const found = await this.proposals.latestTemplate(code);
      if (!found) {
        throw unprocessable('UNKNOWN_TEMPLATE', `No chain template has the code "${code}".`, [
          { field: 'templateCode', messages: [`no chain template has the code "${code}"`] },
        ]);
      }
      return found;
    }
    const chosen = (await this.proposals.templateClaiming(category)) ?? (await this.proposals.latestTemplate(DEFAULT_TEMPLATE_CODE));
    if (!chosen) throw unprocessable('NO_TEMPLATE', `No chain template covers the category "${category}" and no default template exists.`);
    return chosen;
  }
}

import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { DataSource, IsNull, LessThanOrEqual, MoreThan } from 'typeorm';
import type { AuthUser } from '../../../libs/auth/auth.types';
import { AppConfig } from '../../../libs/config/app-config.service';
import { ApprovalWorkflowInput, workflowIdForProposal } from '../../../libs/contracts/approval.contract';
import { PROPOSAL_STATUS_LABELS_ID } from '../../../libs/domain/proposal';
import { conflict, forbidden, notFound, unprocessable } from '../../../libs/http/domain-error';
import {
  AppointmentEntity,
  ApprovalTaskEntity,
  ChainTemplateEntity,
  HistoryEventEntity,
  PositionEntity,
  ProposalEntity,
} from '../../../libs/persistence/entities';
import { RecordStore } from '../../../libs/persistence/record.store';
import { TEMPORAL_CLIENT } from '../../../libs/temporal/temporal-client.module';
import type { approvalWorkflow } from '../../../workflows/approval.workflow';
import { CreateProposalDto } from './dto/create-proposal.dto';
import { proposalFacts, proposalSnapshot } from './proposal-content';
import { HistoryEventView, ProposalView, TaskSummaryView, VerificationView } from './dto/proposal.views';

/** The template used when a proposal names none and no template claims its category. */
export const DEFAULT_TEMPLATE_CODE = 'umum';

@Injectable()
export class ProposalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RecordStore,
    private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async create(user: AuthUser, dto: CreateProposalDto): Promise<ProposalView> {
    const unitId = await this.unitOf(user.personId);
    const template = await this.pickTemplate(dto.templateCode, dto.category);
    const proposal = this.dataSource.getRepository(ProposalEntity).create({
      id: randomUUID(),
      title: dto.title,
      problem: dto.problem,
      proposedChange: dto.proposedChange,
      goals: dto.goals ?? '',
      benefits: dto.benefits ?? '',
      category: dto.category,
      type: dto.type,
      form: dto.form,
      initiatorKind: dto.initiatorKind,
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
    await this.dataSource.getRepository(ProposalEntity).insert(proposal);
    if (dto.submit !== false) await this.submit(proposal, template);
    return this.view(user, proposal.id);
  }

  /**
   * Starts the proposal's approval workflow. If Temporal cannot be reached the proposal stays a
   * draft (nothing is lost) and the caller gets 503.
   */
  private async submit(proposal: ProposalEntity, template: ChainTemplateEntity): Promise<void> {
    const workflowId = workflowIdForProposal(proposal.id);
    const input: ApprovalWorkflowInput = {
      proposalId: proposal.id,
      proposerPersonId: proposal.proposerId,
      unitId: proposal.unitId,
      template: { id: template.id, code: template.code, version: template.version },
      chain: template.definition,
      facts: await proposalFacts(this.dataSource, proposal),
      proposalVersion: proposal.version,
      snapshot: proposalSnapshot(proposal),
    };
    try {
      await this.temporal.workflow.start<typeof approvalWorkflow>('approvalWorkflow', {
        taskQueue: this.config.get('TEMPORAL_TASK_QUEUE'),
        workflowId,
        args: [input],
      });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) throw conflict('ALREADY_SUBMITTED', 'This proposal is already under approval.');
      throw err;
    }
    // The workflow records the submission itself; this only closes the window in which a reader
    // could still see the draft after the API said "submitted".
    await this.dataSource
      .createQueryBuilder()
      .update(ProposalEntity)
      .set({ workflowId, status: () => `CASE WHEN status = 'draft' THEN 'submitted' ELSE status END` })
      .where('id = :id', { id: proposal.id })
      .execute();
  }

  async view(user: AuthUser, id: string): Promise<ProposalView> {
    const proposal = await this.readable(user, id);
    const tasks = await this.dataSource
      .getRepository(ApprovalTaskEntity)
      .createQueryBuilder('t')
      .leftJoin('position', 'pos', 'pos.id = t.position_id')
      .leftJoin('person', 'a', 'a.id = t.assignee_person_id')
      .leftJoin('person', 'd', 'd.id = t.decided_by_person_id')
      .select([
        't.id AS "id"', 't.stage_index AS "stageIndex"', 't.stage_name AS "stageName"', 't.round AS "round"',
        't.position_id AS "positionId"', 'pos.title AS "positionTitle"', 't.assignee_person_id AS "assigneePersonId"',
        'a.name AS "assigneeName"', 't.capacity AS "capacity"', 't.status AS "status"', 't.due_at AS "dueAt"',
        't.decision AS "decision"', 't.comment AS "comment"', 't.decided_at AS "decidedAt"', 'd.name AS "decidedByName"',
      ])
      .where('t.proposal_id = :id', { id })
      .orderBy('t.round', 'ASC')
      .addOrderBy('t.stage_index', 'ASC')
      .addOrderBy('t.created_at', 'ASC')
      .getRawMany<TaskSummaryView>();
    return {
      ...proposal,
      budgetEstimate: proposal.budgetEstimate === null ? null : Number(proposal.budgetEstimate),
      statusLabel: PROPOSAL_STATUS_LABELS_ID[proposal.status],
      tasks,
    };
  }

  async history(user: AuthUser, id: string): Promise<HistoryEventView[]> {
    await this.readable(user, id);
    return this.dataSource
      .getRepository(HistoryEventEntity)
      .createQueryBuilder('h')
      .leftJoin('person', 'p', 'p.id = h.actor_person_id')
      .leftJoin('position', 'pos', 'pos.id = h.actor_position_id')
      .select([
        'h.id AS "id"', 'h.seq AS "seq"', 'h.type AS "type"', 'h.occurred_at AS "occurredAt"',
        'h.actor_person_id AS "actorPersonId"', 'p.name AS "actorName"', 'h.actor_position_id AS "actorPositionId"',
        'pos.title AS "actorPositionTitle"', 'h.capacity AS "capacity"', 'h.data AS "data"', 'h.prev_hash AS "prevHash"', 'h.hash AS "hash"',
      ])
      .where('h.proposal_id = :id', { id })
      .orderBy('h.seq', 'ASC')
      .getRawMany<HistoryEventView>();
  }

  async verify(user: AuthUser, id: string): Promise<VerificationView> {
    await this.readable(user, id);
    return this.records.verify(id);
  }

  /** A proposal is visible to its proposer, to administrators and to anyone who holds or held a task on it. */
  private async readable(user: AuthUser, id: string): Promise<ProposalEntity> {
    const proposal = await this.dataSource.getRepository(ProposalEntity).findOneBy({ id });
    if (!proposal) throw notFound('Proposal', id);
    if (proposal.proposerId === user.personId || user.roles.includes('admin')) return proposal;
    const involved = await this.dataSource.getRepository(ApprovalTaskEntity).exists({
      where: [
        { proposalId: id, assigneePersonId: user.personId },
        { proposalId: id, decidedByPersonId: user.personId },
      ],
    });
    if (!involved) throw forbidden('NOT_INVOLVED', 'Only the proposer, its approvers and administrators may see this proposal.');
    return proposal;
  }

  /** The unit of the post the proposer acts in now; a proposal belongs to that unit. */
  private async unitOf(personId: string): Promise<string> {
    const now = new Date();
    const appointment = await this.dataSource.getRepository(AppointmentEntity).findOne({
      where: [
        { personId, startsAt: LessThanOrEqual(now), endsAt: IsNull() },
        { personId, startsAt: LessThanOrEqual(now), endsAt: MoreThan(now) },
      ],
      order: { capacity: 'ASC', startsAt: 'DESC' },
    });
    if (!appointment) throw unprocessable('NO_POST', 'You hold no post, so the proposal has no unit to belong to.');
    const position = await this.dataSource.getRepository(PositionEntity).findOneByOrFail({ id: appointment.positionId });
    return position.unitId;
  }

  private async pickTemplate(code: string | undefined, category: string): Promise<ChainTemplateEntity> {
    const repo = this.dataSource.getRepository(ChainTemplateEntity);
    const latest = (qb: ReturnType<typeof repo.createQueryBuilder>) => qb.orderBy('t.version', 'DESC').getOne();
    if (code) {
      const found = await latest(repo.createQueryBuilder('t').where('t.code = :code', { code }));
      if (!found) {
        throw unprocessable('UNKNOWN_TEMPLATE', `No chain template has the code "${code}".`, [
          { field: 'templateCode', messages: [`no chain template has the code "${code}"`] },
        ]);
      }
      return found;
    }
    const byCategory = await latest(repo.createQueryBuilder('t').where(':category = ANY(t.categories)', { category }));
    const chosen = byCategory ?? (await latest(repo.createQueryBuilder('t').where('t.code = :code', { code: DEFAULT_TEMPLATE_CODE })));
    if (!chosen) throw unprocessable('NO_TEMPLATE', `No chain template covers the category "${category}" and no default template exists.`);
    return chosen;
  }
}

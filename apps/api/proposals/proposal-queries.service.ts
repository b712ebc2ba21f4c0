import { HttpStatus, Injectable } from '@nestjs/common';
import type { AuthUser } from '@libs/auth/auth.types';
import { readHistoryFact } from '@libs/contracts/record.validation';
import { PROPOSAL_STATUS_LABELS_ID } from '@libs/domain/proposal';
import { DomainError, forbidden, notFound } from '@libs/http/domain-error';
import { CustodyQueries } from '@libs/persistence/custody.queries';
import type { ProposalEntity } from '@libs/persistence/entities';
import { OpenHolderRow, ProposalReads } from '@libs/persistence/proposal-reads.queries';
import { ProposalsRepository } from '@libs/persistence/proposals.repository';
import { RecordStore } from '@libs/persistence/record.store';
import { loadCustody } from '../handover/custody';
import { ProposalListQuery } from './dto/proposal-list-query.dto';
import {
  HistoryEventView,
  ProposalChainView,
  ProposalPageView,
  ProposalSummaryView,
  ProposalVersionView,
  ProposalView,
  TaskHolderView,
  VerificationView,
} from './dto/proposal.views';
import { proposalSnapshot } from './proposal-content';
import { timelineItem } from './proposal-timeline';
import { stageViews } from './stage-view';

/** The holders with real dates, and the earliest due date of them (the proposal's Jatuh Tempo). */
function holdersOf(rows: OpenHolderRow[] | null): Pick<ProposalSummaryView, 'holders' | 'dueAt' | 'overdue'> {
  const holders: TaskHolderView[] = (rows ?? []).map((h) => ({ ...h, dueAt: h.dueAt === null ? null : new Date(h.dueAt) }));
  const due = holders.map((h) => h.dueAt).filter((d): d is Date => d !== null);
  return {
    holders,
    dueAt: due.length ? new Date(Math.min(...due.map((d) => d.getTime()))) : null,
    overdue: holders.some((h) => h.overdue),
  };
}

/** Everything the API reads about proposals, from the Postgres read models and the record. */
@Injectable()
export class ProposalQueriesService {
  constructor(
    private readonly proposals: ProposalsRepository,
    private readonly reads: ProposalReads,
    private readonly custody: CustodyQueries,
    private readonly records: RecordStore,
  ) {}

  async view(user: AuthUser, id: string): Promise<ProposalView> {
    const proposal = await this.readable(user, id);
    const tasks = await this.reads.tasksOf(id);
    // One read of the record, each row checked against its schema once, serves the Riwayat and the stage states.
    const record = await this.reads.timelineOf(id);
    const facts = record.map((row) => readHistoryFact(row.type, row.data));
    const chain = await this.chain(proposal.templateId);
    return {
      ...proposal,
      ...(await this.reads.partiesOf(id)),
      budgetEstimate: proposal.budgetEstimate === null ? null : Number(proposal.budgetEstimate),
      statusLabel: PROPOSAL_STATUS_LABELS_ID[proposal.status],
      tasks,
      timeline: record.map((row, i) => timelineItem(row, facts[i])),
      custody: (await loadCustody(this.custody, [id])).get(id) ?? [],
      chain,
      stages: stageViews({ status: proposal.status, chainStages: chain?.stages ?? null, tasks, facts }),
    };
  }

  /** Every stage of the template version, so the stages not opened yet can be shown too. */
  private async chain(templateId: string | null): Promise<ProposalChainView | null> {
    if (!templateId) return null;
    const template = await this.proposals.templateById(templateId);
    if (!template) return null;
    return {
      templateId: template.id,
      code: template.code,
      version: template.version,
      name: template.name,
      stages: (template.definition.stages ?? []).map((s, index) => ({
        index,
        key: s.key,
        name: s.name,
        mode: s.mode,
        sla: s.sla ?? null,
        approverCount: s.approvers.length,
        mayReturn: s.mayReturn === true,
        requiresDefinitive: s.requiresDefinitive === true,
        condition: s.condition ? { ...s.condition } : null,
      })),
    };
  }

  async history(user: AuthUser, id: string): Promise<HistoryEventView[]> {
    await this.readable(user, id);
    return this.reads.historyOf(id);
  }

  async verify(user: AuthUser, id: string): Promise<VerificationView> {
    await this.readable(user, id);
    return this.records.verify(id);
  }

  /** My proposals (or, for an administrator asking for scope=all, everyone's), newest first. */
  async list(user: AuthUser, query: ProposalListQuery): Promise<ProposalPageView> {
    if (query.scope === 'all' && !user.roles.includes('admin')) {
      throw forbidden('ADMIN_ONLY', "Only administrators may list everyone's proposals (scope=all).");
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const filter = {
      proposerId: query.scope !== 'all' ? user.personId : undefined,
      statuses: query.status,
      category: query.category,
      q: query.q?.trim() || undefined,
    };
    const { rows, total } = await this.reads.page(filter, { offset: (page - 1) * pageSize, pageSize });
    const items = rows.map(({ holders, ...r }) => ({
      ...r,
      statusLabel: PROPOSAL_STATUS_LABELS_ID[r.status as ProposalEntity['status']] ?? r.status,
      ...holdersOf(holders),
    }));
    return { items, total, page, pageSize };
  }

  /**
   * The content at one version: from the record of the submission or resubmission that carried it
   * (what the approvers of that round saw), or, for the version being edited and not yet
   * submitted, from the proposal itself. Versions overwritten before any submission are gone.
   */
  async version(user: AuthUser, id: string, version: number): Promise<ProposalVersionView> {
    const proposal = await this.readable(user, id);
    const submitted = await this.reads.submissionOf(id, version);
    if (submitted) {
      const round = submitted.data.round;
      return {
        proposalId: id,
        version,
        source: submitted.type === 'proposal.resubmitted' ? 'resubmitted' : 'submitted',
        round: typeof round === 'number' ? round : 1,
        recordedAt: submitted.occurredAt,
        content: submitted.data.snapshot as Record<string, unknown>,
      };
    }
    if (proposal.version === version && (proposal.status === 'draft' || proposal.status === 'returned')) {
      return { proposalId: id, version, source: 'current', round: null, recordedAt: proposal.updatedAt, content: proposalSnapshot(proposal) };
    }
    throw new DomainError('VERSION_NOT_FOUND', `Version ${version} of proposal ${id} was never submitted.`, HttpStatus.NOT_FOUND);
  }

  /** A proposal is visible to its proposer, to administrators and to anyone who holds or held a task on it. */
  async readable(user: AuthUser, id: string): Promise<ProposalEntity> {
    const proposal = await this.proposals.proposalById(id);
    if (!proposal) throw notFound('Proposal', id);
    if (proposal.proposerId === user.personId || user.roles.includes('admin')) return proposal;
    const involved = await this.proposals.isInvolved(id, user.personId);
    if (!involved) throw forbidden('NOT_INVOLVED', 'Only the proposer, its approvers and administrators may see this proposal.');
    return proposal;
  }
}

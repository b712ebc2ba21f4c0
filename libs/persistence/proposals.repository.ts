import { DataSource, IsNull, LessThanOrEqual, MoreThan } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AppointmentEntity, ApprovalTaskEntity, ChainTemplateEntity, OrgUnitEntity, PersonEntity, PositionEntity, ProposalEntity } from './entities';

/** The columns of a new draft; the rest (version, dates, stage) take their defaults. */
export type NewProposal = Omit<
  ProposalEntity,
  'version' | 'createdAt' | 'updatedAt' | 'submittedAt' | 'decidedAt' | 'stageOpenedAt' | 'workflowId' | 'round' | 'currentStage' | 'currentStageName' | 'escalated'
>;

/** The content columns an edit writes, in the form the proposal row stores them. */
export type ProposalContentWrite = QueryDeepPartialEntity<ProposalEntity>;

/** What the start of an approval shows about its unit and proposer (memo, search attributes). */
export interface StartDetails {
  unit: Pick<OrgUnitEntity, 'code' | 'name'>;
  proposerName: string;
}

/**
 * The proposal rows as the API writes them before and around an approval (drafts, edits, the moment
 * of submission), the chain templates a proposal is routed by, and the facts a submission reads.
 * Once submitted, the approval workflow writes the proposal's state through the record.
 */
export class ProposalsRepository {
  constructor(private readonly dataSource: DataSource) {}

  proposalById(id: string): Promise<ProposalEntity | null> {
    return this.dataSource.getRepository(ProposalEntity).findOneBy({ id });
  }

  /** The proposal's status and workflow id only. */
  proposalState(id: string): Promise<Pick<ProposalEntity, 'id' | 'status' | 'workflowId'> | null> {
    return this.dataSource.getRepository(ProposalEntity).findOne({ where: { id }, select: { id: true, status: true, workflowId: true } });
  }

  /** Inserts a draft and answers it as stored (with its version and dates). */
  async insertDraft(fields: NewProposal): Promise<ProposalEntity> {
    const repo = this.dataSource.getRepository(ProposalEntity);
    const proposal = repo.create(fields);
    await repo.insert(proposal);
    return proposal;
  }

  /**
   * Writes an edit as a new content version, only if the proposal is still at the version and in the
   * state the edit was checked against. False when it was not (it changed meanwhile).
   */
  async applyEdit(id: string, checked: Pick<ProposalEntity, 'version' | 'status'>, changes: ProposalContentWrite, templateId: string | null): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(ProposalEntity)
      .set({ ...changes, templateId, version: () => 'version + 1' })
      .where('id = :id AND version = :version AND status = :status', { id, version: checked.version, status: checked.status })
      .execute();
    return !!result.affected;
  }

  /** Points a draft (only while it is one) at another template version. */
  async setDraftTemplate(id: string, templateId: string): Promise<void> {
    await this.dataSource.getRepository(ProposalEntity).update({ id, status: 'draft' }, { templateId });
  }

  /**
   * Marks a proposal whose workflow has started as submitted, unless the workflow's own record got there
   * first. Status and submission time change together, so no reader sees a submitted proposal without
   * its time; the workflow's own write then sets the time the record holds.
   */
  async markSubmitted(id: string, workflowId: string): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(ProposalEntity)
      .set({
        workflowId,
        status: () => `CASE WHEN status = 'draft' THEN 'submitted' ELSE status END`,
        submittedAt: () => 'COALESCE(submitted_at, now())',
      })
      .where('id = :id', { id })
      .execute();
  }

  /** Whether the person holds or held a task of the proposal (assigned to them, or decided by them). */
  isInvolved(proposalId: string, personId: string): Promise<boolean> {
    return this.dataSource.getRepository(ApprovalTaskEntity).exists({
      where: [
        { proposalId, assigneePersonId: personId },
        { proposalId, decidedByPersonId: personId },
      ],
    });
  }

  /** The unit of the post the person acts in at `at` (the definitive post first, then the latest), or null. */
  async unitOfActingPost(personId: string, at: Date): Promise<string | null> {
    const appointment = await this.dataSource.getRepository(AppointmentEntity).findOne({
      where: [
        { personId, startsAt: LessThanOrEqual(at), endsAt: IsNull() },
        { personId, startsAt: LessThanOrEqual(at), endsAt: MoreThan(at) },
      ],
      order: { capacity: 'ASC', startsAt: 'DESC' },
    });
    if (!appointment) return null;
    const position = await this.dataSource.getRepository(PositionEntity).findOneByOrFail({ id: appointment.positionId });
    return position.unitId;
  }

  /** The unit and the proposer a started approval names. */
  async startDetails(unitId: string, proposerId: string): Promise<StartDetails> {
    const [unit, proposer] = await Promise.all([
      this.dataSource.getRepository(OrgUnitEntity).findOneByOrFail({ id: unitId }),
      this.dataSource.getRepository(PersonEntity).findOneByOrFail({ id: proposerId }),
    ]);
    return { unit: { code: unit.code, name: unit.name }, proposerName: proposer.name };
  }

  /**
   * The agency of each of these units: the top-level unit below the regional government above it (or
   * the unit itself). Units that do not exist are left out.
   */
  async agenciesOf(unitIds: string[]): Promise<Map<string, string>> {
    const rows: { unit_id: string; agency_id: string }[] = await this.dataSource.query(
      `WITH RECURSIVE up AS (
         SELECT u.id AS unit_id, u.id AS at_id, u.parent_id FROM org_unit u WHERE u.id = ANY($1::uuid[])
         UNION ALL
         SELECT up.unit_id, parent.id, parent.parent_id
           FROM up JOIN org_unit parent ON parent.id = up.parent_id
          WHERE EXISTS (SELECT 1 FROM org_unit g WHERE g.id = parent.parent_id)
       )
       SELECT unit_id, at_id AS agency_id FROM up
        WHERE parent_id IS NULL OR NOT EXISTS (SELECT 1 FROM org_unit g WHERE g.id = up.parent_id AND g.parent_id IS NOT NULL)`,
      [unitIds],
    );
    return new Map(rows.map((r) => [r.unit_id, r.agency_id]));
  }

  templateById(id: string): Promise<ChainTemplateEntity | null> {
    return this.dataSource.getRepository(ChainTemplateEntity).findOneBy({ id });
  }

  /** The highest version of the template with this code. */
  latestTemplate(code: string): Promise<ChainTemplateEntity | null> {
    return this.dataSource.getRepository(ChainTemplateEntity).createQueryBuilder('t').where('t.code = :code', { code }).orderBy('t.version', 'DESC').getOne();
  }

  /**
   * The template whose current version claims the category. Only a template's current version speaks
   * for it: a category dropped in a later version no longer routes proposals to the older one. Template
   * writes leave one claimant per category; data from before that rule may hold two, and then the newer
   * one wins.
   */
  templateClaiming(category: string): Promise<ChainTemplateEntity | null> {
    return this.dataSource
      .getRepository(ChainTemplateEntity)
      .createQueryBuilder('t')
      .where(':category = ANY(t.categories)', { category })
      .andWhere('t.version = (SELECT max(l.version) FROM chain_template l WHERE l.code = t.code)')
      .orderBy('t.created_at', 'DESC')
      .getOne();
  }
}

import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { InitiatorKind, ProposalForm, ProposalStatus, ProposalType } from '@libs/domain/proposal';

export interface PilotPlan {
  durationMonths: number;
  scope: string;
}

export interface OutcomeIndicator {
  name: string;
  baseline: string;
  target: string;
}

export interface Attachment {
  name: string;
  url: string;
}

/** An innovation proposal (usulan inovasi) and, once submitted, the read model of its approval. */
@Entity('proposal')
@Index(['proposerId', 'createdAt'])
export class ProposalEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('varchar', { length: 200 })
  title: string;

  @Column('text')
  problem: string;

  @Column('text', { name: 'proposed_change' })
  proposedChange: string;

  @Column('text', { default: '' })
  goals: string;

  @Column('text', { default: '' })
  benefits: string;

  @Column('varchar', { length: 64 })
  category: string;

  // '' while a draft has not chosen one (a draft needs only a title; submitting needs them all).
  @Column('varchar', { length: 16 })
  type: ProposalType | '';

  @Column('varchar', { length: 32 })
  form: ProposalForm | '';

  @Column('varchar', { name: 'initiator_kind', length: 16 })
  initiatorKind: InitiatorKind | '';

  @Column('uuid', { name: 'proposer_id' })
  proposerId: string;

  @Index()
  @Column('uuid', { name: 'unit_id' })
  unitId: string;

  @Column('numeric', { name: 'budget_estimate', precision: 18, scale: 2, nullable: true })
  budgetEstimate: string | null;

  @Column('jsonb', { name: 'pilot_plan', nullable: true })
  pilotPlan: PilotPlan | null;

  @Column('jsonb', { default: () => "'[]'" })
  indicators: OutcomeIndicator[];

  @Column('text', { default: '' })
  risks: string;

  @Column('uuid', { name: 'collaborating_unit_ids', array: true, default: () => "'{}'" })
  collaboratingUnitIds: string[];

  @Column('jsonb', { default: () => "'[]'" })
  attachments: Attachment[];

  @Index()
  @Column('varchar', { length: 16 })
  status: ProposalStatus;

  @Column('uuid', { name: 'template_id', nullable: true })
  templateId: string | null;

  @Column('varchar', { name: 'workflow_id', length: 100, nullable: true })
  workflowId: string | null;

  @Column('int', { name: 'current_stage', nullable: true })
  currentStage: number | null;

  @Column('varchar', { name: 'current_stage_name', length: 200, nullable: true })
  currentStageName: string | null;

  @Column('int', { default: 1 })
  round: number;

  @Column('timestamptz', { name: 'stage_opened_at', nullable: true })
  stageOpenedAt: Date | null;

  /** True once any task of the current round was escalated. */
  @Column('boolean', { default: false })
  escalated: boolean;

  /** Content version: bumped on every edit, so each decision can name the version it saw. */
  @Column('int', { default: 1 })
  version: number;

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

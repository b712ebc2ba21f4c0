import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Capacity, Decision, TaskStatus } from '../../domain/proposal';

/** Read model of one approver slot of one stage round. Written only by the workflow's activities. */
@Entity('approval_task')
@Index('ix_task_inbox', ['assigneePersonId', 'status', 'dueAt'])
@Index('ix_task_position', ['positionId', 'status'])
@Index('ix_task_status_due', ['status', 'dueAt'])
export class ApprovalTaskEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index()
  @Column('uuid', { name: 'proposal_id' })
  proposalId: string;

  @Column('int', { name: 'stage_index' })
  stageIndex: number;

  @Column('varchar', { name: 'stage_name', length: 200 })
  stageName: string;

  @Column('int')
  round: number;

  @Column('uuid', { name: 'position_id' })
  positionId: string;

  @Column('uuid', { name: 'assignee_person_id', nullable: true })
  assigneePersonId: string | null;

  @Column('varchar', { length: 16, nullable: true })
  capacity: Capacity | null;

  @Column('varchar', { length: 16 })
  status: TaskStatus;

  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column('uuid', { name: 'decided_by_person_id', nullable: true })
  decidedByPersonId: string | null;

  @Column('varchar', { length: 16, nullable: true })
  decision: Decision | null;

  @Column('text', { nullable: true })
  comment: string | null;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Capacity, Decision, TaskStatus } from '@libs/domain/proposal';

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

  /** Which approver slot of the stage this task fills; an escalation keeps the slot of the task it replaces. */
  @Column('int', { default: 0 })
  slot: number;

  /** 0 for the original task, n for the n-th escalation of its slot. */
  @Column('int', { name: 'escalation_level', default: 0 })
  escalationLevel: number;

  @Column('uuid', { name: 'escalated_from_task_id', nullable: true })
  escalatedFromTaskId: string | null;

  @Column('int', { name: 'reminders_sent', default: 0 })
  remindersSent: number;

  /** When the task passed its due time while still open (Jatuh Tempo), if it did. */
  @Column('timestamptz', { name: 'overdue_at', nullable: true })
  overdueAt: Date | null;

  @Column('uuid', { name: 'position_id' })
  positionId: string;

  @Column('uuid', { name: 'assignee_person_id', nullable: true })
  assigneePersonId: string | null;

  @Column('varchar', { length: 16, nullable: true })
  capacity: Capacity | null;

  /** With capacity `delegate`: the person who delegated (the assignee acts as their delegate). */
  @Column('uuid', { name: 'on_behalf_of_person_id', nullable: true })
  onBehalfOfPersonId: string | null;

  /**
   * Set when an administrator assigned the task to its assignee (Disposisi): it stays with them until
   * decided or assigned again, whoever acts for the post meanwhile.
   */
  @Column('uuid', { name: 'assigned_by_person_id', nullable: true })
  assignedByPersonId: string | null;

  /** Set when this task replaced another because the person acting for the post changed. */
  @Column('uuid', { name: 'reassigned_from_task_id', nullable: true })
  reassignedFromTaskId: string | null;

  @Column('varchar', { length: 16 })
  status: TaskStatus;

  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** When the task stopped being open (decided, escalated, cancelled). */
  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column('uuid', { name: 'decided_by_person_id', nullable: true })
  decidedByPersonId: string | null;

  @Column('varchar', { length: 16, nullable: true })
  decision: Decision | null;

  @Column('text', { nullable: true })
  comment: string | null;
}

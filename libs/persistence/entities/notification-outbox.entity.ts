import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const NOTIFICATION_KINDS = ['task.assigned', 'task.reminder', 'task.overdue', 'task.escalated', 'task.reassigned', 'proposal.decided', 'admin.alert'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Notifications waiting to be delivered (transactional outbox): written in the same transaction as
 * the history row that caused them, delivered later by a separate sender.
 */
@Entity('notification_outbox')
@Index('ix_outbox_pending', ['sentAt', 'createdAt'])
export class NotificationOutboxEntity {
  /** Derived from the causing event, so a retried write adds nothing. */
  @PrimaryColumn('uuid')
  id: string;

  @Index()
  @Column('uuid', { name: 'proposal_id' })
  proposalId: string;

  @Column('uuid', { name: 'task_id', nullable: true })
  taskId: string | null;

  @Column('varchar', { length: 32 })
  kind: NotificationKind;

  /** A person, or a role (`admin`) when the message is for every administrator. */
  @Column('uuid', { name: 'recipient_person_id', nullable: true })
  recipientPersonId: string | null;

  @Column('varchar', { name: 'recipient_role', length: 16, nullable: true })
  recipientRole: string | null;

  @Column('jsonb', { default: () => "'{}'" })
  payload: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt: Date | null;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;
}

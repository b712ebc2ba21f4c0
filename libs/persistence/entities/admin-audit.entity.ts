import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const AUDIT_OUTCOMES = ['succeeded', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * What administrators did (the admin audit log): one row per admin mutation, successful or refused,
 * naming who, what, on which object, a summary of the request without secrets, and the outcome.
 * Append-only like history_event: the database refuses UPDATE, DELETE and TRUNCATE (see the
 * AdminAudit migration).
 */
@Entity('admin_audit')
@Index('ix_admin_audit_at', ['occurredAt'])
@Index('ix_admin_audit_actor', ['actorPersonId', 'occurredAt'])
@Index('ix_admin_audit_action', ['action', 'occurredAt'])
@Index('ix_admin_audit_target', ['targetType', 'targetId'])
export class AdminAuditEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** When the action finished (the database's clock). */
  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column('uuid', { name: 'actor_person_id' })
  actorPersonId: string;

  /** The actor's name as the token gave it at the time (people are renamed; the id is the reference). */
  @Column('varchar', { name: 'actor_name', length: 200 })
  actorName: string;

  /** A stable code such as `unit.create`, `appointment.end`, `tasks.reassign`, `org.import`. */
  @Column('varchar', { length: 64 })
  action: string;

  /** The kind of object acted on: unit, position, person, appointment, delegation, task, proposal, template, organization. */
  @Column('varchar', { name: 'target_type', length: 32 })
  targetType: string;

  /** Its id (a template: its code); null when the action has no single object (an import, a refused create). */
  @Column('varchar', { name: 'target_id', length: 200, nullable: true })
  targetId: string | null;

  /** The request in short (path parameters, query and body, secrets removed, long values cut) and what it changed. */
  @Column('jsonb', { default: () => "'{}'" })
  summary: Record<string, unknown>;

  @Column('varchar', { length: 16 })
  outcome: AuditOutcome;

  /** The HTTP status answered. */
  @Column('smallint', { name: 'status_code' })
  statusCode: number;

  /** The error code answered when refused (e.g. VALIDATION_FAILED, POST_NOT_VACANT). */
  @Column('varchar', { name: 'error_code', length: 64, nullable: true })
  errorCode: string | null;

  /** The request's correlation id, to find its log lines. */
  @Column('varchar', { name: 'correlation_id', length: 100, nullable: true })
  correlationId: string | null;
}

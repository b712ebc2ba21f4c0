import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * One Idempotency-Key of one person, bound to the first request sent with it. A retry of that
 * request gets the first result; another request under the same key is refused. The binding is
 * kept here rather than left to Temporal, because Temporal remembers an Update id only within one
 * workflow run and answers a repeated id with the first result whatever the arguments.
 */
@Entity('idempotency_key')
export class IdempotencyKeyEntity {
  @PrimaryColumn('uuid', { name: 'person_id' })
  personId: string;

  @PrimaryColumn('varchar', { length: 100 })
  key: string;

  /** What the request did: `decision`, `resubmit`, `cancel`, `assign`. */
  @Column('varchar', { length: 32 })
  operation: string;

  /** The object it acted on (a task id, a proposal id), as the request named it. */
  @Column('varchar', { length: 200 })
  target: string;

  /** The request's meaningful fields after normalisation (trimmed comment, sorted ids…), to name what differs. */
  @Column('jsonb')
  request: Record<string, unknown>;

  /** sha-256 of operation, target and request in canonical JSON. */
  @Column('char', { length: 64 })
  fingerprint: string;

  /** The first result, once known; null while the first attempt runs or when its outcome is unknown (e.g. a 503). */
  @Column('jsonb', { nullable: true })
  response: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt: Date | null;
}

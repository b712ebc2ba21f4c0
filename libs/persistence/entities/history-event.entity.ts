import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/**
 * The append-only record (riwayat): one row per fact, chained by hash per proposal. A database
 * trigger refuses UPDATE and DELETE; the hash chain makes any change made around it detectable.
 */
@Entity('history_event')
@Unique('uq_history_proposal_seq', ['proposalId', 'seq'])
export class HistoryEventEntity {
  /** Deterministic per fact, so a retried activity writes the fact once. */
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'proposal_id' })
  proposalId: string;

  @Column('int')
  seq: number;

  @Column('varchar', { length: 64 })
  type: string;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  @Column('uuid', { name: 'actor_person_id', nullable: true })
  actorPersonId: string | null;

  @Column('uuid', { name: 'actor_position_id', nullable: true })
  actorPositionId: string | null;

  @Column('varchar', { length: 16, nullable: true })
  capacity: string | null;

  @Column('jsonb')
  data: Record<string, unknown>;

  @Column('char', { name: 'prev_hash', length: 64, nullable: true })
  prevHash: string | null;

  @Column('char', { length: 64 })
  hash: string;

  @Column('timestamptz', { name: 'recorded_at', default: () => 'now()' })
  recordedAt: Date;
}

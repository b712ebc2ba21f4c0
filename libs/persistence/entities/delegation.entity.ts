import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Pelimpahan: the person acting for a post lets another person decide its tasks for a date range
 * (out of office). It applies only while the delegator still acts for the post, so a rotation ends it
 * in effect; rows are never deleted, a revocation is recorded instead.
 */
@Entity('delegation')
@Index(['positionId', 'startsAt'])
export class DelegationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'position_id' })
  positionId: string;

  @Column('uuid', { name: 'delegator_person_id' })
  delegatorPersonId: string;

  @Index()
  @Column('uuid', { name: 'delegate_person_id' })
  delegatePersonId: string;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt: Date;

  @Column('timestamptz', { name: 'ends_at' })
  endsAt: Date;

  @Column('varchar', { length: 500 })
  reason: string;

  @Column('uuid', { name: 'created_by_person_id' })
  createdByPersonId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @Column('uuid', { name: 'revoked_by_person_id', nullable: true })
  revokedByPersonId: string | null;

  @Column('varchar', { name: 'revoke_reason', length: 500, nullable: true })
  revokeReason: string | null;
}

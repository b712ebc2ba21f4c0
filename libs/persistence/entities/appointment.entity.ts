import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AppointmentCapacity } from '@libs/domain/proposal';

/**
 * Who acts for a post, from when to when, and in which capacity: the definitive holder, a Plt. for a
 * vacant post, or a Plh. for an absent holder.
 */
@Entity('appointment')
@Index(['positionId', 'startsAt'])
export class AppointmentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'position_id' })
  positionId: string;

  @Index()
  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Column('varchar', { length: 16 })
  capacity: AppointmentCapacity;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt: Date;

  @Column('timestamptz', { name: 'ends_at', nullable: true })
  endsAt: Date | null;

  /** The legal basis, e.g. the number of the decree (SK) or warrant (surat perintah). */
  @Column('varchar', { length: 300, nullable: true })
  basis: string | null;

  /** Why the appointment ended (mutasi, pensiun, replaced by a definitive holder, …). */
  @Column('varchar', { name: 'end_reason', length: 300, nullable: true })
  endReason: string | null;

  /** Who recorded it; null for seeded and imported data. */
  @Column('uuid', { name: 'created_by_person_id', nullable: true })
  createdByPersonId: string | null;

  @Column('uuid', { name: 'ended_by_person_id', nullable: true })
  endedByPersonId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

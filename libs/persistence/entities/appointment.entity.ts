import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Capacity } from '../../domain/proposal';

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
  capacity: Exclude<Capacity, 'delegate'>;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt: Date;

  @Column('timestamptz', { name: 'ends_at', nullable: true })
  endsAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

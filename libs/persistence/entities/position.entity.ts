import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A post (jabatan). Tasks are addressed to posts, never to people, so they survive rotations. */
@Entity('position')
export class PositionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column('varchar', { length: 64 })
  code: string;

  @Column('varchar', { length: 200 })
  title: string;

  @Index()
  @Column('uuid', { name: 'unit_id' })
  unitId: string;

  /** jpt-utama | jpt-pratama | administrator | pengawas | pelaksana | kepala-daerah | fungsional */
  @Column('varchar', { length: 32 })
  level: string;

  @Column('uuid', { name: 'superior_position_id', nullable: true })
  superiorPositionId: string | null;

  /** The head post of its unit (used by the "head of the proposer's unit" selectors). */
  @Column('boolean', { name: 'is_unit_head', default: false })
  isUnitHead: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

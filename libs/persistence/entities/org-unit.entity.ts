import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A unit of the organization tree: Pemda → Dinas → Bidang → Seksi, also Sekda, BRIDA, Inspektorat. */
@Entity('org_unit')
export class OrgUnitEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column('varchar', { length: 64 })
  code: string;

  @Column('varchar', { length: 200 })
  name: string;

  /** pemda | sekretariat | dinas | badan | bidang | seksi | inspektorat | … */
  @Column('varchar', { length: 32 })
  kind: string;

  @Index()
  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

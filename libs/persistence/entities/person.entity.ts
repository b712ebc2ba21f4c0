import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Role } from '@libs/domain/proposal';

/** A civil servant (ASN), identified by NIP. */
@Entity('person')
export class PersonEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column('varchar', { length: 18 })
  nip: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('varchar', { length: 254 })
  email: string;

  @Column('text', { array: true, default: () => "'{}'" })
  roles: Role[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { ChainDefinition } from '../../domain/chain';

/** A versioned approval chain. A version is never changed once a proposal has used it. */
@Entity('chain_template')
@Unique('uq_chain_template_code_version', ['code', 'version'])
export class ChainTemplateEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('varchar', { length: 64 })
  code: string;

  @Column('int')
  version: number;

  @Column('varchar', { length: 200 })
  name: string;

  /** Proposals of these categories use this template when they do not name one. */
  @Column('text', { array: true, default: () => "'{}'" })
  categories: string[];

  @Column('jsonb')
  definition: ChainDefinition;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { ChainDefinition } from '@libs/domain/chain';

/**
 * A category that moved between templates when this version was written: taken over from another
 * template (whose current version claimed it), or given up to the template that took it over.
 */
export interface CategoryChange {
  kind: 'taken-over' | 'given-up';
  category: string;
  /** The other template: the one it was taken from, or the one it went to. */
  templateCode: string;
  /** That template's version: the one that claimed it, or the one that took it over. */
  templateVersion: number;
}

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

  /** Categories this version took over from another template or gave up to one (a category has one claimant at a time). */
  @Column('jsonb', { name: 'category_changes', default: () => "'[]'" })
  categoryChanges: CategoryChange[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

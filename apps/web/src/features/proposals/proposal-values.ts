import type { CreateProposalDto, ProposalStatus } from '@apps/web/src/lib/api-types';

/** The namespace of the proposer pages' strings (locales/<lang>/proposals.json). */
export const NS = 'proposals';

export const PROPOSAL_STATUSES = ['draft', 'submitted', 'in_review', 'approved', 'rejected', 'returned', 'withdrawn', 'cancelled'] as const satisfies readonly ProposalStatus[];
export const PROPOSAL_TYPES = ['digital', 'non-digital'] as const satisfies readonly CreateProposalDto['type'][];
export const PROPOSAL_FORMS = ['tata-kelola', 'pelayanan-publik', 'lainnya'] as const satisfies readonly CreateProposalDto['form'][];
export const INITIATOR_KINDS = ['individu', 'kelompok', 'unit-kerja'] as const satisfies readonly CreateProposalDto['initiatorKind'][];

/** The states in which the proposer may still change the content. */
export const EDITABLE_STATUSES: readonly string[] = ['draft', 'returned'];
/** The states from which the proposer may withdraw (Tarik Usulan). */
export const WITHDRAWABLE_STATUSES: readonly string[] = ['submitted', 'in_review', 'returned'];

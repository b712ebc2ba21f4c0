/** Lifecycle of a proposal (usulan). Only the approval workflow moves a submitted proposal. */
export const PROPOSAL_STATUSES = ['draft', 'submitted', 'in_review', 'approved', 'rejected', 'returned', 'withdrawn', 'cancelled'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSAL_TYPES = ['digital', 'non-digital'] as const;
export type ProposalType = (typeof PROPOSAL_TYPES)[number];

export const PROPOSAL_FORMS = ['tata-kelola', 'pelayanan-publik', 'lainnya'] as const;
export type ProposalForm = (typeof PROPOSAL_FORMS)[number];

export const INITIATOR_KINDS = ['individu', 'kelompok', 'unit-kerja'] as const;
export type InitiatorKind = (typeof INITIATOR_KINDS)[number];

/** Bahasa Indonesia labels for statuses, as users read them. */
export const PROPOSAL_STATUS_LABELS_ID: Record<ProposalStatus, string> = {
  draft: 'Draf',
  submitted: 'Diajukan',
  in_review: 'Menunggu Persetujuan',
  approved: 'Disetujui',
  rejected: 'Ditolak',
  returned: 'Dikembalikan untuk Perbaikan',
  withdrawn: 'Ditarik',
  cancelled: 'Dibatalkan',
};

/** States in which a proposal's approval has ended for good. */
export const FINAL_STATUSES: readonly ProposalStatus[] = ['approved', 'rejected', 'withdrawn', 'cancelled'];

export const TASK_STATUSES = ['open', 'approved', 'rejected', 'returned', 'reassigned', 'escalated', 'expired', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const DECISIONS = ['approve', 'reject', 'return'] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * The capacity in which a person holds a task: by appointment to its post (definitif, Plt., Plh.), as
 * the delegate of whoever acts for it (Pelimpahan), or because an administrator assigned it to them
 * (Disposisi).
 */
export const CAPACITIES = ['definitif', 'plt', 'plh', 'delegate', 'disposisi'] as const;
export type Capacity = (typeof CAPACITIES)[number];

/** The capacities an appointment to a post can give. */
export const APPOINTMENT_CAPACITIES = ['definitif', 'plt', 'plh'] as const;
export type AppointmentCapacity = (typeof APPOINTMENT_CAPACITIES)[number];

export const ROLES = ['proposer', 'approver', 'admin'] as const;
export type Role = (typeof ROLES)[number];

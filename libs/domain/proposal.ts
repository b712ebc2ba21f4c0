/** Lifecycle of a proposal (usulan). Only the approval workflow moves a submitted proposal. */
export const PROPOSAL_STATUSES = ['draft', 'submitted', 'in_review', 'approved', 'rejected', 'returned', 'withdrawn', 'cancelled'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Jenis inovasi: whether the innovation is digital. */
export const PROPOSAL_TYPES = ['digital', 'non-digital'] as const;
export type ProposalType = (typeof PROPOSAL_TYPES)[number];

/**
 * Bentuk inovasi: what the innovation renews, as PP 38/2017 on regional innovation classes it
 * (tata kelola pemerintahan daerah, pelayanan publik, or another form within the region's
 * affairs). It describes the innovation and routes nothing; the `category` does that (it picks the
 * chain template), so the two may name the same area without meaning the same thing.
 */
export const PROPOSAL_FORMS = ['tata-kelola', 'pelayanan-publik', 'lainnya'] as const;
export type ProposalForm = (typeof PROPOSAL_FORMS)[number];

/** The template that approves a proposal whose category no template claims. */
export const DEFAULT_TEMPLATE_CODE = 'umum';
/** The category offered for proposals no claimed category fits: unclaimed, it goes to the default template. */
export const GENERAL_CATEGORY = 'umum';

/**
 * The content a submission needs beyond the title. A draft may leave these empty (stored as ''):
 * it needs only a title until it is submitted.
 */
export const REQUIRED_TO_SUBMIT = ['problem', 'proposedChange', 'category', 'type', 'form', 'initiatorKind'] as const;

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

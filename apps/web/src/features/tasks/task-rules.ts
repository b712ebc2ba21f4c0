/** One task of GET /api/tasks (Tugas Saya). */
export interface InboxTask {
  id: string;
  proposalId: string;
  proposalTitle: string;
  stageIndex: number;
  stageName: string;
  round: number;
  positionId: string;
  positionTitle: string;
  capacity: string | null;
  status: string;
  dueAt: string | null;
  overdue: boolean;
  onEscalation: boolean;
  remindersSent: number;
  createdAt: string;
  decision: string | null;
  decidedAt: string | null;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type Decision = 'approve' | 'reject' | 'return';

/** A delegation of GET /api/delegations. */
export interface Delegation {
  id: string;
  positionId: string;
  positionTitle: string;
  delegatorPersonId: string;
  delegatorName: string;
  delegatePersonId: string;
  delegateName: string;
  startsAt: string;
  endsAt: string;
  reason: string;
  revokedAt: string | null;
  revokeReason: string | null;
  state: 'scheduled' | 'active' | 'ended' | 'revoked';
}

/** The API's rule (and the workflow's): a rejection or a return needs a reason; blanks do not count. */
export const needsReason = (decision: Decision) => decision !== 'approve';
export const MAX_COMMENT = 5000;

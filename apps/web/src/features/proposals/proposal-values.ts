/** The shapes of the proposals API as these pages read them (apps/api/proposals/dto/proposal.views.ts). */

export const PROPOSAL_STATUSES = ['draft', 'submitted', 'in_review', 'approved', 'rejected', 'returned', 'withdrawn', 'cancelled'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_TYPES = ['digital', 'non-digital'] as const;
export const PROPOSAL_FORMS = ['tata-kelola', 'pelayanan-publik', 'lainnya'] as const;
export const INITIATOR_KINDS = ['individu', 'kelompok', 'unit-kerja'] as const;

/** The states in which the proposer may still change the content. */
export const EDITABLE_STATUSES: readonly string[] = ['draft', 'returned'];
/** The states in which the approval has ended for good. */
export const FINAL_STATUSES: readonly string[] = ['approved', 'rejected', 'withdrawn', 'cancelled'];

export interface TaskHolder {
  taskId: string;
  stageIndex: number;
  stageName: string;
  positionId: string;
  positionTitle: string | null;
  personId: string | null;
  personName: string | null;
  capacity: string | null;
  onBehalfOfName: string | null;
  dueAt: string | null;
  overdue: boolean;
  escalationLevel: number;
}

export interface ProposalSummary {
  id: string;
  title: string;
  category: string;
  proposerId: string;
  proposerName: string;
  status: string;
  round: number;
  version: number;
  currentStage: number | null;
  currentStageName: string | null;
  escalated: boolean;
  submittedAt: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
  holders: TaskHolder[];
  dueAt: string | null;
  overdue: boolean;
}

export interface ProposalPage {
  items: ProposalSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TaskSummary {
  id: string;
  stageIndex: number;
  stageName: string;
  round: number;
  positionId: string;
  positionTitle: string | null;
  assigneePersonId: string | null;
  assigneeName: string | null;
  capacity: string | null;
  status: string;
  dueAt: string | null;
  decision: string | null;
  comment: string | null;
  decidedAt: string | null;
  decidedByName: string | null;
}

export interface CustodyEntry {
  taskId: string;
  stageIndex: number;
  round: number;
  slot: number;
  personName: string | null;
  capacity: string | null;
  onBehalfOf: { personId: string; name: string | null } | null;
  from: string;
  to: string | null;
  status: string;
  via: 'assigned' | 'reassigned' | 'escalated';
  previousTaskId: string | null;
  escalationLevel: number;
}

export interface TimelineItem {
  seq: number;
  type: string;
  label: string;
  occurredAt: string;
  actorName: string | null;
  actorPositionTitle: string | null;
  capacity: string | null;
  stageName: string | null;
  round: number | null;
  comment?: string;
  reason?: string;
}

export interface ChainStage {
  index: number;
  key: string;
  name: string;
  mode: string;
  sla: string | null;
  approverCount: number;
  mayReturn: boolean;
  requiresDefinitive: boolean;
  condition: { field: string; op: string; value: unknown } | null;
}

export interface ProposalChain {
  templateId: string;
  code: string;
  version: number;
  name: string;
  stages: ChainStage[];
}

export interface PilotPlan {
  durationMonths: number;
  scope: string;
}

export interface Indicator {
  name: string;
  baseline: string;
  target: string;
}

export interface Attachment {
  name: string;
  url: string;
}

export interface ProposalContent {
  title: string;
  problem: string;
  proposedChange: string;
  goals: string;
  benefits: string;
  category: string;
  type: string;
  form: string;
  initiatorKind: string;
  budgetEstimate: number | null;
  pilotPlan: PilotPlan | null;
  indicators: Indicator[];
  risks: string;
  collaboratingUnitIds: string[];
  attachments: Attachment[];
}

export interface Proposal extends ProposalContent {
  id: string;
  proposerId: string;
  unitId: string;
  status: string;
  templateId: string | null;
  currentStage: number | null;
  currentStageName: string | null;
  round: number;
  escalated: boolean;
  version: number;
  submittedAt: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
  tasks: TaskSummary[];
  timeline: TimelineItem[];
  custody: CustodyEntry[];
  chain: ProposalChain | null;
}

/** A row of the full record (GET /api/proposals/:id/history): the structured facts behind a timeline line. */
export interface HistoryEvent {
  id: string;
  seq: number;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

export interface Verification {
  valid: boolean;
  count: number;
  brokenAt?: { id: string; seq: number; reason: string };
}

export interface Unit {
  id: string;
  code: string;
  name: string;
  depth: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CAPACITIES, DECISIONS, PROPOSAL_STATUSES } from '@libs/domain/proposal';
import type { Attachment, OutcomeIndicator, PilotPlan } from '@libs/persistence/entities/proposal.entity';
import { CustodyEntryView } from '../../handover/dto/custody.view';
import { StageConditionDto } from '../../templates/dto/stage-definition.dto';
import { AttachmentDto, IndicatorDto, PilotPlanDto } from './create-proposal.dto';
import { ApiNullable } from '@libs/http/api-nullable';
import { STAGE_STATES, type StageState } from '../stage-view';

const PROPOSAL_ID = '3f9c2b1e-7d4a-4c55-9e1b-2a6f0c8d4e71';
const WHEN = '2026-03-02T08:15:00.000Z';

export class TaskSummaryView {
  @ApiProperty({ example: '8b0d7c1e-52a3-4f0e-9a77-1c2d3e4f5a6b' }) id: string;
  @ApiProperty({ example: 1 }) stageIndex: number;
  @ApiProperty({ example: 'Kepala Bidang' }) stageName: string;
  @ApiProperty({ example: 1 }) round: number;
  @ApiProperty({ example: 'c1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8' }) positionId: string;
  @ApiProperty({ example: 'Kepala Bidang Pelayanan Perizinan' }) positionTitle: string;
  @ApiNullable('string', { example: 'd4c3b2a1-0f9e-4d8c-b7a6-958473625140' }) assigneePersonId: string | null;
  @ApiNullable('string', { example: 'Agus Setiawan' }) assigneeName: string | null;
  @ApiNullable(CAPACITIES, { example: 'definitif' }) capacity: string | null;
  @ApiProperty({ example: 'open' }) status: string;
  @ApiNullable('date-time', { example: '2026-03-05T08:15:00.000Z' }) dueAt: Date | null;
  @ApiNullable(DECISIONS, { example: null }) decision: string | null;
  @ApiNullable('string', { example: null }) comment: string | null;
  @ApiNullable('date-time', { example: null }) decidedAt: Date | null;
  @ApiNullable('string', { example: null }) decidedByName: string | null;
}

/** One line of the proposal's Riwayat as a person reads it (the full rows are at /history). */
export class TimelineItemView {
  @ApiProperty({ example: 4 }) seq: number;
  @ApiProperty({ example: 'task.decided' }) type: string;
  @ApiProperty({ example: 'Dikembalikan untuk Perbaikan', description: 'Bahasa Indonesia' }) label: string;
  @ApiProperty({ example: WHEN }) occurredAt: Date;
  @ApiNullable('string', { example: 'Agus Setiawan' }) actorName: string | null;
  @ApiNullable('string', { example: 'Kepala Bidang Pelayanan Perizinan' }) actorPositionTitle: string | null;
  @ApiNullable(CAPACITIES, { example: 'definitif' }) capacity: string | null;
  @ApiNullable('string', { example: 'Kepala Bidang' }) stageName: string | null;
  @ApiNullable('integer', { example: 1 }) round: number | null;
  @ApiPropertyOptional({ example: 'Sasaran kinerja belum terukur; mohon dilengkapi.', description: 'Catatan of a decision or a resubmission' }) comment?: string;
  @ApiPropertyOptional({ example: 'Program serupa sudah berjalan.', description: 'Why it was withdrawn, cancelled or blocked' }) reason?: string;
}

/** One stage of the chain the proposal runs on, as the template version defines it (also the stages not reached yet). */
export class ChainStageView {
  @ApiProperty({ example: 1, description: 'Index in the chain, from 0 (the stageIndex of tasks)' }) index: number;
  @ApiProperty({ example: 'kepala-bidang' }) key: string;
  @ApiProperty({ example: 'Kepala Bidang' }) name: string;
  @ApiProperty({ example: 'any', description: '`any`: the first decision settles the stage; `all`: every approver must approve; `quorum:k`: k approvals' }) mode: string;
  @ApiNullable('string', { example: 'P3D', description: 'Batas Waktu of each task (ISO-8601 duration)' }) sla: string | null;
  @ApiProperty({ example: 1, description: 'How many approver selectors the stage has (a group of posts counts once)' }) approverCount: number;
  @ApiProperty({ example: true, description: 'The stage may return the proposal for revision' }) mayReturn: boolean;
  @ApiProperty({ example: false, description: 'Only a definitive holder (not Plt./Plh. or a delegate) may decide' }) requiresDefinitive: boolean;
  @ApiNullable(StageConditionDto, { example: { field: 'budgetEstimate', op: 'gte', value: 500000000 }, description: 'When the stage applies; otherwise it is skipped' })
  condition: Record<string, unknown> | null;
}

/** Where one stage of the chain stands, computed from the record, so every client shows the same. */
export class StageStateView {
  @ApiProperty({ example: 1, description: 'Index in the chain, from 0 (the stageIndex of tasks)' }) stageIndex: number;
  @ApiProperty({ example: 'Kepala Bidang' }) name: string;
  @ApiProperty({
    enum: STAGE_STATES,
    example: 'open',
    description:
      'From the last stage event of the record: `open`, `approved`, `rejected`, `returned`, `skipped` or `blocked`; `pending` before the stage is reached; `stopped` when the approval was withdrawn or cancelled while it was open',
  })
  state: StageState;
}

/** The chain template version a proposal uses. */
export class ProposalChainView {
  @ApiProperty({ format: 'uuid', example: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }) templateId: string;
  @ApiProperty({ example: 'inovasi-pelayanan-publik' }) code: string;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ example: 'Inovasi Pelayanan Publik v1' }) name: string;
  @ApiProperty({ type: [ChainStageView], description: 'Every stage in order, including those not opened yet' }) stages: ChainStageView[];
}

export class ProposalView {
  @ApiProperty({ example: PROPOSAL_ID }) id: string;
  @ApiProperty({ example: 'Antrean daring dan kanal SMS pengaduan perizinan' }) title: string;
  @ApiProperty({ example: 'Pemohon izin antre berjam-jam di loket tanpa kepastian waktu layanan.' }) problem: string;
  @ApiProperty({ example: 'Nomor antrean diambil daring; notifikasi SMS saat giliran mendekat.' }) proposedChange: string;
  @ApiProperty({ example: 'Memangkas waktu tunggu di loket.' }) goals: string;
  @ApiProperty({ example: 'Pemohon dapat menunggu dari rumah; pengaduan tercatat.' }) benefits: string;
  // A draft needs only a title: what it has not filled in yet reads as '' (problem and proposedChange too).
  @ApiProperty({ example: 'pelayanan-publik', description: "The routing category (it chose the chain); '' in a draft without one" }) category: string;
  @ApiProperty({ example: 'digital', description: "Jenis inovasi; '' in a draft without one" }) type: string;
  @ApiProperty({ example: 'tata-kelola', description: "Bentuk inovasi (PP 38/2017); '' in a draft without one" }) form: string;
  @ApiProperty({ example: 'kelompok', description: "'' in a draft without one" }) initiatorKind: string;
  @ApiProperty({ example: 'a9b8c7d6-e5f4-4a3b-8c2d-1e0f9a8b7c6d' }) proposerId: string;
  @ApiNullable('string', { example: 'Rina Wulandari', description: 'Who wrote the proposal (null only if the person no longer exists)' }) proposerName: string | null;
  @ApiProperty({ example: '5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170' }) unitId: string;
  @ApiNullable('string', { example: 'Dinas Penanaman Modal dan PTSP', description: 'The unit the proposal comes from (null only if the unit no longer exists)' }) unitName: string | null;
  @ApiNullable('number', { example: 75000000 }) budgetEstimate: number | null;
  @ApiNullable(PilotPlanDto, { example: { durationMonths: 6, scope: 'Loket perizinan kantor pusat' } }) pilotPlan: PilotPlan | null;
  @ApiProperty({ type: [IndicatorDto], example: [{ name: 'Waktu tunggu rata-rata', baseline: '120 menit', target: '30 menit' }] }) indicators: OutcomeIndicator[];
  @ApiProperty({ example: 'Sebagian pemohon belum memiliki ponsel pintar.' }) risks: string;
  @ApiProperty({ type: [String], example: [] }) collaboratingUnitIds: string[];
  @ApiProperty({ type: [AttachmentDto], example: [{ name: 'Kajian awal.pdf', url: 'https://dokumen.example.go.id/kajian-awal.pdf' }] }) attachments: Attachment[];
  @ApiProperty({ enum: PROPOSAL_STATUSES, example: 'in_review' }) status: string;
  @ApiProperty({ example: 'Menunggu Persetujuan' }) statusLabel: string;
  @ApiNullable('string', { example: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }) templateId: string | null;
  @ApiNullable('string', { example: `proposal-${PROPOSAL_ID}` }) workflowId: string | null;
  @ApiNullable('integer', { example: 1 }) currentStage: number | null;
  @ApiNullable('string', { example: 'Kepala Bidang' }) currentStageName: string | null;
  @ApiNullable('date-time', { example: WHEN }) stageOpenedAt: Date | null;
  @ApiProperty({ example: 1, description: 'Review round: 1, then one more after each resubmission' }) round: number;
  @ApiProperty({ example: false, description: 'A task of the current round was escalated' }) escalated: boolean;
  @ApiProperty({ example: 2, description: 'Content version, bumped by every edit' }) version: number;
  @ApiNullable('date-time', { example: WHEN }) submittedAt: Date | null;
  @ApiNullable('date-time', { example: null }) decidedAt: Date | null;
  @ApiProperty({ example: WHEN }) createdAt: Date;
  @ApiProperty({ example: WHEN }) updatedAt: Date;
  @ApiProperty({ type: [TaskSummaryView] }) tasks: TaskSummaryView[];
  @ApiProperty({ type: [TimelineItemView], description: 'The Riwayat in order, compact' }) timeline: TimelineItemView[];
  @ApiProperty({
    type: [CustodyEntryView],
    description: 'The chain of custody: every hand the baton passed through, one entry per task in the order the tasks were created, with how each came to its holder (assigned, reassigned, escalated) and how it ended',
  })
  custody: CustodyEntryView[];
  @ApiNullable(ProposalChainView, {
    description: 'The stages (Tahapan) of the chain template version the proposal uses, in order, opened or not; a draft names a version now, and submitting it takes the latest version of that template',
  })
  chain: ProposalChainView | null;
  @ApiProperty({
    type: [StageStateView],
    description: 'Where each stage of the chain stands, in order, including those not reached yet (without a chain: the stages its tasks name)',
  })
  stages: StageStateView[];
}

/** Who holds one open task of a proposal now: the post, the person acting for it (none if vacant), and its due date. */
export class TaskHolderView {
  @ApiProperty({ format: 'uuid', example: '8b0d7c1e-52a3-4f0e-9a77-1c2d3e4f5a6b' }) taskId: string;
  @ApiProperty({ example: 0, description: 'Index of the stage in the chain, from 0' }) stageIndex: number;
  @ApiProperty({ example: 'Kepala Seksi' }) stageName: string;
  @ApiProperty({ format: 'uuid', example: 'c1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8' }) positionId: string;
  @ApiNullable('string', { example: 'Kepala Seksi Perizinan Usaha' }) positionTitle: string | null;
  @ApiNullable('uuid', { description: 'Null when the post is vacant and nobody acts for it (jabatan kosong)', example: 'd4c3b2a1-0f9e-4d8c-b7a6-958473625140' })
  personId: string | null;
  @ApiNullable('string', { description: 'Null when the post is vacant', example: 'Siti Rahmawati' }) personName: string | null;
  @ApiNullable(CAPACITIES, { description: 'Pejabat Definitif, Plt., Plh. or a delegate (Pelimpahan)', example: 'definitif' })
  capacity: string | null;
  @ApiNullable('string', { description: 'With capacity delegate: the name of the person who delegated', example: null }) onBehalfOfName: string | null;
  @ApiNullable('date-time', { description: 'Jatuh Tempo of the task', example: '2026-03-04T08:15:00.000Z' }) dueAt: Date | null;
  @ApiProperty({ example: false, description: 'The due date has passed and the task is still open' }) overdue: boolean;
  @ApiProperty({ example: 0, description: '0 for an original task, n after n escalations (Eskalasi) of its slot' }) escalationLevel: number;
}

/** A proposal in a list: enough to find it, without content, tasks or history. */
export class ProposalSummaryView {
  @ApiProperty({ example: PROPOSAL_ID }) id: string;
  @ApiProperty({ example: 'Antrean daring dan kanal SMS pengaduan perizinan' }) title: string;
  @ApiProperty({ example: 'pelayanan-publik' }) category: string;
  @ApiProperty({ example: 'a9b8c7d6-e5f4-4a3b-8c2d-1e0f9a8b7c6d' }) proposerId: string;
  @ApiProperty({ example: 'Rina Wulandari' }) proposerName: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES, example: 'returned' }) status: string;
  @ApiProperty({ example: 'Dikembalikan untuk Perbaikan' }) statusLabel: string;
  @ApiProperty({ example: 1 }) round: number;
  @ApiProperty({ example: 1 }) version: number;
  @ApiNullable('string', { example: 'Kepala Bidang' }) currentStageName: string | null;
  @ApiProperty({ example: false }) escalated: boolean;
  @ApiNullable('date-time', { example: WHEN }) submittedAt: Date | null;
  @ApiNullable('date-time', { example: null }) decidedAt: Date | null;
  @ApiProperty({ example: WHEN }) createdAt: Date;
  @ApiProperty({ example: WHEN }) updatedAt: Date;
  @ApiNullable('integer', { example: 0, description: 'Index of the current stage, from 0; null before review starts' }) currentStage: number | null;
  @ApiProperty({
    type: [TaskHolderView],
    description: 'Who holds the proposal now: one entry per open task (empty when no task is open, e.g. a draft, a returned or a decided proposal), by stage and slot',
  })
  holders: TaskHolderView[];
  @ApiNullable('date-time', { example: '2026-03-04T08:15:00.000Z', description: 'Jatuh Tempo: the earliest due date of the open tasks' }) dueAt: Date | null;
  @ApiProperty({ example: false, description: 'An open task is past its due date' }) overdue: boolean;
}

export class ProposalPageView {
  @ApiProperty({ type: [ProposalSummaryView] }) items: ProposalSummaryView[];
  @ApiProperty({ example: 1 }) total: number;
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 20 }) pageSize: number;
}

/** The content of a proposal as it stood at one version. */
export class ProposalVersionView {
  @ApiProperty({ example: PROPOSAL_ID }) proposalId: string;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({
    enum: ['submitted', 'resubmitted', 'current'],
    example: 'submitted',
    description: 'Where the content comes from: the record of its submission or resubmission, or the proposal itself (a draft or returned version not submitted yet)',
  })
  source: 'submitted' | 'resubmitted' | 'current';
  @ApiNullable('integer', { example: 1, description: 'Review round the version was submitted for; null when not submitted yet' }) round: number | null;
  @ApiProperty({ example: WHEN, description: 'When it was submitted (or last edited, for the current unsubmitted version)' }) recordedAt: Date;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The proposal as the proposer wrote it',
    example: { version: 1, title: 'Antrean daring dan kanal SMS pengaduan perizinan', problem: 'Pemohon izin antre berjam-jam di loket.', category: 'pelayanan-publik', budgetEstimate: 75000000 },
  })
  content: Record<string, unknown>;
}

export class ResubmitResultView {
  @ApiProperty({ example: 2, description: 'The new review round' }) round: number;
  @ApiProperty({ example: 1, description: 'The stage review resumes at: the one that returned the proposal' }) stageIndex: number;
  @ApiProperty({ enum: PROPOSAL_STATUSES, example: 'in_review' }) proposalStatus: string;
  @ApiProperty({ type: ProposalView }) proposal: ProposalView;
}

export class WithdrawResultView {
  @ApiProperty({ enum: PROPOSAL_STATUSES, example: 'withdrawn' }) proposalStatus: string;
  @ApiProperty({ example: WHEN }) closedAt: string;
  @ApiProperty({ type: [String], example: ['8b0d7c1e-52a3-4f0e-9a77-1c2d3e4f5a6b'], description: 'Open tasks cancelled by the withdrawal' }) cancelledTasks: string[];
  @ApiProperty({ type: ProposalView }) proposal: ProposalView;
}

export class HistoryEventView {
  @ApiProperty({ example: '6f5e4d3c-2b1a-5098-8f7e-6d5c4b3a2918' }) id: string;
  @ApiProperty({ example: 4 }) seq: number;
  @ApiProperty({ example: 'task.decided' }) type: string;
  @ApiProperty({ example: WHEN }) occurredAt: Date;
  @ApiNullable('string', { example: 'd4c3b2a1-0f9e-4d8c-b7a6-958473625140' }) actorPersonId: string | null;
  @ApiNullable('string', { example: 'Siti Rahmawati' }) actorName: string | null;
  @ApiNullable('string', { example: 'c1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8' }) actorPositionId: string | null;
  @ApiNullable('string', { example: 'Kepala Seksi Perizinan Usaha' }) actorPositionTitle: string | null;
  @ApiNullable(CAPACITIES, { example: 'definitif' }) capacity: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The facts of the event; its fields depend on the type', example: { decision: 'approve', comment: 'Setuju.', round: 1, proposalVersion: 1 } })
  data: Record<string, unknown>;
  @ApiNullable('string', { example: 'b1946ac92492d2347c6235b4d2611184b1946ac92492d2347c6235b4d2611184' }) prevHash: string | null;
  @ApiProperty({ example: '5d41402abc4b2a76b9719d911017c5925d41402abc4b2a76b9719d911017c592' }) hash: string;
}

/** The first row whose hash does not hold. */
export class BrokenRowView {
  @ApiProperty({ example: '6f5e4d3c-2b1a-5098-8f7e-6d5c4b3a2918' }) id: string;
  @ApiProperty({ example: 4 }) seq: number;
  @ApiProperty({ example: 'hash mismatch' }) reason: string;
}

export class VerificationView {
  @ApiProperty({ example: true }) valid: boolean;
  @ApiProperty({ example: 6 }) count: number;
  @ApiPropertyOptional({ type: BrokenRowView, description: 'Only when the chain is broken' }) brokenAt?: BrokenRowView;
}

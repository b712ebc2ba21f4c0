import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { CAPACITIES, PROPOSAL_STATUSES } from '@libs/domain/proposal';
import type { Capacity, ProposalStatus } from '@libs/domain/proposal';
import { CustodyEntryView, OnBehalfOfView } from './custody.view';
import { ApiNullable } from '@libs/http/api-nullable';

const PROPOSAL_ID = '3f9c2b1e-7d4a-4c55-9e1b-2a6f0c8d4e71';
const TASK_ID = '8b0d7c1e-52a3-4f0e-9a77-1c2d3e4f5a6b';
const POST_ID = 'c1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8';
const PERSON_ID = 'd4c3b2a1-0f9e-4d8c-b7a6-958473625140';

/** Each list of the handover holds at most this many entries; `truncated` says when there were more. */
export const HANDOVER_LIST_CAP = 500;

export class HandoverPositionView {
  @ApiProperty({ format: 'uuid', example: POST_ID }) id: string;
  @ApiProperty({ example: 'KABID-YAN' }) code: string;
  @ApiProperty({ example: 'Kepala Bidang Pelayanan Perizinan' }) title: string;
  @ApiProperty({ format: 'uuid', example: '5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170' }) unitId: string;
  @ApiNullable('string', { example: 'Bidang Pelayanan Perizinan' }) unitName: string | null;
  @ApiProperty({ example: 'administrator', description: 'jpt-utama | jpt-pratama | administrator | pengawas | pelaksana | kepala-daerah | fungsional' })
  level: string;
}

export class ActingNowView {
  @ApiProperty({ format: 'uuid', example: PERSON_ID }) personId: string;
  @ApiNullable('string', { example: 'Agus Setiawan' }) name: string | null;
  @ApiProperty({ enum: ['definitif', 'plt', 'plh'], example: 'definitif', description: 'Pejabat Definitif, Plt. or Plh.' })
  capacity: Exclude<Capacity, 'delegate'>;
}

/** An open task of the post: the work waiting for the new holder. */
export class HandoverOpenTaskView {
  @ApiProperty({ format: 'uuid', example: TASK_ID }) taskId: string;
  @ApiProperty({ format: 'uuid', example: PROPOSAL_ID, description: 'Key into `proposals`' }) proposalId: string;
  @ApiProperty({ example: 'Antrean daring dan kanal SMS pengaduan perizinan' }) proposalTitle: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES, example: 'in_review' }) proposalStatus: ProposalStatus;
  @ApiProperty({ example: 1 }) stageIndex: number;
  @ApiProperty({ example: 'Kepala Bidang' }) stageName: string;
  @ApiProperty({ example: 1 }) round: number;
  @ApiNullable('uuid', { description: 'Null when the post is vacant and nobody acts for it', example: PERSON_ID })
  assigneePersonId: string | null;
  @ApiNullable('string', { example: 'Agus Setiawan' }) assigneeName: string | null;
  @ApiNullable(CAPACITIES, { example: 'definitif' }) capacity: Capacity | null;
  @ApiNullable(OnBehalfOfView, { description: 'With capacity delegate: whom the assignee acts for', example: null })
  onBehalfOf: OnBehalfOfView | null;
  @ApiProperty({ example: '2026-03-02T08:15:00.000Z' }) createdAt: Date;
  @ApiNullable('date-time', { description: 'Batas Waktu', example: '2026-03-05T08:15:00.000Z' }) dueAt: Date | null;
  @ApiProperty({ example: false, description: 'Past its due time (Jatuh Tempo)' }) overdue: boolean;
  @ApiProperty({ example: 0, description: 'Whole seconds past the due time; 0 when not past due' }) overdueSeconds: number;
  @ApiProperty({ example: 0, description: 'More than 0 when the task came to this post by escalation (Eskalasi) from a subordinate post' })
  escalationLevel: number;
}

/** A proposal still under way that this post has already approved: a commitment the new holder inherits. */
export class HandoverApprovalView {
  @ApiProperty({ format: 'uuid', example: PROPOSAL_ID, description: 'Key into `proposals`' }) proposalId: string;
  @ApiProperty({ example: 'Antrean daring dan kanal SMS pengaduan perizinan' }) proposalTitle: string;
  @ApiProperty({ enum: ['submitted', 'in_review', 'returned'], example: 'in_review' }) proposalStatus: ProposalStatus;
  @ApiNullable('string', { example: 'Kepala Dinas', description: 'The stage the proposal is at now' }) currentStageName: string | null;
  @ApiProperty({ format: 'uuid', example: TASK_ID, description: 'The task of this post that approved (the latest, if it approved in several rounds)' })
  taskId: string;
  @ApiProperty({ example: 'Kepala Bidang', description: 'The stage this post approved' }) stageName: string;
  @ApiProperty({ example: 1 }) round: number;
  @ApiNullable('date-time', { example: '2026-03-03T09:00:00.000Z' }) approvedAt: Date | null;
  @ApiNullable('uuid', { example: PERSON_ID }) approvedByPersonId: string | null;
  @ApiNullable('string', { example: 'Agus Setiawan' }) approvedByName: string | null;
  @ApiNullable(CAPACITIES, { example: 'definitif', description: 'In which capacity the approver acted' })
  capacity: Capacity | null;
}

/** A task this post let pass its due time: escalated, it waits now at another post. */
export class HandoverEscalationView {
  @ApiProperty({ format: 'uuid', example: 'e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b', description: 'The open task, where it is now' }) taskId: string;
  @ApiProperty({ format: 'uuid', example: TASK_ID, description: 'The task of this post that was escalated' }) missedTaskId: string;
  @ApiProperty({ format: 'uuid', example: PROPOSAL_ID, description: 'Key into `proposals`' }) proposalId: string;
  @ApiProperty({ example: 'Antrean daring dan kanal SMS pengaduan perizinan' }) proposalTitle: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES, example: 'in_review' }) proposalStatus: ProposalStatus;
  @ApiProperty({ example: 1 }) stageIndex: number;
  @ApiProperty({ example: 'Kepala Bidang' }) stageName: string;
  @ApiProperty({ example: 1 }) round: number;
  @ApiNullable('date-time', { example: '2026-03-05T08:15:00.000Z', description: 'The due time this post missed' }) missedDueAt: Date | null;
  @ApiNullable('date-time', { example: '2026-03-05T08:15:01.000Z', description: 'When it left this post' }) escalatedAt: Date | null;
  @ApiProperty({ format: 'uuid', example: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', description: 'The post holding it now' }) positionId: string;
  @ApiNullable('string', { example: 'Kepala Dinas Penanaman Modal dan PTSP' }) positionTitle: string | null;
  @ApiNullable('uuid', { description: 'Null when that post is vacant', example: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' })
  assigneePersonId: string | null;
  @ApiNullable('string', { example: 'Hendra Gunawan' }) assigneeName: string | null;
  @ApiNullable(CAPACITIES, { example: 'definitif' }) capacity: Capacity | null;
  @ApiProperty({ example: 1 }) escalationLevel: number;
  @ApiProperty({ example: '2026-03-05T08:15:01.000Z', description: 'Since when its current holder has it' }) since: Date;
  @ApiNullable('date-time', { example: '2026-03-08T08:15:01.000Z' }) dueAt: Date | null;
  @ApiProperty({ example: false }) overdue: boolean;
}

/** A proposal named by the lists, with its chain of custody. */
export class HandoverProposalView {
  @ApiProperty({ format: 'uuid', example: PROPOSAL_ID }) id: string;
  @ApiProperty({ example: 'Antrean daring dan kanal SMS pengaduan perizinan' }) title: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES, example: 'in_review' }) status: ProposalStatus;
  @ApiProperty({ example: 'Menunggu Persetujuan' }) statusLabel: string;
  @ApiNullable('string', { example: 'Kepala Dinas' }) currentStageName: string | null;
  @ApiProperty({ example: 1 }) round: number;
  @ApiProperty({ type: [CustodyEntryView], description: 'Every hand the baton passed through, in order' }) custody: CustodyEntryView[];
}

export class HandoverOpenTaskListView {
  @ApiProperty({ type: [HandoverOpenTaskView], description: 'Earliest due first (no due time last)' }) items: HandoverOpenTaskView[];
  @ApiProperty({ example: false, description: `More than ${HANDOVER_LIST_CAP} entries existed; only the first ${HANDOVER_LIST_CAP} are listed` }) truncated: boolean;
}

export class HandoverApprovalListView {
  @ApiProperty({ type: [HandoverApprovalView], description: 'One entry per proposal, most recently approved first' }) items: HandoverApprovalView[];
  @ApiProperty({ example: false, description: `More than ${HANDOVER_LIST_CAP} entries existed; only the first ${HANDOVER_LIST_CAP} are listed` }) truncated: boolean;
}

export class HandoverEscalationListView {
  @ApiProperty({ type: [HandoverEscalationView], description: 'Earliest due first (no due time last)' }) items: HandoverEscalationView[];
  @ApiProperty({ example: false, description: `More than ${HANDOVER_LIST_CAP} entries existed; only the first ${HANDOVER_LIST_CAP} are listed` }) truncated: boolean;
}

/** Everything a new holder of a post needs on day one (Serah Terima Jabatan). */
export class HandoverView {
  @ApiProperty({ type: HandoverPositionView }) position: HandoverPositionView;
  @ApiNullable(ActingNowView, { description: 'Who acts for the post now; null when it is vacant and nobody acts' })
  actingNow: ActingNowView | null;
  @ApiProperty({ example: '2026-03-10T08:00:00.000Z', description: 'The moment the handover describes' }) generatedAt: string;
  @ApiProperty({ type: HandoverOpenTaskListView, description: 'Open tasks addressed to this post, for any proposal' }) openTasks: HandoverOpenTaskListView;
  @ApiProperty({
    type: HandoverApprovalListView,
    description: 'Proposals still in progress (submitted, in review or returned for revision) that a task of this post approved',
  })
  approvedInProgress: HandoverApprovalListView;
  @ApiProperty({
    type: HandoverEscalationListView,
    description: 'Open tasks that were escalated from a task of this post (it missed the deadline) and wait at another post now, however far they have climbed',
  })
  escalationsPending: HandoverEscalationListView;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(HandoverProposalView) },
    description: 'Every proposal the lists name, by id, each with its chain of custody',
    example: {
      [PROPOSAL_ID]: {
        id: PROPOSAL_ID,
        title: 'Antrean daring dan kanal SMS pengaduan perizinan',
        status: 'in_review',
        statusLabel: 'Menunggu Persetujuan',
        currentStageName: 'Kepala Bidang',
        round: 1,
        custody: [
          {
            taskId: TASK_ID, stageIndex: 0, stageName: 'Kepala Seksi', round: 1, slot: 0, positionId: POST_ID, positionTitle: 'Kepala Seksi Perizinan Usaha',
            personId: PERSON_ID, personName: 'Siti Rahmawati', capacity: 'definitif', onBehalfOf: null, from: '2026-03-02T08:15:00.000Z',
            to: '2026-03-03T09:00:00.000Z', status: 'approved', decision: 'approve', via: 'assigned', previousTaskId: null, escalationLevel: 0,
          },
        ],
      },
    },
  })
  proposals: Record<string, HandoverProposalView>;
}

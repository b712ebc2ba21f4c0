import { ApiProperty } from '@nestjs/swagger';
import { CAPACITIES, TASK_STATUSES } from '@libs/domain/proposal';
import { ApiNullable } from '@libs/http/api-nullable';
import { STUCK_REASON_KINDS, type StuckReasonKind } from '../stuck-reason';

/** Why an approval is held up, and since when (apps/api/admin/stuck-reason.ts). */
export class StuckReasonView {
  @ApiProperty({
    enum: STUCK_REASON_KINDS,
    example: 'no-holder',
    description:
      '`no-holder`: nobody acts for the post (vacant, no Plt., Plh. or delegate). `acting-term-ended`: the Plt./Plh. who last acted for ' +
      'the post has ended and nobody took over. `escalation-cap-reached`: the task timed out after its last allowed Eskalasi. ' +
      '`escalation-unresolved`: the task timed out and no post to escalate to was found. `overdue`: past its Jatuh Tempo. ' +
      '`blocked-stage`: the stage\'s posts did not resolve, so it has no task (GET /api/admin/blocked-stages).',
  })
  kind: StuckReasonKind;
  @ApiProperty({ example: '2025-03-03T01:00:00.000Z', description: 'Since when the reason holds' }) since: Date;
  @ApiProperty({ example: 3, description: 'Whole working days (Monday–Friday, Asia/Jakarta) since then' }) workingDays: number;
}

/** One approval task as an administrator audits it: where it is, who holds it, how late it is. */
export class AdminTaskView {
  @ApiProperty({ format: 'uuid', example: '0b8a5a3e-3c1f-4f7e-9a53-51d2b8f0c6a1' }) taskId: string;
  @ApiProperty({ format: 'uuid', example: '6a2f9c1d-7e4b-4a8c-b3d2-1f0e9d8c7b6a' }) proposalId: string;
  @ApiProperty({ example: 'Satu Data Kesehatan dan Sosial' }) proposalTitle: string;
  @ApiProperty({ format: 'uuid', example: '3f1c2a9e-5b7d-5e0a-9c41-2d8f6b7a1e03' }) unitId: string;
  @ApiProperty({ example: 'Seksi Perizinan Usaha' }) unitName: string;
  @ApiProperty({ example: 1 }) stageIndex: number;
  @ApiProperty({ example: 'Kepala Dinas Terkait' }) stageName: string;
  @ApiProperty({ example: 1 }) round: number;
  @ApiProperty({ format: 'uuid', example: '8b0e4f8e-1d2c-5a3b-9f6e-7c5d4b3a2910' }) positionId: string;
  @ApiProperty({ example: 'Kepala Dinas Sosial' }) positionTitle: string;
  @ApiNullable('uuid', { description: 'Null when the post is vacant', example: '5d4c3b2a-1f0e-5d9c-8b7a-6f5e4d3c2b1a' })
  assigneePersonId: string | null;
  @ApiNullable('string', { example: 'Yusuf Hakim' }) assigneeName: string | null;
  @ApiNullable(CAPACITIES, { example: 'definitif' }) capacity: string | null;
  @ApiProperty({ enum: TASK_STATUSES, example: 'open' }) status: string;
  @ApiProperty({ example: '2025-03-03T01:00:00.000Z' }) createdAt: Date;
  @ApiNullable('date-time', { example: '2025-03-06T01:00:00.000Z' }) dueAt: Date | null;
  @ApiNullable('date-time', { description: 'When the task stopped being open', example: null }) decidedAt: Date | null;
  @ApiProperty({ description: 'Seconds the task has been open (for a closed task: was open)', example: 273600 })
  ageSeconds: number;
  @ApiProperty({ description: 'Seconds past the due time (for a closed task: when it closed); 0 when not past due', example: 14400 })
  overdueSeconds: number;
  @ApiProperty({ description: '0 for an original task, n for the n-th escalation of its slot', example: 0 }) escalationLevel: number;
  @ApiNullable('uuid', { description: 'The task this one replaced by escalation', example: null })
  escalatedFromTaskId: string | null;
  @ApiProperty({ example: 1 }) remindersSent: number;
  @ApiProperty({ example: 2, description: 'Whole working days (Monday–Friday, Asia/Jakarta) the task has been open (Lama terbuka)' })
  ageWorkingDays: number;
  @ApiNullable(StuckReasonView, { description: 'Why the open task waits; null when it is on time, or closed' })
  stuckReason: StuckReasonView | null;
}

export class AdminTaskPageView {
  @ApiProperty({ type: [AdminTaskView] }) items: AdminTaskView[];
  @ApiProperty({ example: 1 }) total: number;
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 20 }) pageSize: number;
}

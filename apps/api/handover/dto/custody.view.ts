import { ApiProperty } from '@nestjs/swagger';
import { CAPACITIES, DECISIONS, TASK_STATUSES } from '@libs/domain/proposal';
import type { Capacity, Decision, TaskStatus } from '@libs/domain/proposal';
import type { CustodyEntry, CustodyVia } from '../custody';
import { ApiNullable } from '@libs/http/api-nullable';

export const CUSTODY_VIAS: CustodyVia[] = ['assigned', 'reassigned', 'escalated'];

export class OnBehalfOfView {
  @ApiProperty({ format: 'uuid', example: 'd4c3b2a1-0f9e-4d8c-b7a6-958473625140' }) personId: string;
  @ApiNullable('string', { example: 'Agus Setiawan' }) name: string | null;
}

/** One hand the baton passed through (one approval task): who held it, for which post, in which capacity, how it ended. */
export class CustodyEntryView implements CustodyEntry {
  @ApiProperty({ format: 'uuid', example: '8b0d7c1e-52a3-4f0e-9a77-1c2d3e4f5a6b' }) taskId: string;
  @ApiProperty({ example: 1 }) stageIndex: number;
  @ApiProperty({ example: 'Kepala Bidang' }) stageName: string;
  @ApiProperty({ example: 1 }) round: number;
  @ApiProperty({ example: 0, description: 'The approver slot of the stage this task fills' }) slot: number;
  @ApiProperty({ format: 'uuid', example: 'c1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8' }) positionId: string;
  @ApiNullable('string', { example: 'Kepala Bidang Pelayanan Perizinan' }) positionTitle: string | null;
  @ApiNullable('uuid', { description: 'Null when the post was vacant and nobody acted for it', example: 'd4c3b2a1-0f9e-4d8c-b7a6-958473625140' })
  personId: string | null;
  @ApiNullable('string', { description: 'Null when the post was vacant', example: 'Agus Setiawan' }) personName: string | null;
  @ApiNullable(CAPACITIES, { description: 'Pejabat Definitif, Plt., Plh. or a delegate (Pelimpahan)', example: 'definitif' })
  capacity: Capacity | null;
  @ApiNullable(OnBehalfOfView, { description: 'With capacity delegate: whom the person acted for', example: null })
  onBehalfOf: OnBehalfOfView | null;
  @ApiProperty({ description: 'When the task came to this person (created)', example: '2026-03-02T08:15:00.000Z' }) from: Date;
  @ApiNullable('date-time', { description: 'When it stopped being open; null while open', example: '2026-03-03T09:00:00.000Z' }) to: Date | null;
  @ApiProperty({ enum: TASK_STATUSES, description: 'How it ended (open while still held)', example: 'approved' }) status: TaskStatus;
  @ApiNullable(DECISIONS, { example: 'approve' }) decision: Decision | null;
  @ApiProperty({
    enum: CUSTODY_VIAS,
    description: '`assigned`: opened for the slot; `reassigned`: moved here because the person acting for the post changed (rotation, Plt., Plh., delegation); `escalated`: came here because the previous holder missed the deadline',
    example: 'assigned',
  })
  via: CustodyVia;
  @ApiNullable('uuid', { description: 'The task this one replaced (by reassignment or escalation)', example: null })
  previousTaskId: string | null;
  @ApiProperty({ example: 0, description: '0 for an original task, n after n escalations of its slot' }) escalationLevel: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CAPACITIES, DECISIONS } from '@libs/domain/proposal';
import { PageQuery, toBoolean } from '@libs/http/page-query';
import type { Decision } from '@libs/domain/proposal';
import { ApiNullable } from '@libs/http/api-nullable';

export class DecisionDto {
  @ApiProperty({ enum: DECISIONS, example: 'approve' })
  @IsIn(DECISIONS)
  decision: Decision;

  @ApiPropertyOptional({ example: 'Setuju, lanjutkan uji coba.', description: 'Catatan; required to reject or return' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;
}


export class TaskListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'done'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'done'])
  status?: 'open' | 'done';

  @ApiPropertyOptional({ description: 'Only tasks past their due time (open view)', example: true })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Only tasks of this proposal' })
  @IsOptional()
  @IsUUID('all')
  proposalId?: string;

  @ApiPropertyOptional({ description: 'Search in the proposal title', example: 'antrean' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;


}

export class InboxTaskView {
  @ApiProperty() id: string;
  @ApiProperty() proposalId: string;
  @ApiProperty() proposalTitle: string;
  @ApiNullable('string', { example: 'Rina Wulandari', description: 'Who wrote the proposal' }) proposerName: string | null;
  @ApiNullable('string', { example: 'Dinas Penanaman Modal dan PTSP', description: "The proposer's unit" }) unitName: string | null;
  @ApiNullable('number', { example: 75000000, description: 'Anggaran of the proposal, if it names one' }) budgetEstimate: number | null;
  @ApiProperty() stageIndex: number;
  @ApiProperty() stageName: string;
  @ApiProperty() round: number;
  @ApiProperty() positionId: string;
  @ApiProperty() positionTitle: string;
  @ApiNullable(CAPACITIES) capacity: string | null;
  @ApiProperty() status: string;
  @ApiNullable('date-time') dueAt: Date | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ description: 'Reached this person through an escalation (Eskalasi)' }) onEscalation: boolean;
  @ApiProperty() remindersSent: number;
  @ApiProperty() createdAt: Date;
  @ApiNullable(DECISIONS) decision: string | null;
  @ApiNullable('date-time') decidedAt: Date | null;
}

export class TaskPageView {
  @ApiProperty({ type: [InboxTaskView] }) items: InboxTaskView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class DecisionResultView {
  @ApiProperty() taskId: string;
  @ApiProperty({ enum: DECISIONS }) decision: string;
  @ApiProperty() decidedAt: string;
  @ApiProperty() actorPersonId: string;
  @ApiProperty() actorPositionId: string;
  @ApiProperty({ enum: CAPACITIES }) capacity: string;
  @ApiProperty({ description: 'Decided on a task that reached the actor by escalation' }) onEscalation: boolean;
  @ApiProperty({ description: 'Content version of the proposal the decision was taken on', example: 1 }) proposalVersion: number;
  @ApiProperty({ example: 'approved' }) proposalStatus: string;
}

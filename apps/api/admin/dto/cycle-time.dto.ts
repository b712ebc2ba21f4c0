import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsUUID } from 'class-validator';
import { ApiNullable } from '@libs/http/api-nullable';

/** Which decisions the cycle-time statistics cover: decided in [from, to), of proposals of one unit or all. */
export class CycleTimeQuery {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Decisions taken at or after this moment (default: 90 days before `to`)',
    example: '2026-01-01T00:00:00+07:00',
  })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'from must be an ISO-8601 date or date-time, e.g. 2026-01-01T00:00:00+07:00' })
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Decisions taken before this moment (exclusive; default: now)',
    example: '2026-04-01T00:00:00+07:00',
  })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'to must be an ISO-8601 date or date-time, e.g. 2026-04-01T00:00:00+07:00' })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only proposals of this unit (the proposer's unit)", example: '3f1c2a9e-5b7d-5e0a-9c41-2d8f6b7a1e03' })
  @IsOptional()
  @IsUUID('all')
  unitId?: string;
}

/** How long decisions took: from the moment the approver slot was first opened to the decision. */
export class CycleTimeStatsView {
  @ApiProperty({ example: 12, description: 'Tasks decided (approved, rejected or returned) in the range' }) decided: number;
  @ApiProperty({ example: 20.5, description: 'Median cycle time in hours' }) medianHours: number;
  @ApiProperty({ example: 70.25, description: '90th percentile (linear interpolation) in hours' }) p90Hours: number;
  @ApiProperty({ example: 31.4, description: 'Mean cycle time in hours' }) averageHours: number;
  @ApiNullable('string', {
    example: 'P3D',
    description: "The stage's Batas Waktu (SLA, ISO-8601) in the chain templates of the decisions counted (the most common one); null when none has one",
  })
  sla: string | null;
  @ApiNullable('number', { example: 72, description: 'The Batas Waktu in hours' }) slaHours: number | null;
}

export class CycleTimeRowView extends CycleTimeStatsView {
  @ApiProperty({ format: 'uuid', example: '3f1c2a9e-5b7d-5e0a-9c41-2d8f6b7a1e03' }) unitId: string;
  @ApiProperty({ example: 'Seksi Perizinan Usaha' }) unitName: string;
  @ApiProperty({ example: 'Kepala Bidang' }) stageName: string;
}

export class CycleTimeStageView extends CycleTimeStatsView {
  @ApiProperty({ example: 'Kepala Bidang' }) stageName: string;
}

export class CycleTimesView {
  @ApiProperty({ example: '2026-01-01T00:00:00.000Z', description: 'Start of the range (inclusive), defaults applied' }) from: string;
  @ApiProperty({ example: '2026-04-01T00:00:00.000Z', description: 'End of the range (exclusive), defaults applied' }) to: string;
  @ApiNullable('uuid', { example: null }) unitId: string | null;
  @ApiProperty({ type: [CycleTimeRowView], description: 'Per proposer unit and stage name, by unit name then stage order' }) items: CycleTimeRowView[];
  @ApiProperty({ type: [CycleTimeStageView], description: 'Per stage name over every unit in the filter, in stage order' }) stages: CycleTimeStageView[];
}

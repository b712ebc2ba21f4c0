import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { DEFAULT_OLDER_THAN } from './admin-task-query.dto';
import { PageQuery } from '@libs/http/page-query';
import { IsAgeDuration } from './query-fields';

export class SummaryQuery extends PageQuery {
  @ApiPropertyOptional({ default: DEFAULT_OLDER_THAN, example: 'P7D', description: 'Open tasks older than this count as stuck (ISO-8601, W/D/H/M/S, at most P3650D)' })
  @IsOptional()
  @IsAgeDuration()
  olderThan?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only proposals of this unit (the proposer's unit)", example: '3f1c2a9e-5b7d-5e0a-9c41-2d8f6b7a1e03' })
  @IsOptional()
  @IsUUID('all')
  unitId?: string;
}

/** Open work counted per proposer unit and stage (each count matches a view of GET /api/admin/tasks). */
export class SummaryCounts {
  @ApiProperty({ example: 4, description: 'Open tasks' }) open: number;
  @ApiProperty({ example: 1, description: 'Open tasks past their due time' }) overdue: number;
  @ApiProperty({ example: 1, description: 'Open tasks created by an escalation' }) escalated: number;
  @ApiProperty({ example: 2, description: 'Open tasks older than olderThan' }) stuck: number;
  @ApiProperty({ example: 1, description: 'Open tasks nobody holds: the post is vacant and nobody acts for it (view=vacant)' }) vacant: number;
  @ApiProperty({ example: 700000, description: 'Age in seconds of the oldest open task (0 when none)' }) oldestAgeSeconds: number;
}

export class SummaryRowView extends SummaryCounts {
  @ApiProperty({ format: 'uuid', example: '3f1c2a9e-5b7d-5e0a-9c41-2d8f6b7a1e03' }) unitId: string;
  @ApiProperty({ example: 'Seksi Perizinan Usaha' }) unitName: string;
  @ApiProperty({ example: 'Kepala Dinas Terkait' }) stageName: string;
}

export class SummaryPageView {
  @ApiProperty({ type: [SummaryRowView], description: 'Sorted by overdue (most first), then by the oldest open task' }) items: SummaryRowView[];
  @ApiProperty({ example: 3, description: 'Number of unit × stage rows' }) total: number;
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 20 }) pageSize: number;
  @ApiProperty({ type: SummaryCounts, description: 'Over all open tasks, not just this page' }) totals: SummaryCounts;
  @ApiProperty({ example: 'P7D' }) olderThan: string;
  @ApiProperty({ example: '2025-03-10T08:00:00.000Z', description: 'The moment the counts refer to' }) generatedAt: string;
}

/** The same counts as GET /api/admin/summary, every unit × stage row at once. */
export class SummaryExportQuery extends OmitType(SummaryQuery, ['page', 'pageSize'] as const) {}

import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQuery, toBoolean } from '@libs/http/page-query';
import { IsAgeDuration } from './query-fields';

export const TASK_VIEWS = ['overdue', 'escalated', 'stuck', 'open', 'vacant', 'attention'] as const;
export type TaskView = (typeof TASK_VIEWS)[number];

export const DEFAULT_OLDER_THAN = 'P7D';

/** Which open (or escalated) tasks an administrator wants to see, and where. */
export class AdminTaskQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: TASK_VIEWS,
    default: 'open',
    example: 'overdue',
    description:
      '`overdue`: open tasks past their due time (Jatuh Tempo), most overdue first. `escalated`: open tasks created by an ' +
      'escalation (Eskalasi), plus closed ones with includeClosed=true. `stuck`: open tasks created longer ago than ' +
      '`olderThan`, oldest first. `open`: all open tasks, earliest due first. `vacant`: open tasks nobody holds (assignee null: ' +
      'the post is vacant and no Plt., Plh. or delegate acts for it), oldest first. `attention`: open tasks nobody holds or past ' +
      'their due time, the longest waiting first.',
  })
  @IsOptional()
  @IsIn(TASK_VIEWS)
  view?: TaskView;

  @ApiPropertyOptional({ format: 'uuid', description: "Only tasks of proposals of this unit (the proposer's unit)", example: '3f1c2a9e-5b7d-5e0a-9c41-2d8f6b7a1e03' })
  @IsOptional()
  @IsUUID('all')
  unitId?: string;

  @ApiPropertyOptional({ description: 'Only tasks of the stage with this name', example: 'Kepala Dinas Terkait' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  stage?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only tasks addressed to this post', example: '8b0e4f8e-1d2c-5a3b-9f6e-7c5d4b3a2910' })
  @IsOptional()
  @IsUUID('all')
  positionId?: string;

  @ApiPropertyOptional({
    default: DEFAULT_OLDER_THAN,
    example: 'P3D',
    description: 'For view=stuck: tasks open longer than this ISO-8601 duration (W/D/H/M/S, at most P3650D)',
  })
  @IsOptional()
  @IsAgeDuration()
  olderThan?: string;

  @ApiPropertyOptional({ default: false, example: true, description: 'For view=escalated: also list escalation tasks that are closed' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeClosed?: boolean;
}

/** The same lists and filters as GET /api/admin/tasks, every matching row at once (up to the export cap). */
export class AdminTaskExportQuery extends OmitType(AdminTaskQuery, ['page', 'pageSize'] as const) {}

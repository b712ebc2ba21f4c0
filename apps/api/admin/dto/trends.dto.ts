import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { toInt } from '@libs/http/page-query';
import { ApiNullable } from '@libs/http/api-nullable';

export const DEFAULT_TREND_WEEKS = 8;
export const MAX_TREND_WEEKS = 52;

export class TrendsQuery {
  @ApiPropertyOptional({ default: DEFAULT_TREND_WEEKS, minimum: 1, maximum: MAX_TREND_WEEKS, example: 8, description: 'How many weeks back, the week under way included' })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(MAX_TREND_WEEKS)
  weeks?: number;

  @ApiPropertyOptional({ format: 'uuid', description: "Only proposals of this unit (the proposer's unit)", example: '3f1c2a9e-5b7d-5e0a-9c41-2d8f6b7a1e03' })
  @IsOptional()
  @IsUUID('all')
  unitId?: string;
}

/** One week (Monday to Sunday, Asia/Jakarta): work that came in, work decided, work late at its end. */
export class TrendWeekView {
  @ApiProperty({ example: '2026-03-01T17:00:00.000Z', description: 'Monday 00:00 in Asia/Jakarta' }) weekStart: string;
  @ApiProperty({ example: '2026-03-08T17:00:00.000Z', description: 'The next Monday 00:00, or now for the week under way (exclusive)' }) weekEnd: string;
  @ApiProperty({ example: 12, description: 'Approver slots opened in the week (tasks replacing another by Eskalasi or a change of holder are not counted)' })
  opened: number;
  @ApiProperty({ example: 9, description: 'Tasks approved, rejected or returned in the week' }) decided: number;
  @ApiProperty({ example: 3, description: 'Tasks open and past their Jatuh Tempo at the end of the week (for the week under way: now)' }) overdue: number;
}

export class TrendsView {
  @ApiProperty({ type: [TrendWeekView], description: 'Oldest first; the last is the week under way' }) weeks: TrendWeekView[];
  @ApiNullable('uuid', { example: null }) unitId: string | null;
  @ApiProperty({ example: 'Asia/Jakarta', description: 'The time zone the weeks are cut in' }) timeZone: string;
  @ApiProperty({ example: '2026-03-11T03:00:00.000Z', description: 'The moment the counts refer to' }) generatedAt: string;
}

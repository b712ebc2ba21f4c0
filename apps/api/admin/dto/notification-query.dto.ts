import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { NOTIFICATION_KINDS } from '@libs/persistence/entities/notification-outbox.entity';
import type { NotificationKind } from '@libs/persistence/entities/notification-outbox.entity';
import { PageQuery, toBoolean } from '@libs/http/page-query';
import { ApiNullable } from '@libs/http/api-nullable';

export class NotificationQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', example: '6a2f9c1d-7e4b-4a8c-b3d2-1f0e9d8c7b6a' })
  @IsOptional()
  @IsUUID('all')
  proposalId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only messages about this task', example: '0b8a5a3e-3c1f-4f7e-9a53-51d2b8f0c6a1' })
  @IsOptional()
  @IsUUID('all')
  taskId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only messages to this person', example: '5d4c3b2a-1f0e-5d9c-8b7a-6f5e4d3c2b1a' })
  @IsOptional()
  @IsUUID('all')
  recipientPersonId?: string;

  @ApiPropertyOptional({ enum: NOTIFICATION_KINDS, example: 'task.reminder' })
  @IsOptional()
  @IsIn(NOTIFICATION_KINDS)
  kind?: NotificationKind;

  @ApiPropertyOptional({ example: true, description: 'true: not yet delivered; false: delivered; absent: both' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  pending?: boolean;
}

/** A message in the outbox: what was (or is still to be) sent, to whom, about what. */
export class NotificationView {
  @ApiProperty({ format: 'uuid', example: 'c6f1d2e3-4a5b-5c6d-8e7f-9a0b1c2d3e4f' }) id: string;
  @ApiProperty({ format: 'uuid', example: '6a2f9c1d-7e4b-4a8c-b3d2-1f0e9d8c7b6a' }) proposalId: string;
  @ApiNullable('uuid', { example: '0b8a5a3e-3c1f-4f7e-9a53-51d2b8f0c6a1' }) taskId: string | null;
  @ApiProperty({ enum: NOTIFICATION_KINDS, example: 'task.reminder' }) kind: string;
  @ApiNullable('uuid', { example: '5d4c3b2a-1f0e-5d9c-8b7a-6f5e4d3c2b1a' }) recipientPersonId: string | null;
  @ApiNullable('string', { example: 'Yusuf Hakim' }) recipientName: string | null;
  @ApiNullable('string', { description: 'Set when the message goes to every holder of a role', example: null })
  recipientRole: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { stage: 'Kepala Dinas Terkait', dueAt: '2025-03-06T01:00:00.000Z' } }) payload: Record<string, unknown>;
  @ApiProperty({ example: '2025-03-05T01:00:00.000Z' }) createdAt: Date;
  @ApiNullable('date-time', { description: 'Null while pending', example: null }) sentAt: Date | null;
  @ApiProperty({ example: 0 }) attempts: number;
  @ApiNullable('string', { example: null }) lastError: string | null;
}

export class NotificationPageView {
  @ApiProperty({ type: [NotificationView] }) items: NotificationView[];
  @ApiProperty({ example: 1 }) total: number;
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 20 }) pageSize: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '@libs/http/page-query';
import { AUDIT_OUTCOMES, type AuditOutcome } from '@libs/persistence/entities/admin-audit.entity';
import { ApiNullable } from '@libs/http/api-nullable';

const PERSON_ID = '5d4c3b2a-1f0e-5d9c-8b7a-6f5e4d3c2b1a';

/** Filters of the admin audit log; every filter narrows, newest first. */
export class AdminAuditQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only what this person (an administrator) did', example: PERSON_ID })
  @IsOptional()
  @IsUUID('all', { message: 'actor must be a UUID (a person id)' })
  actor?: string;

  @ApiPropertyOptional({
    description: 'An action code (`appointment.end`), or the start of one up to a dot (`appointment` matches appointment.create and appointment.end)',
    example: 'appointment',
  })
  @IsOptional()
  @MaxLength(64)
  @Matches(/^[a-z][a-z-]*(\.[a-z][a-z-]*)*$/, { message: 'action must be an action code such as unit.create, or its first part such as unit' })
  action?: string;

  @ApiPropertyOptional({ description: 'Only actions on this kind of object', example: 'position' })
  @IsOptional()
  @MaxLength(32)
  @Matches(/^[a-z][a-z-]*$/, { message: 'targetType must be a kind of object such as unit, position, person or template' })
  targetType?: string;

  @ApiPropertyOptional({ description: 'Only actions on this object (its id; a template: its code)', example: '8b0e4f8e-1d2c-5a3b-9f6e-7c5d4b3a2910' })
  @IsOptional()
  @MaxLength(200)
  targetId?: string;

  @ApiPropertyOptional({ enum: AUDIT_OUTCOMES, description: 'succeeded, or failed (refused: the error code says why)' })
  @IsOptional()
  @IsIn(AUDIT_OUTCOMES)
  outcome?: AuditOutcome;

  @ApiPropertyOptional({ format: 'date-time', description: 'At or after this moment', example: '2026-01-01T00:00:00+07:00' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'from must be an ISO-8601 date or date-time, e.g. 2026-01-01T00:00:00+07:00' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Before this moment (exclusive)', example: '2026-04-01T00:00:00+07:00' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'to must be an ISO-8601 date or date-time, e.g. 2026-04-01T00:00:00+07:00' })
  to?: string;
}

/** One admin action as recorded. */
export class AdminAuditView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-03-05T01:02:03.456Z' }) occurredAt: Date;
  @ApiProperty({ format: 'uuid', example: PERSON_ID }) actorPersonId: string;
  @ApiProperty({ example: 'Yoga Permana', description: 'The name the actor had at the time' }) actorName: string;
  @ApiProperty({ example: 'appointment.create' }) action: string;
  @ApiProperty({ example: 'position' }) targetType: string;
  @ApiNullable('string', { example: '8b0e4f8e-1d2c-5a3b-9f6e-7c5d4b3a2910' }) targetId: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The request in short (params, query, body; secrets redacted, long values cut) and, on success, what it changed (result)',
    example: {
      params: { id: '8b0e4f8e-1d2c-5a3b-9f6e-7c5d4b3a2910' },
      body: { personId: PERSON_ID, capacity: 'plt', basis: 'Surat Perintah Plt. No. 800/112/2026' },
      result: { appointmentId: '9e8d7c6b-5a49-4382-a716-05f4e3d2c1b0', openTasksMoving: 2 },
    },
  })
  summary: Record<string, unknown>;
  @ApiProperty({ enum: AUDIT_OUTCOMES, example: 'succeeded' }) outcome: AuditOutcome;
  @ApiProperty({ example: 201, description: 'The HTTP status answered' }) statusCode: number;
  @ApiNullable('string', { example: null, description: 'The error code answered when refused' }) errorCode: string | null;
  @ApiNullable('string', { description: 'The correlation id of the request (its log lines carry it)' }) correlationId: string | null;
}

export class AdminAuditPageView {
  @ApiProperty({ type: [AdminAuditView], description: 'Newest first' }) items: AdminAuditView[];
  @ApiProperty({ example: 1 }) total: number;
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 20 }) pageSize: number;
}

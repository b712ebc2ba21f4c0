import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQuery, toBoolean } from '@libs/http/page-query';
import { ApiNullable } from '@libs/http/api-nullable';

export class CreateDelegationDto {
  @ApiProperty({ format: 'uuid', description: 'The post whose tasks are delegated; the caller must act for it (or be an administrator)' })
  @IsUUID('all')
  positionId: string;

  @ApiProperty({ format: 'uuid', description: 'Who decides in the meantime (Pelimpahan)' })
  @IsUUID('all')
  delegatePersonId: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'From (default: now)', example: '2026-12-01T00:00:00+07:00' })
  @IsOptional()
  @IsDateString({ strict: true })
  startsAt?: string;

  @ApiProperty({ format: 'date-time', description: 'Until (at most 90 days after the start)', example: '2026-12-05T00:00:00+07:00' })
  @IsDateString({ strict: true })
  endsAt: string;

  @ApiProperty({ description: 'Why (cuti, dinas luar, …)', example: 'Dinas luar ke Jakarta', maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}

export class RevokeDelegationDto {
  @ApiPropertyOptional({ description: 'Why it ends early', example: 'Kembali lebih awal', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export const DELEGATION_ROLES = ['given', 'received'] as const;

export class DelegationQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only delegations of this post' })
  @IsOptional()
  @IsUUID('all')
  positionId?: string;

  @ApiPropertyOptional({ enum: DELEGATION_ROLES, description: '`given`: delegations I made; `received`: delegations to me. Without it: both (administrators: all).' })
  @IsOptional()
  @IsIn(DELEGATION_ROLES)
  role?: (typeof DELEGATION_ROLES)[number];

  @ApiPropertyOptional({ description: 'Only delegations not revoked and not yet over (default false)', example: true })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  current?: boolean;
}

export class DelegationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) positionId: string;
  @ApiProperty() positionTitle: string;
  @ApiProperty({ format: 'uuid' }) delegatorPersonId: string;
  @ApiProperty() delegatorName: string;
  @ApiProperty({ format: 'uuid' }) delegatePersonId: string;
  @ApiProperty() delegateName: string;
  @ApiProperty({ format: 'date-time' }) startsAt: Date;
  @ApiProperty({ format: 'date-time' }) endsAt: Date;
  @ApiProperty() reason: string;
  @ApiNullable('date-time') revokedAt: Date | null;
  @ApiNullable('string') revokeReason: string | null;
  @ApiProperty({ enum: ['scheduled', 'active', 'ended', 'revoked'] }) state: string;
}

export class DelegationChangeView {
  @ApiProperty({ type: DelegationView }) delegation: DelegationView;
  @ApiProperty({ description: 'Open tasks of the post now moving (0 when the delegation starts later)', example: 2 }) openTasksMoving: number;
}

export class DelegationPageView {
  @ApiProperty({ type: [DelegationView] }) items: DelegationView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@libs/http/page-query';
import { POSITION_LEVELS, type PositionLevel } from '../org-rules';
import { IsId, IsOmittable, IsOrgCode, IsOrgName, IsPositionLevel } from './org-fields';
import { ApiNullable } from '@libs/http/api-nullable';

export class CreatePositionDto {
  @ApiProperty({ example: 'KABID-YANKES', maxLength: 64, description: 'Unique, immutable; letters and digits joined by . _ -' })
  @IsOrgCode()
  code: string;

  @ApiProperty({ example: 'Kepala Bidang Pelayanan Kesehatan', maxLength: 200 })
  @IsOrgName()
  title: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The unit of the post; give unitId or unitCode' })
  @IsOmittable()
  @IsId()
  unitId?: string;

  @ApiPropertyOptional({ example: 'DINKES-YANKES', description: 'The unit by code, instead of unitId' })
  @IsOmittable()
  @IsOrgCode()
  unitCode?: string;

  @ApiProperty({ enum: POSITION_LEVELS, example: 'administrator' })
  @IsPositionLevel()
  level: PositionLevel;

  @ApiPropertyOptional({ format: 'uuid', description: 'The superior post (escalations go there); give superiorPositionId or superiorCode' })
  @IsOptional()
  @IsId()
  superiorPositionId?: string;

  @ApiPropertyOptional({ example: 'KADIS-DINKES', description: 'The superior post by code, instead of superiorPositionId' })
  @IsOptional()
  @IsOrgCode()
  superiorCode?: string;

  @ApiPropertyOptional({ default: false, example: true, description: 'The head post of its unit; a unit has at most one' })
  @IsOptional()
  @IsBoolean()
  isUnitHead?: boolean;
}

/** Everything but the code, which never changes. */
export class UpdatePositionDto {
  @ApiPropertyOptional({ example: 'Kepala Bidang Pelayanan dan SDM Kesehatan', maxLength: 200 })
  @IsOmittable()
  @IsOrgName()
  title?: string;

  @ApiPropertyOptional({ enum: POSITION_LEVELS, example: 'administrator' })
  @IsOmittable()
  @IsPositionLevel()
  level?: PositionLevel;

  @ApiPropertyOptional({ format: 'uuid', description: 'Move the post to this unit' })
  @IsOmittable()
  @IsId()
  unitId?: string;

  @ApiPropertyOptional({ example: 'DINKES', description: 'Move the post to the unit with this code, instead of unitId' })
  @IsOmittable()
  @IsOrgCode()
  unitCode?: string;

  @ApiNullable('uuid', { description: 'The new superior post; null: none', required: false })
  @IsOptional()
  @IsId()
  superiorPositionId?: string | null;

  @ApiNullable('string', { example: 'SEKDA', description: 'The new superior post by code, instead of superiorPositionId; null: none', required: false })
  @IsOptional()
  @IsOrgCode()
  superiorCode?: string | null;

  @ApiPropertyOptional({ example: true })
  @IsOmittable()
  @IsBoolean()
  isUnitHead?: boolean;
}

export class PositionListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only posts of this unit' })
  @IsOptional()
  @IsId()
  unitId?: string;

  @ApiPropertyOptional({ enum: POSITION_LEVELS, example: 'jpt-pratama' })
  @IsOptional()
  @IsIn(POSITION_LEVELS)
  level?: PositionLevel;

  @ApiPropertyOptional({ example: 'kepala dinas', description: 'Case-insensitive search in code and title' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

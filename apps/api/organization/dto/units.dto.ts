import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { UNIT_KINDS, type UnitKind } from '../org-rules';
import { IsId, IsOmittable, IsOrgCode, IsOrgName, IsUnitKind } from './org-fields';
import { ApiNullable } from '@libs/http/api-nullable';

export class CreateUnitDto {
  @ApiProperty({ example: 'DINKES-YANKES', maxLength: 64, description: 'Unique, immutable; letters and digits joined by . _ -' })
  @IsOrgCode()
  code: string;

  @ApiProperty({ example: 'Bidang Pelayanan Kesehatan', maxLength: 200 })
  @IsOrgName()
  name: string;

  @ApiProperty({ enum: UNIT_KINDS, example: 'bidang' })
  @IsUnitKind()
  kind: UnitKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'The parent unit; give parentId or parentCode (or neither, for a root)' })
  @IsOptional()
  @IsId()
  parentId?: string;

  @ApiPropertyOptional({ example: 'DINKES', description: 'The parent unit by code, instead of parentId' })
  @IsOptional()
  @IsOrgCode()
  parentCode?: string;
}

/** Name, kind and place in the tree; the code never changes (other systems and files refer to it). */
export class UpdateUnitDto {
  @ApiPropertyOptional({ example: 'Bidang Pelayanan dan Sumber Daya Kesehatan', maxLength: 200 })
  @IsOmittable()
  @IsOrgName()
  name?: string;

  @ApiPropertyOptional({ enum: UNIT_KINDS, example: 'bidang' })
  @IsOmittable()
  @IsUnitKind()
  kind?: UnitKind;

  @ApiNullable('uuid', { description: 'Move under this unit; null makes the unit a root', required: false })
  @IsOptional()
  @IsId()
  parentId?: string | null;

  @ApiNullable('string', { example: 'DINKES', description: 'Move under the unit with this code, instead of parentId; null makes it a root', required: false })
  @IsOptional()
  @IsOrgCode()
  parentCode?: string | null;
}

export class UnitListQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the direct children of this unit' })
  @IsOptional()
  @IsId()
  parentId?: string;

  @ApiPropertyOptional({ example: 'kesehatan', description: 'Case-insensitive search in code and name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

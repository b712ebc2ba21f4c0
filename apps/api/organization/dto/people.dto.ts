import { ApiHideProperty, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, ValidateIf, Equals } from 'class-validator';
import { ROLES, type Role } from '@libs/domain/proposal';
import { PageQuery } from '@libs/http/page-query';
import { DEFAULT_PERSON_ROLES } from '../org-rules';
import { IsNip, IsOmittable, IsOrgName, IsPersonEmail, IsRoleList } from './org-fields';

export class CreatePersonDto {
  @ApiProperty({ example: '198703152010012004', pattern: '^\\d{18}$', description: 'NIP: 18 digits, unique, never changes' })
  @IsNip()
  nip: string;

  @ApiProperty({ example: 'Dewi Anggraini', maxLength: 200 })
  @IsOrgName()
  name: string;

  @ApiProperty({ example: 'dewi.anggraini@sukamajukota.go.id', maxLength: 254, description: 'Shown to administrators only' })
  @IsPersonEmail()
  email: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true, default: DEFAULT_PERSON_ROLES, example: ['proposer', 'approver'] })
  @IsOptional()
  @IsRoleList()
  roles?: Role[];
}

export class UpdatePersonDto {
  @ApiPropertyOptional({ example: 'Dewi Anggraini, S.Kom.', maxLength: 200 })
  @IsOmittable()
  @IsOrgName()
  name?: string;

  @ApiPropertyOptional({ example: 'dewi.anggraini@sukamajukota.go.id', maxLength: 254 })
  @IsOmittable()
  @IsPersonEmail()
  email?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true, example: ['proposer', 'approver', 'admin'], description: 'Replaces the roles' })
  @IsOmittable()
  @IsRoleList()
  roles?: Role[];

  /** Named only to refuse it with a clear message: a NIP identifies the person for good. */
  @ApiHideProperty()
  @ValidateIf((_o, value) => value !== undefined)
  @Equals(undefined, { message: 'nip cannot be changed: it identifies the person' })
  nip?: never;
}

export class PersonListQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'rina', description: 'Case-insensitive search in the name, or digits of the NIP' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

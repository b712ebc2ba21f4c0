import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEmail, IsIn, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { ROLES } from '@libs/domain/proposal';
import {
  MAX_CODE_LENGTH,
  MAX_EMAIL_LENGTH,
  MAX_NAME_LENGTH,
  NIP,
  NIP_MESSAGE,
  NOT_BLANK,
  ORG_CODE,
  ORG_CODE_MESSAGE,
  POSITION_LEVELS,
  UNIT_KINDS,
} from '../org-rules';

/*
 * The validation of each organization field, written once: the create and update bodies and the rows
 * of a bulk import (JSON or CSV) all use these, so a value refused by one is refused by the others
 * with the same message.
 */

/** A unit or post code, as its own field or as a reference (parentCode, unitCode, superiorCode). */
export const IsOrgCode = () =>
  applyDecorators(IsString(), MaxLength(MAX_CODE_LENGTH), Matches(ORG_CODE, { message: `$property ${ORG_CODE_MESSAGE}` }));

/** A name or title: not blank, at most 200 characters. */
export const IsOrgName = () =>
  applyDecorators(IsString(), Matches(NOT_BLANK, { message: '$property must not be blank' }), MaxLength(MAX_NAME_LENGTH));

export const IsUnitKind = () => IsIn(UNIT_KINDS, { message: `$property must be one of: ${UNIT_KINDS.join(', ')}` });

export const IsPositionLevel = () => IsIn(POSITION_LEVELS, { message: `$property must be one of: ${POSITION_LEVELS.join(', ')}` });

export const IsNip = () => applyDecorators(IsString({ message: NIP_MESSAGE }), Matches(NIP, { message: NIP_MESSAGE }));

export const IsPersonEmail = () =>
  applyDecorators(IsString(), MaxLength(MAX_EMAIL_LENGTH), IsEmail({}, { message: '$property must be an email address such as rina.wulandari@sukamajukota.go.id' }));

export const IsRoleList = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(ROLES.length),
    ArrayUnique({ message: '$property must not name a role twice' }),
    IsIn(ROLES, { each: true, message: `each of $property must be one of: ${ROLES.join(', ')}` }),
  );

/** An id, stored and compared as Postgres spells it (lower case), whatever case the client wrote. */
export const IsId = () => applyDecorators(Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value)), IsUUID('all'));

/**
 * May be left out, but not sent as null: unlike @IsOptional(), a null is validated (and refused). For
 * the fields of a change that cannot be emptied, such as a name or the unit of a post.
 */
export const IsOmittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

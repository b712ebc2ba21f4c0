import { conflict, DomainError, unprocessable } from '@libs/http/domain-error';
import { HttpStatus } from '@nestjs/common';
import { describeCycle } from './org-rules';

/*
 * The refusals of the organization endpoints, each naming the field that caused it in the same
 * `details` shape as the validation pipe: `[{ field, messages }]`.
 */

const one = (field: string, message: string) => [{ field, messages: [message] }];

/** A body that is well-formed field by field but wrong as a whole (both spellings of a reference, a missing one). */
export const invalidField = (field: string, message: string) =>
  new DomainError('VALIDATION_FAILED', 'The request has invalid fields.', HttpStatus.UNPROCESSABLE_ENTITY, one(field, message));

/** The body gives both the id and the code of the same reference. */
export function eitherIdOrCode(dto: object, idField: string, codeField: string): void {
  const value = dto as Record<string, unknown>;
  if (value[idField] !== undefined && value[codeField] !== undefined) {
    throw invalidField(codeField, `give either ${idField} or ${codeField}, not both`);
  }
}

export const alreadyExists = (what: string, field: string, value: string) =>
  conflict('ALREADY_EXISTS', `${what} with ${field} ${value} already exists.`, one(field, `${field} ${value} is already taken`));

export const unknownReference = (field: string, message: string) => unprocessable('UNKNOWN_REFERENCE', `${message}.`, one(field, message));

export const cycleRefused = (field: string, what: string, codes: string[]) =>
  unprocessable('ORGANIZATION_CYCLE', `This ${what} would form a cycle: ${describeCycle(codes)}.`, one(field, `would form a cycle: ${describeCycle(codes)}`));

export const selfReference = (field: string, message: string) => unprocessable('ORGANIZATION_CYCLE', `${message}.`, one(field, message));

export interface HeadPost {
  id: string;
  code: string;
  title: string;
}

export const unitHasHead = (unitCode: string, head: HeadPost) =>
  conflict('UNIT_HAS_HEAD', `Unit ${unitCode} already has a head post: ${head.code} (${head.title}). A unit has one head post.`, [
    { field: 'isUnitHead', messages: [`unit ${unitCode} already has a head post: ${head.code}`], existingHead: head },
  ]);

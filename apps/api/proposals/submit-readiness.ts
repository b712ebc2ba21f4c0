import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { REQUIRED_TO_SUBMIT } from '@libs/domain/proposal';
import { type FieldError, fieldErrors } from '@libs/http/validation';
import { CreateProposalDto } from './dto/create-proposal.dto';
import { writtenContent, type WrittenFields } from './proposal-content';

const isRequired = (field: string): boolean => (REQUIRED_TO_SUBMIT as readonly string[]).includes(field);

/**
 * What a stored draft lacks before it may be submitted, by field path, as a create with
 * `submit: true` would be refused: the same DTO and rules check the stored content. A required
 * field left empty (a draft stores '') reads as "must not be blank" rather than as the several
 * rules an empty value breaks.
 */
export async function notReadyToSubmit(p: WrittenFields): Promise<FieldError[]> {
  // What the proposer wrote, as a create body: an absent budget or pilot plan left out.
  const { budgetEstimate, pilotPlan, ...written } = writtenContent(p);
  const content = { ...written, ...(budgetEstimate === null ? {} : { budgetEstimate }), ...(pilotPlan === null ? {} : { pilotPlan }), submit: true };
  const errors = fieldErrors(await validate(plainToInstance(CreateProposalDto, content), { forbidUnknownValues: false }));
  return errors.map((e) =>
    isRequired(e.field) && (content as Record<string, unknown>)[e.field] === '' ? { field: e.field, messages: [`${e.field} must not be blank`] } : e,
  );
}

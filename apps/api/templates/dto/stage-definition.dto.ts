import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONDITION_FIELDS, TIMEOUT_ACTIONS } from '@libs/domain/chain';

/*
 * OpenAPI descriptions of a stage. These classes only document the shape: selectors and conditions
 * are tagged unions, so the stages array is checked by `validateChain`, not by class-validator.
 */

export class ApproverSelectorDto {
  @ApiProperty({ enum: ['position', 'positions', 'head-of-proposer-unit', 'head-of-parent-unit'], example: 'position' })
  kind: string;

  @ApiPropertyOptional({ description: 'kind position: the post id (responses always carry ids)' })
  positionId?: string;

  @ApiPropertyOptional({ description: 'kind position, instead of positionId: the post code', example: 'KADIS-DPMPTSP' })
  positionCode?: string;

  @ApiPropertyOptional({ type: [String], description: 'kind positions: post ids' })
  positionIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'kind positions, instead of positionIds: post codes', example: ['EVAL-BRIDA-1', 'EVAL-BRIDA-2'] })
  positionCodes?: string[];
}

export class StageConditionDto {
  @ApiProperty({ enum: CONDITION_FIELDS, example: 'budgetEstimate' })
  field: string;

  @ApiProperty({ enum: ['gte', 'in', 'eq'], description: 'budgetEstimate: gte; category: in; crossAgency: eq', example: 'gte' })
  op: string;

  @ApiProperty({
    oneOf: [{ type: 'number' }, { type: 'array', items: { type: 'string' } }, { type: 'boolean' }],
    description: 'budgetEstimate: rupiah; category: category slugs; crossAgency: true or false',
    example: 500000000,
  })
  value: number | string[] | boolean;
}

export class TimeoutPolicyDto {
  @ApiProperty({ enum: TIMEOUT_ACTIONS, default: 'escalate-superior', example: 'escalate-to' })
  action: string;

  @ApiPropertyOptional({ description: 'escalate-to: the target post id' })
  positionId?: string;

  @ApiPropertyOptional({ description: 'escalate-to, instead of positionId: the target post code', example: 'KA-BRIDA' })
  positionCode?: string;

  @ApiPropertyOptional({ description: 'ISO-8601 grace period after the due time', example: 'PT12H' })
  after?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 10, default: 2 })
  maxEscalations?: number;
}

export class StageDefinitionDto {
  @ApiProperty({ description: 'Unique within the chain; lower-case slug', example: 'evaluasi-brida' })
  key: string;

  @ApiProperty({ maxLength: 200, example: 'Tim Evaluasi Inovasi BRIDA' })
  name: string;

  @ApiProperty({ type: [ApproverSelectorDto], minItems: 1, maxItems: 20 })
  approvers: ApproverSelectorDto[];

  @ApiProperty({ pattern: '^(any|all|quorum:[1-9][0-9]*)$', example: 'quorum:2', description: 'quorum:k needs k ≤ the number of posts the approvers name' })
  mode: string;

  @ApiPropertyOptional({ type: StageConditionDto, description: 'The stage is skipped (and the skip recorded) when this does not hold' })
  condition?: StageConditionDto;

  @ApiPropertyOptional({ description: 'ISO-8601 duration of weeks, days, hours, minutes or seconds (at most P366D)', example: 'P10D' })
  sla?: string;

  @ApiPropertyOptional({ type: [String], description: 'ISO-8601 durations after a task opens, each shorter than the sla', example: ['P7D'] })
  reminders?: string[];

  @ApiPropertyOptional({ type: TimeoutPolicyDto })
  onTimeout?: TimeoutPolicyDto;

  @ApiPropertyOptional({ description: 'The approver may return the proposal for revision' })
  mayReturn?: boolean;

  @ApiPropertyOptional({ description: 'Only the definitive holder (not Plt./Plh. or a delegate) may decide' })
  requiresDefinitive?: boolean;
}

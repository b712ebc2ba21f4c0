import { ApiProperty } from '@nestjs/swagger';
import { ApiNullable } from '@libs/http/api-nullable';
import { StageConditionDto } from './stage-definition.dto';

/** One stage of the chain a category leads to, as a proposer reads it before submitting. */
export class CategoryStageView {
  @ApiProperty({ example: 0, description: 'Index in the chain, from 0' }) index: number;
  @ApiProperty({ example: 'Kepala Seksi' }) name: string;
  @ApiNullable(StageConditionDto, { example: { field: 'budgetEstimate', op: 'gte', value: 500000000 }, description: 'When the stage applies; otherwise it is skipped' })
  condition: Record<string, unknown> | null;
}

/** A category a proposal may take, with the chain template (its current version) that will approve it. */
export class CategoryView {
  @ApiProperty({ example: 'pelayanan-publik', description: 'The value of a proposal’s category' }) category: string;
  @ApiProperty({ example: false, description: 'The category for proposals no other category fits (umum); unless a template claims it, it goes to the default template' })
  general: boolean;
  @ApiProperty({ example: 'inovasi-pelayanan-publik' }) templateCode: string;
  @ApiProperty({ example: 1, description: 'The version a proposal submitted now starts on' }) templateVersion: number;
  @ApiProperty({ example: 'Inovasi Pelayanan Publik v1' }) templateName: string;
  @ApiProperty({ type: [CategoryStageView], description: 'The stages in order; a stage whose condition does not hold is skipped' }) stages: CategoryStageView[];
}

export class CategoryListView {
  @ApiProperty({ type: [CategoryView], description: 'Claimed categories alphabetically, then the general one' }) items: CategoryView[];
}

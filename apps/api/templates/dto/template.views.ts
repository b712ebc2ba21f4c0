import { ApiProperty } from '@nestjs/swagger';
import type { StageDefinition } from '@libs/domain/chain';
import { StageDefinitionDto } from './stage-definition.dto';

/** A category that moved between templates when a version was written. */
export class CategoryChangeView {
  @ApiProperty({ enum: ['taken-over', 'given-up'], example: 'taken-over', description: 'taken-over: from another template; given-up: to the template that took it over' })
  kind: 'taken-over' | 'given-up';

  @ApiProperty({ example: 'pelayanan-publik' }) category: string;
  @ApiProperty({ example: 'inovasi-pelayanan-publik', description: 'The other template' }) templateCode: string;
  @ApiProperty({ type: 'integer', example: 1, description: 'The version of the other template that claimed the category (taken-over) or took it over (given-up)' })
  templateVersion: number;
}

/** One version of a chain template, with how much it is used. */
export class TemplateView {
  @ApiProperty({ description: 'Id of this version; proposals reference it' }) id: string;
  @ApiProperty({ example: 'inovasi-pelayanan-publik' }) code: string;
  @ApiProperty({ example: 2 }) version: number;
  @ApiProperty({ example: 'Inovasi Pelayanan Publik' }) name: string;
  @ApiProperty({ type: [String], example: ['pelayanan-publik'] }) categories: string[];
  @ApiProperty({ type: [CategoryChangeView], description: 'Categories this version took over from another template or gave up to one; usually empty' })
  categoryChanges: CategoryChangeView[];
  @ApiProperty({ type: [StageDefinitionDto], description: 'Posts are always named by id here' }) stages: StageDefinition[];
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: [Number], example: [1, 2], description: 'Every version of this code, ascending' }) versions: number[];
  @ApiProperty({ example: 3, description: 'Proposals that use this version' }) inUse: number;
  @ApiProperty({ example: 7, description: 'Proposals that use any version of this code' }) inUseAllVersions: number;
}

export class TemplateListView {
  @ApiProperty({ type: [TemplateView], description: 'The latest version of each template, by code' }) items: TemplateView[];
}

import { ApiProperty } from '@nestjs/swagger';
import type { StageDefinition } from '../../../../libs/domain/chain';
import { StageDefinitionDto } from './stage-definition.dto';

/** One version of a chain template, with how much it is used. */
export class TemplateView {
  @ApiProperty({ description: 'Id of this version; proposals reference it' }) id: string;
  @ApiProperty({ example: 'inovasi-pelayanan-publik' }) code: string;
  @ApiProperty({ example: 2 }) version: number;
  @ApiProperty({ example: 'Inovasi Pelayanan Publik' }) name: string;
  @ApiProperty({ type: [String], example: ['pelayanan-publik'] }) categories: string[];
  @ApiProperty({ type: [StageDefinitionDto], description: 'Posts are always named by id here' }) stages: StageDefinition[];
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: [Number], example: [1, 2], description: 'Every version of this code, ascending' }) versions: number[];
  @ApiProperty({ example: 3, description: 'Proposals that use this version' }) inUse: number;
  @ApiProperty({ example: 7, description: 'Proposals that use any version of this code' }) inUseAllVersions: number;
}

export class TemplateListView {
  @ApiProperty({ type: [TemplateView], description: 'The latest version of each template, by code' }) items: TemplateView[];
}

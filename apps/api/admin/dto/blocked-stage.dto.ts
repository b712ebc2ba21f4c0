import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@libs/http/page-query';
import { StuckReasonView } from './admin-task.view';

export class BlockedStageQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "Only proposals of this unit (the proposer's unit)", example: '3f1c2a9e-5b7d-5e0a-9c41-2d8f6b7a1e03' })
  @IsOptional()
  @IsUUID('all')
  unitId?: string;
}

/** An approval whose current stage could not be given to anyone: its posts did not resolve, so it has no task. */
export class BlockedStageView {
  @ApiProperty({ format: 'uuid', example: '6a2f9c1d-7e4b-4a8c-b3d2-1f0e9d8c7b6a' }) proposalId: string;
  @ApiProperty({ example: 'Satu Data Kesehatan dan Sosial' }) proposalTitle: string;
  @ApiProperty({ format: 'uuid', example: '3f1c2a9e-5b7d-5e0a-9c41-2d8f6b7a1e03' }) unitId: string;
  @ApiProperty({ example: 'Seksi Perizinan Usaha' }) unitName: string;
  @ApiProperty({ example: 1 }) stageIndex: number;
  @ApiProperty({ example: 'Kepala Bidang' }) stageName: string;
  @ApiProperty({ example: 1 }) round: number;
  @ApiProperty({ example: 'unit 3f1c2a9e-5b7d-5e0a-9c41-2d8f6b7a1e03 has no head post', description: 'What did not resolve, as the approver look-up said it' })
  detail: string;
  @ApiProperty({ type: StuckReasonView, description: 'Always `blocked-stage`, since the stage was found blocked' }) stuckReason: StuckReasonView;
}

export class BlockedStagePageView {
  @ApiProperty({ type: [BlockedStageView], description: 'The longest blocked first' }) items: BlockedStageView[];
  @ApiProperty({ example: 1 }) total: number;
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 20 }) pageSize: number;
}

export class StageNamesView {
  @ApiProperty({ type: [String], example: ['Kepala Bidang', 'Kepala Dinas Terkait'], description: 'Every stage name of the chain templates (all versions), sorted' })
  items: string[];
}

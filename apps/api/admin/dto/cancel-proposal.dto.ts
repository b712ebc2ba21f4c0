import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { PROPOSAL_STATUSES } from '@libs/domain/proposal';

export class CancelProposalDto {
  @ApiProperty({
    example: 'Usulan ganda: sudah tercakup dalam usulan Satu Data yang disetujui sebelumnya.',
    description: 'Why the approval is cancelled; kept in the record and sent to the proposer',
    maxLength: 2000,
  })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(2000)
  reason: string;
}

export class CloseResultView {
  @ApiProperty({ enum: PROPOSAL_STATUSES, example: 'cancelled' }) proposalStatus: string;
  @ApiProperty({ example: '2025-03-10T08:00:00.000Z' }) closedAt: string;
  @ApiProperty({ type: [String], description: 'Open tasks the cancellation closed', example: ['0b8a5a3e-3c1f-4f7e-9a53-51d2b8f0c6a1'] })
  cancelledTasks: string[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** Why the proposer withdraws: kept in the record, so it is required. */
export class WithdrawDto {
  @ApiProperty({ example: 'Program serupa sudah dijalankan oleh Diskominfo; usulan ini tidak diperlukan lagi.', minLength: 1, maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}

/** What the proposer changed in answer to the return, for the approvers (Catatan). */
export class ResubmitDto {
  @ApiPropertyOptional({ example: 'Sasaran dan anggaran sudah diperbaiki sesuai catatan Kepala Bidang.', maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;
}

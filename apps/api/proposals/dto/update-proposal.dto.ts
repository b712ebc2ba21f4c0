import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { INITIATOR_KINDS, PROPOSAL_FORMS, PROPOSAL_TYPES } from '@libs/domain/proposal';
import type { InitiatorKind, ProposalForm, ProposalType } from '@libs/domain/proposal';
import { AttachmentDto, IndicatorDto, MaxDecimalPlaces, PilotPlanDto } from './create-proposal.dto';
import { ApiNullable } from '@libs/http/api-nullable';

/**
 * Optional, but validated whenever the key is present: `null` is refused rather than silently
 * skipped, because these fields cannot be empty (IsOptional would let null through).
 */
const Present = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/**
 * A partial edit of a draft or of a proposal returned for revision: the fields of CreateProposalDto
 * under the same rules, each optional. `budgetEstimate` and `pilotPlan` may be cleared with null.
 * `templateCode` can change only while the proposal is a draft; there is no `submit` (use
 * POST /api/proposals/:id/submit or /resubmit).
 */
export class UpdateProposalDto {
  @ApiPropertyOptional({ example: 'Antrean daring, kanal SMS dan WhatsApp pengaduan perizinan', minLength: 5, maxLength: 200 })
  @Present()
  @IsString()
  @MinLength(5)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ example: 'Pemohon izin antre berjam-jam di loket tanpa kepastian waktu layanan.', minLength: 10, maxLength: 10000 })
  @Present()
  @IsString()
  @MinLength(10)
  @MaxLength(10000)
  problem?: string;

  @ApiPropertyOptional({ description: 'Rancang bangun: the proposed change', example: 'Nomor antrean diambil daring; pengaduan lewat SMS dan WhatsApp.' })
  @Present()
  @IsString()
  @MinLength(10)
  @MaxLength(10000)
  proposedChange?: string;

  @ApiPropertyOptional({ example: 'Memangkas waktu tunggu di loket.' })
  @Present()
  @IsString()
  @MaxLength(5000)
  goals?: string;

  @ApiPropertyOptional({ example: 'Pemohon dapat menunggu dari rumah; pengaduan tercatat.' })
  @Present()
  @IsString()
  @MaxLength(5000)
  benefits?: string;

  @ApiPropertyOptional({ example: 'pelayanan-publik', maxLength: 64, description: 'The routing category, a lower-case slug (GET /api/categories lists them with their chains)' })
  @Present()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'category must be a lower-case slug such as pelayanan-publik' })
  @MaxLength(64)
  category?: string;

  @ApiPropertyOptional({ enum: PROPOSAL_TYPES, example: 'digital' })
  @Present()
  @IsIn(PROPOSAL_TYPES)
  type?: ProposalType;

  @ApiPropertyOptional({ enum: PROPOSAL_FORMS, example: 'tata-kelola', description: 'Bentuk inovasi per PP 38/2017 (what the innovation renews); routes nothing, unlike category' })
  @Present()
  @IsIn(PROPOSAL_FORMS)
  form?: ProposalForm;

  @ApiPropertyOptional({ enum: INITIATOR_KINDS, example: 'kelompok' })
  @Present()
  @IsIn(INITIATOR_KINDS)
  initiatorKind?: InitiatorKind;

  @ApiNullable('number', { example: 60000000, description: 'Budget estimate in rupiah; null clears it', required: false })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(2)
  @Min(0)
  @Max(1e15)
  budgetEstimate?: number | null;

  @ApiNullable(PilotPlanDto, { description: 'null clears it', required: false })
  @IsOptional()
  @ValidateNested()
  @Type(() => PilotPlanDto)
  pilotPlan?: PilotPlanDto | null;

  @ApiPropertyOptional({ type: [IndicatorDto], description: 'Replaces the whole list' })
  @Present()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => IndicatorDto)
  indicators?: IndicatorDto[];

  @ApiPropertyOptional({ example: 'Sebagian pemohon belum memiliki ponsel pintar.' })
  @Present()
  @IsString()
  @MaxLength(5000)
  risks?: string;

  @ApiPropertyOptional({ type: [String], description: 'Ids of other units taking part; replaces the whole list' })
  @Present()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  collaboratingUnitIds?: string[];

  @ApiPropertyOptional({ type: [AttachmentDto], description: 'Bukti dukung; replaces the whole list' })
  @Present()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];

  @ApiPropertyOptional({ example: 'umum', description: 'Chain template code; only while the proposal is a draft' })
  @Present()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'templateCode must be a lower-case slug' })
  @MaxLength(64)
  templateCode?: string;
}

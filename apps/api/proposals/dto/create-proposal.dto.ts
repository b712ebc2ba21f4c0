import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { INITIATOR_KINDS, PROPOSAL_FORMS, PROPOSAL_TYPES } from '@libs/domain/proposal';
import type { InitiatorKind, ProposalForm, ProposalType } from '@libs/domain/proposal';

/**
 * At most `places` decimal places (a rupiah amount is stored as numeric(18, 2)). Instead of
 * class-validator's maxDecimalPlaces, which reads the decimals off the number's text and throws a
 * TypeError (a 500) on one JavaScript writes with an exponent, such as 1e-7.
 */
export function MaxDecimalPlaces(places: number, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'maxDecimalPlaces',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [places],
      options: { message: `$property must have at most ${places} decimal places`, ...options },
      validator: {
        validate: (value: unknown) => typeof value !== 'number' || !Number.isFinite(value) || Number(value.toFixed(places)) === value,
      },
    });
}

export class PilotPlanDto {
  @ApiProperty({ example: 6, description: 'Pilot duration in months' })
  @IsInt()
  @Min(1)
  @Max(60)
  durationMonths: number;

  @ApiProperty({ example: 'Loket perizinan kantor pusat DPMPTSP' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  scope: string;
}

export class IndicatorDto {
  @ApiProperty({ example: 'Waktu tunggu rata-rata' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '120 menit' })
  @IsString()
  @MaxLength(200)
  baseline: string;

  @ApiProperty({ example: '30 menit' })
  @IsString()
  @MaxLength(200)
  target: string;
}

export class AttachmentDto {
  @ApiProperty({ example: 'Kajian awal.pdf' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'https://dokumen.example.go.id/kajian-awal.pdf' })
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'url must be an http(s) URL' })
  @MaxLength(2000)
  url: string;
}

/** An innovation proposal (usulan inovasi) as the proposer writes it. */
export class CreateProposalDto {
  @ApiProperty({ example: 'Antrean daring dan kanal SMS pengaduan perizinan', minLength: 5, maxLength: 200 })
  @IsString()
  @MinLength(5)
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'Pemohon izin antre berjam-jam di loket tanpa kepastian waktu layanan.' })
  @IsString()
  @MinLength(10)
  @MaxLength(10000)
  problem: string;

  @ApiProperty({ description: 'Rancang bangun: the proposed change', example: 'Nomor antrean diambil daring; notifikasi SMS saat giliran mendekat.' })
  @IsString()
  @MinLength(10)
  @MaxLength(10000)
  proposedChange: string;

  @ApiPropertyOptional({ example: 'Memangkas waktu tunggu di loket.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  goals?: string;

  @ApiPropertyOptional({ example: 'Pemohon dapat menunggu dari rumah; pengaduan tercatat.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  benefits?: string;

  @ApiProperty({ example: 'pelayanan-publik', description: 'Lower-case slug; also selects the chain template when none is named' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'category must be a lower-case slug such as pelayanan-publik' })
  @MaxLength(64)
  category: string;

  @ApiProperty({ enum: PROPOSAL_TYPES, example: 'digital' })
  @IsIn(PROPOSAL_TYPES)
  type: ProposalType;

  @ApiProperty({ enum: PROPOSAL_FORMS, example: 'pelayanan-publik' })
  @IsIn(PROPOSAL_FORMS)
  form: ProposalForm;

  @ApiProperty({ enum: INITIATOR_KINDS, example: 'kelompok' })
  @IsIn(INITIATOR_KINDS)
  initiatorKind: InitiatorKind;

  @ApiPropertyOptional({ example: 75000000, description: 'Budget estimate in rupiah; left out when there is none' })
  // Optional, but null is refused rather than skipped (IsOptional would pass it on to toFixed: a 500).
  @ValidateIf((_object: object, value: unknown) => value !== undefined)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(2)
  @Min(0)
  @Max(1e15)
  budgetEstimate?: number;

  @ApiPropertyOptional({ type: PilotPlanDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PilotPlanDto)
  pilotPlan?: PilotPlanDto;

  @ApiPropertyOptional({ type: [IndicatorDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => IndicatorDto)
  indicators?: IndicatorDto[];

  @ApiPropertyOptional({ example: 'Sebagian pemohon belum memiliki ponsel pintar.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  risks?: string;

  @ApiPropertyOptional({ type: [String], description: 'Ids of other units taking part' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  collaboratingUnitIds?: string[];

  @ApiPropertyOptional({ type: [AttachmentDto], description: 'Bukti dukung (links to supporting documents)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];

  @ApiPropertyOptional({ example: 'umum', description: 'Chain template code; by default chosen by category' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'templateCode must be a lower-case slug' })
  @MaxLength(64)
  templateCode?: string;

  @ApiPropertyOptional({ default: true, description: 'Submit at once (default) or keep as a draft' })
  @IsOptional()
  @IsBoolean()
  submit?: boolean;
}

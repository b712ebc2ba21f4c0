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

/**
 * Required to submit, optional in a draft: validated whenever the key is present, and required
 * unless `submit` is false (a draft needs only a title; POST /api/proposals/:id/submit checks the
 * rest before the approval starts).
 */
const RequiredToSubmit = () => ValidateIf((object: { submit?: unknown }, value: unknown) => object.submit !== false || value !== undefined);
const TO_SUBMIT = 'Required unless submit is false (a draft needs only a title)';

/** An innovation proposal (usulan inovasi) as the proposer writes it. */
export class CreateProposalDto {
  @ApiProperty({ example: 'Antrean daring dan kanal SMS pengaduan perizinan', minLength: 5, maxLength: 200 })
  @IsString()
  @MinLength(5)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ example: 'Pemohon izin antre berjam-jam di loket tanpa kepastian waktu layanan.', minLength: 10, maxLength: 10000, description: TO_SUBMIT })
  @RequiredToSubmit()
  @IsString()
  @MinLength(10)
  @MaxLength(10000)
  problem?: string;

  @ApiPropertyOptional({ description: `Rancang bangun: the proposed change. ${TO_SUBMIT}`, example: 'Nomor antrean diambil daring; notifikasi SMS saat giliran mendekat.', minLength: 10, maxLength: 10000 })
  @RequiredToSubmit()
  @IsString()
  @MinLength(10)
  @MaxLength(10000)
  proposedChange?: string;

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

  @ApiPropertyOptional({
    example: 'pelayanan-publik',
    maxLength: 64,
    description: `The routing category, a lower-case slug: it selects the chain template when none is named (GET /api/categories lists them with their chains). ${TO_SUBMIT}`,
  })
  @RequiredToSubmit()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'category must be a lower-case slug such as pelayanan-publik' })
  @MaxLength(64)
  category?: string;

  @ApiPropertyOptional({ enum: PROPOSAL_TYPES, example: 'digital', description: `Jenis inovasi. ${TO_SUBMIT}` })
  @RequiredToSubmit()
  @IsIn(PROPOSAL_TYPES)
  type?: ProposalType;

  @ApiPropertyOptional({
    enum: PROPOSAL_FORMS,
    example: 'tata-kelola',
    description: `Bentuk inovasi per PP 38/2017 (what the innovation renews); describes the proposal and routes nothing, unlike category. ${TO_SUBMIT}`,
  })
  @RequiredToSubmit()
  @IsIn(PROPOSAL_FORMS)
  form?: ProposalForm;

  @ApiPropertyOptional({ enum: INITIATOR_KINDS, example: 'kelompok', description: TO_SUBMIT })
  @RequiredToSubmit()
  @IsIn(INITIATOR_KINDS)
  initiatorKind?: InitiatorKind;

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

  @ApiPropertyOptional({ default: true, description: 'Submit at once (default; every required field then) or keep as a draft (only the title required)' })
  @IsOptional()
  @IsBoolean()
  submit?: boolean;
}

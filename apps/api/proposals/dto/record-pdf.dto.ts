import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DEFAULT_RECORD_TIME_ZONE, RECORD_TIME_ZONES, type RecordTimeZone } from '../record/record-document';

const ZONES = Object.keys(RECORD_TIME_ZONES) as RecordTimeZone[];

export class RecordPdfQuery {
  @ApiPropertyOptional({
    enum: ZONES,
    default: DEFAULT_RECORD_TIME_ZONE,
    example: 'Asia/Makassar',
    description: 'The Indonesian time zone the times are printed in, each named: WIB (Asia/Jakarta), WITA (Asia/Makassar), WIT (Asia/Jayapura)',
  })
  @IsOptional()
  @IsIn(ZONES)
  tz?: RecordTimeZone;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class DevLoginDto {
  @ApiProperty({ description: 'NIP (18 digits) of a seeded person', example: '199001012015011001' })
  @Matches(/^\d{18}$/, { message: 'nip must be 18 digits' })
  nip: string;
}

export class TokenResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ example: '8h' }) expiresIn: string;
  @ApiProperty() person: { id: string; nip: string; name: string; roles: string[] };
}

export class DevPersonDto {
  @ApiProperty({ example: '199503122020122001' }) nip: string;
  @ApiProperty({ example: 'Rina Wulandari' }) name: string;
  @ApiProperty({ example: ['proposer'] }) roles: string[];
  @ApiProperty({ nullable: true, type: String, example: 'Pengadministrasi Perizinan' }) positionTitle: string | null;
}

export class DevPeopleQuery {
  @ApiPropertyOptional({ description: 'Part of a name, or the start of a NIP', example: 'Rina' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

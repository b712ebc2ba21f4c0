import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ROLES, type Role } from '@libs/domain/proposal';
import { ApiNullable } from '@libs/http/api-nullable';

/** NIP: the 18-digit civil servant number. */
const NIP = /^\d{18}$/;

export class DevLoginDto {
  @ApiProperty({ description: 'NIP (18 digits) of a seeded person', example: '199001012015011001', pattern: NIP.source })
  @Matches(NIP, { message: 'nip must be 18 digits' })
  nip: string;
}

/** The person a token was issued to. */
export class TokenPersonView {
  @ApiProperty({ format: 'uuid', example: '5d4c3b2a-1f0e-5d9c-8b7a-6f5e4d3c2b1a' }) id: string;
  @ApiProperty({ example: '199503122020122001' }) nip: string;
  @ApiProperty({ example: 'Rina Wulandari' }) name: string;
  @ApiProperty({ enum: ROLES, isArray: true, example: ['proposer'] }) roles: Role[];
}

export class TokenResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ enum: ['Bearer'], example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ example: '8h' }) expiresIn: string;
  @ApiProperty({ type: TokenPersonView }) person: TokenPersonView;
}

export class DevPersonDto {
  @ApiProperty({ example: '199503122020122001' }) nip: string;
  @ApiProperty({ example: 'Rina Wulandari' }) name: string;
  @ApiProperty({ enum: ROLES, isArray: true, example: ['proposer'] }) roles: string[];
  @ApiNullable('string', { example: 'Pengadministrasi Perizinan' }) positionTitle: string | null;
}

export class AuthMethodsDto {
  @ApiProperty({ type: Boolean, example: true, description: 'Whether POST /api/auth/dev-login and GET /api/auth/dev-people are offered (the server runs with DEV_LOGIN=true); otherwise tokens come from the identity provider.' })
  devLogin: boolean;
}

export class DevPeopleQuery {
  @ApiPropertyOptional({ description: 'Part of a name, or the start of a NIP', example: 'Rina' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

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

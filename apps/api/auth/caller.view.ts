import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@libs/domain/proposal';
import type { AuthUser } from '@libs/auth/auth.types';

/** The person a bearer token names, with the name and roles the database holds now. */
export class CallerView implements AuthUser {
  @ApiProperty({ format: 'uuid', example: '5d4c3b2a-1f0e-5d9c-8b7a-6f5e4d3c2b1a' }) personId: string;
  @ApiProperty({ example: 'Rina Wulandari' }) name: string;
  @ApiProperty({ enum: ROLES, isArray: true, example: ['proposer'] }) roles: Role[];
}

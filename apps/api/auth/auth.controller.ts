import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { CurrentUser, Public } from '../../../libs/auth/auth.decorators';
import type { AuthUser, TokenClaims } from '../../../libs/auth/auth.types';
import { AppConfig } from '../../../libs/config/app-config.service';
import { DomainError, notFound } from '../../../libs/http/domain-error';
import { PersonEntity } from '../../../libs/persistence/entities';
import { DevLoginDto, TokenResponseDto } from './dev-login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  @Public()
  @Post('dev-login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Development only: issue a token for a seeded person. Refused in production.' })
  @ApiOkResponse({ type: TokenResponseDto })
  async devLogin(@Body() body: DevLoginDto): Promise<TokenResponseDto> {
    if (this.config.isProduction) {
      throw new DomainError('DEV_LOGIN_DISABLED', 'dev-login is disabled in production; use a token from the identity provider.', HttpStatus.FORBIDDEN);
    }
    const person = await this.dataSource.getRepository(PersonEntity).findOneBy({ nip: body.nip });
    if (!person) throw notFound('Person with NIP', body.nip);
    const claims: TokenClaims = { sub: person.id, name: person.name, roles: person.roles };
    return {
      accessToken: await this.jwt.signAsync(claims),
      tokenType: 'Bearer',
      expiresIn: this.config.get('JWT_TTL'),
      person: { id: person.id, nip: person.nip, name: person.name, roles: person.roles },
    };
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who the bearer token belongs to' })
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }
}

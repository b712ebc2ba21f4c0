import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import { CurrentUser, Public } from '@libs/auth/auth.decorators';
import type { AuthUser, TokenClaims } from '@libs/auth/auth.types';
import { AppConfig } from '@libs/config/app-config.service';
import { DomainError, notFound } from '@libs/http/domain-error';
import { SignInQueries } from '@libs/persistence/sign-in.queries';
import { RateLimit } from '../rate-limit/rate-limit';
import { CallerView } from './caller.view';
import { AuthMethodsDto, DevLoginDto, DevPeopleQuery, DevPersonDto, TokenResponseDto } from './dev-login.dto';

const DEV_LOGIN_OFF = {
  description: 'dev-login is not enabled on this server (DEV_LOGIN is not true): `DEV_LOGIN_DISABLED`.',
  schema: {
    example: {
      statusCode: 403,
      error: 'Forbidden',
      code: 'DEV_LOGIN_DISABLED',
      message: 'dev-login is not enabled on this server; sign in through the identity provider.',
      correlationId: '5f0c6a0e-0d7e-4c1b-9a53-3b8e2f1d7a44',
    },
  },
};

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly people: SignInQueries,
  ) {}

  /** Refuses the dev-login endpoints unless the server was started with DEV_LOGIN=true. */
  private requireDevLogin(): void {
    if (!this.config.devLoginEnabled) {
      throw new DomainError('DEV_LOGIN_DISABLED', 'dev-login is not enabled on this server; sign in through the identity provider.', HttpStatus.FORBIDDEN);
    }
  }

  @Public()
  @Get('methods')
  @ApiOperation({ summary: 'How people sign in to this server: whether dev-login (pick a person, no password) is offered. The sign-in page asks this first.' })
  @ApiOkResponse({ type: AuthMethodsDto })
  methods(): AuthMethodsDto {
    return { devLogin: this.config.devLoginEnabled };
  }

  @Public()
  @Post('dev-login')
  @RateLimit('sign-in')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Development only: issue a token for a seeded person. Offered only when the server runs with DEV_LOGIN=true (never in production).' })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiForbiddenResponse(DEV_LOGIN_OFF)
  @ApiNotFoundResponse({ description: 'Nobody has this NIP (NOT_FOUND)' })
  async devLogin(@Body() body: DevLoginDto): Promise<TokenResponseDto> {
    this.requireDevLogin();
    const person = await this.people.personByNip(body.nip);
    if (!person) throw notFound('Person with NIP', body.nip);
    const claims: TokenClaims = { sub: person.id, name: person.name };
    return {
      accessToken: await this.jwt.signAsync(claims),
      tokenType: 'Bearer',
      expiresIn: this.config.get('JWT_TTL'),
      person: { id: person.id, nip: person.nip, name: person.name, roles: person.roles },
    };
  }

  @Public()
  @Get('dev-people')
  @ApiOperation({ summary: 'Development only: the people the sign-in page offers (at most 50, by name; `q` matches a name or the start of a NIP), with their post now. Offered only with DEV_LOGIN=true.' })
  @ApiOkResponse({ type: [DevPersonDto] })
  @ApiForbiddenResponse(DEV_LOGIN_OFF)
  async devPeople(@Query() query: DevPeopleQuery): Promise<DevPersonDto[]> {
    this.requireDevLogin();
    return this.people.offeredPeople(query.q);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who the bearer token belongs to' })
  @ApiOkResponse({ type: CallerView })
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }
}

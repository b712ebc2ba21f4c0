import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@libs/domain/proposal';
import { DomainError } from '@libs/http/domain-error';
import { CallerLookup } from '@libs/persistence/caller-lookup';
import { IS_PUBLIC, ROLES } from './auth.decorators';
import type { AuthUser, TokenClaims } from './auth.types';
import { UUID } from '@libs/domain/uuid';

const unauthorized = (message: string) => new DomainError('UNAUTHORIZED', message, HttpStatus.UNAUTHORIZED);

/**
 * Bearer JWT on every route unless marked @Public(); then the route's @Roles(), if any. The token
 * proves who is calling, nothing more: the person's name and roles are read from the database on
 * every request (one select by primary key), so a change of roles takes effect on the next request.
 * Roles a token still carries (tokens issued before roles left them) are ignored.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    private readonly callers: CallerLookup,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw unauthorized('A bearer token is required (Authorization: Bearer <token>).');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw unauthorized('The bearer token is invalid or has expired.');
    }
    if (typeof claims.sub !== 'string' || !UUID.test(claims.sub)) throw unauthorized('The bearer token is malformed.');
    const person = await this.callers.byId(claims.sub);
    if (!person) throw unauthorized('The person of the bearer token no longer exists.');
    req.user = { personId: person.id, name: person.name, roles: person.roles };

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (required?.length && !required.some((r) => req.user!.roles.includes(r))) {
      throw new DomainError('ROLE_REQUIRED', `This action needs the role: ${required.join(' or ')}.`, HttpStatus.FORBIDDEN);
    }
    return true;
  }
}

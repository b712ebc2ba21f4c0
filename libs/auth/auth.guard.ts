import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ROLES as ALL_ROLES, Role } from '../domain/proposal';
import { DomainError } from '../http/domain-error';
import { IS_PUBLIC, ROLES } from './auth.decorators';
import type { AuthUser, TokenClaims } from './auth.types';

const unauthorized = (message: string) => new DomainError('UNAUTHORIZED', message, HttpStatus.UNAUTHORIZED);

/** Bearer JWT on every route unless marked @Public(); then the route's @Roles(), if any. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
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
    if (typeof claims.sub !== 'string' || !Array.isArray(claims.roles)) throw unauthorized('The bearer token is malformed.');
    req.user = { personId: claims.sub, name: claims.name, roles: claims.roles.filter((r): r is Role => ALL_ROLES.includes(r)) };

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (required?.length && !required.some((r) => req.user!.roles.includes(r))) {
      throw new DomainError('ROLE_REQUIRED', `This action needs the role: ${required.join(' or ')}.`, HttpStatus.FORBIDDEN);
    }
    return true;
  }
}

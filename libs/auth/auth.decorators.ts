import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@libs/domain/proposal';
import type { AuthUser } from './auth.types';

export const IS_PUBLIC = 'estafet:isPublic';
export const ROLES = 'estafet:roles';

/** The route needs no bearer token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The caller must hold at least one of these roles (object-level checks still apply in services). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});

import type { Role } from '../domain/proposal';

/** Who is calling, as proven by the bearer token. */
export interface AuthUser {
  personId: string;
  name: string;
  roles: Role[];
}

export interface TokenClaims {
  sub: string;
  name: string;
  roles: Role[];
}

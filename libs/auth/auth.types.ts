import type { Role } from '@libs/domain/proposal';

/** Who is calling: the person the bearer token names, with their name and roles as the database holds them now. */
export interface AuthUser {
  personId: string;
  name: string;
  roles: Role[];
}

/**
 * What a bearer token carries: identity only. Roles are not in it — they are read from the database
 * on every request (AuthGuard) — so that taking a role away does not wait for the token to expire.
 */
export interface TokenClaims {
  /** The person's id. */
  sub: string;
  /** The person's name when the token was issued, for whoever reads the token; the API reads it from the database. */
  name: string;
}

import { SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthUser } from '@libs/auth/auth.types';

export const ADMIN_AUDIT = 'estafet:adminAudit';

/** What a handler's request (and, once it succeeded, its result) looks like to the audit log. */
export interface AuditInput {
  req: Request;
  user: AuthUser;
  /** The handler's result; undefined when it failed. */
  result?: unknown;
}

export interface AuditSpec {
  /** A stable action code, `<object>.<verb>` (e.g. `unit.create`, `appointment.end`). */
  action: string;
  /** The kind of object acted on (unit, position, person, appointment, delegation, task, proposal, template, organization). */
  targetType: string;
  /** The object's id; null when there is no single one (or a failed create has none yet). */
  targetId?: (input: AuditInput) => unknown;
  /** Record only when this holds, e.g. not for a dry run, or only when an administrator acted. */
  when?: (input: AuditInput) => boolean;
  /** What to keep of the request instead of its path parameters, query and body (summarized either way). */
  request?: (input: AuditInput) => Record<string, unknown>;
  /** What to keep of a successful result (summarized); nothing by default. */
  result?: (result: unknown) => Record<string, unknown> | undefined;
}

/**
 * Records the handler in the admin audit log (see AdminAuditInterceptor): who, what, on which
 * object, a summary of the request without secrets, and the outcome, success or refusal.
 */
export const AdminAudit = (spec: AuditSpec) => SetMetadata(ADMIN_AUDIT, spec);

/** Reads `a.b.c` out of a value, or undefined. */
export function pick(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The target is a path parameter. */
export const fromParam =
  (name: string) =>
  ({ req }: AuditInput): unknown =>
    req.params?.[name];

/** The target is in the result (a created object), e.g. `id` or `appointment.id`. */
export const fromResult =
  (path: string) =>
  ({ result }: AuditInput): unknown =>
    pick(result, path);

/** The target is a field of the request body (known even when the request was refused). */
export const fromBody =
  (path: string) =>
  ({ req }: AuditInput): unknown =>
    pick(req.body, path);

/** Only when the caller is an administrator (for actions that others may also take on their own posts). */
export const byAdmin = ({ user }: AuditInput): boolean => user.roles.includes('admin');

/**
 * Where a person starts after signing in: on their own work, not on an empty Usulan Saya.
 * Administrators on the admin dashboard; someone with tasks waiting on Tugas Saya; everyone else on
 * Usulan Saya. Open tasks rather than the `approver` role decide it, because a Plt., a Plh. or a
 * delegate decides tasks without holding that role.
 */
export function landingPath(roles: readonly string[], openTasks: number | null): string {
  if (roles.includes('admin')) return '/admin';
  if (openTasks !== null && openTasks > 0) return '/tugas';
  return '/usulan';
}

/** Masuk remembers the page asked for as router state `{ from }`; this is the path to return to. */
export interface ReturnState {
  from?: unknown;
}

/**
 * The page to return to after signing in, when it is one of the app's own pages: a path on this
 * origin (not `//host`, which a browser reads as another site) other than Masuk itself.
 */
export function returnPath(state: unknown): string | null {
  const from = (state as ReturnState | null)?.from;
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/\\')) return null;
  if (from === '/' || /^\/masuk(?:[/?#]|$)/.test(from)) return null;
  return from;
}

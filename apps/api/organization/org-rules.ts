import type { Role } from '@libs/domain/proposal';

/*
 * The rules of the organization (units, posts, people) that the admin endpoints and the bulk import
 * share. Everything here is pure, so that a single post and a file of five thousand obey the same
 * rules and can be tested without a database.
 */

/**
 * Kinds of unit in a regional government (Pemda): the seed's kinds, the remaining perangkat daerah
 * and their parts (bagian and subbagian in a sekretariat, UPTD), and `lainnya` for anything else.
 */
export const UNIT_KINDS = [
  'pemda',
  'sekretariat',
  'dinas',
  'badan',
  'inspektorat',
  'kecamatan',
  'kelurahan',
  'bidang',
  'bagian',
  'subbagian',
  'seksi',
  'uptd',
  'lainnya',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Levels of a post (jabatan): the regional head, the JPT grades, administrator, pengawas, pelaksana, functional. */
export const POSITION_LEVELS = [
  'kepala-daerah',
  'jpt-utama',
  'jpt-madya',
  'jpt-pratama',
  'administrator',
  'pengawas',
  'pelaksana',
  'fungsional',
] as const;
export type PositionLevel = (typeof POSITION_LEVELS)[number];

/** What a person may do when nobody says otherwise: propose, and decide for the posts they hold. */
export const DEFAULT_PERSON_ROLES: Role[] = ['proposer', 'approver'];

export const MAX_CODE_LENGTH = 64;
export const MAX_NAME_LENGTH = 200;
export const MAX_EMAIL_LENGTH = 254;

/** Unit and post codes as administrators write them (PEMKOT, DPMPTSP-YAN-USAHA, 1.03.01): no spaces. */
export const ORG_CODE = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;
export const ORG_CODE_MESSAGE = 'must be letters and digits, optionally joined by . _ or - (e.g. DINKES-YANKES), at most 64 characters';

/** NIP: the 18-digit civil servant number. */
export const NIP = /^\d{18}$/;
export const NIP_MESSAGE = 'nip must be exactly 18 digits (the NIP of the civil servant)';

export const NOT_BLANK = /\S/;

/** The canonical order of roles, so that the same set is always stored and compared the same way. */
export function normalizedRoles(roles: readonly Role[]): Role[] {
  const order: Role[] = ['proposer', 'approver', 'admin'];
  return order.filter((r) => roles.includes(r));
}

export const sameRoles = (a: readonly Role[], b: readonly Role[]) => normalizedRoles(a).join() === normalizedRoles(b).join();

/**
 * Every node that lies on a cycle of the graph `parentOf` describes (each node has at most one
 * parent), with the cycle as seen from that node: `[n, parent, …, n]`. Linear in the number of
 * nodes, so five thousand posts cost nothing; a parent outside `nodes` ends a chain.
 */
export function cyclesIn<K>(nodes: Iterable<K>, parentOf: (node: K) => K | null | undefined): Map<K, K[]> {
  const done = new Set<K>();
  const onCycle = new Map<K, K[]>();
  for (const start of nodes) {
    if (done.has(start)) continue;
    const walk: K[] = [];
    const index = new Map<K, number>();
    let current: K | null | undefined = start;
    while (current !== null && current !== undefined && !done.has(current) && !index.has(current)) {
      index.set(current, walk.length);
      walk.push(current);
      current = parentOf(current);
    }
    if (current !== null && current !== undefined && index.has(current)) {
      const cycle = walk.slice(index.get(current)!);
      cycle.forEach((node, i) => onCycle.set(node, [...cycle.slice(i), ...cycle.slice(0, i), node]));
    }
    walk.forEach((node) => done.add(node));
  }
  return onCycle;
}

/**
 * The cycle that giving `node` the parent `newParent` would close, as `[node, newParent, …, node]`,
 * or null. Walks up from the new parent; a loop that does not pass through `node` (data that is
 * already broken) ends the walk instead of hanging it.
 */
export function cycleIfParent<K>(node: K, newParent: K | null, parentOf: (node: K) => K | null | undefined): K[] | null {
  const path: K[] = [node];
  const seen = new Set<K>([node]);
  let current: K | null | undefined = newParent;
  while (current !== null && current !== undefined) {
    if (current === node) return [...path, node];
    if (seen.has(current)) return null;
    seen.add(current);
    path.push(current);
    current = parentOf(current);
  }
  return null;
}

export interface TreeNode {
  id: string;
  parentId: string | null;
}

/**
 * The units in tree order (depth first, each parent before its children, siblings by `compare`),
 * with their depth (0 for a root). A unit whose parent is missing counts as a root; units that only
 * reach a cycle (which the API refuses to create) come last, so that nothing is ever left out.
 */
export function treeOrder<T extends TreeNode>(nodes: readonly T[], compare: (a: T, b: T) => number): { node: T; depth: number }[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string | null, T[]>();
  for (const n of nodes) {
    const parent = n.parentId !== null && byId.has(n.parentId) && n.parentId !== n.id ? n.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), n]);
  }
  for (const list of children.values()) list.sort(compare);

  const out: { node: T; depth: number }[] = [];
  const visited = new Set<string>();
  const visit = (roots: T[]) => {
    const stack = [...roots].reverse().map((node) => ({ node, depth: 0 }));
    while (stack.length > 0) {
      const { node, depth } = stack.pop()!;
      if (visited.has(node.id)) continue;
      visited.add(node.id);
      out.push({ node, depth });
      const kids = children.get(node.id) ?? [];
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], depth: depth + 1 });
    }
  };
  visit(children.get(null) ?? []);
  visit(nodes.filter((n) => !visited.has(n.id)).sort(compare));
  return out;
}

/** `A → B → A`, for messages. */
export const describeCycle = (codes: readonly string[]) => codes.join(' → ');

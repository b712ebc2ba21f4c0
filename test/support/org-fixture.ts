import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppointmentEntity, OrgUnitEntity, PersonEntity, PositionEntity } from '@libs/persistence/entities';
import type { AppStack, SignedInClient } from './app-stack';

export interface OrgSpec {
  units: { key: string; name: string; kind: string; parent?: string }[];
  /** `holder`: the person key appointed definitively since last year; absent for a vacant post. */
  posts: { key: string; title: string; unit: string; level?: string; superior?: string; head?: boolean; holder?: string }[];
  /** Person key → name; roles default to proposer + approver (admin when listed in `admins`). */
  people: Record<string, string>;
  admins?: string[];
}

export interface Org {
  suffix: string;
  unit(key: string): string;
  post(key: string): string;
  person(key: string): string;
  nip(key: string): string;
  /** A signed-in HTTP client for a person of this organization. */
  as(key: string): Promise<SignedInClient>;
}

/**
 * A private organization for one test file, with unique codes and NIPs: the demo organization is
 * shared by every test file running in parallel and must not change under them.
 */
export async function buildOrg(stack: AppStack, spec: OrgSpec): Promise<Org> {
  const ds: DataSource = stack.dataSource;
  const suffix = randomUUID().slice(0, 6);
  const ids = new Map<string, string>();
  const nips = new Map<string, string>();
  const id = (kind: string, key: string) => {
    const found = ids.get(`${kind}:${key}`);
    if (!found) throw new Error(`no ${kind} "${key}" in the test organization`);
    return found;
  };
  for (const u of spec.units) ids.set(`unit:${u.key}`, randomUUID());
  for (const p of spec.posts) ids.set(`post:${p.key}`, randomUUID());
  for (const key of Object.keys(spec.people)) {
    ids.set(`person:${key}`, randomUUID());
    nips.set(key, `19${String(randomInt(10 ** 9)).padStart(9, '0')}${String(randomInt(10 ** 7)).padStart(7, '0')}`);
  }
  await ds.getRepository(OrgUnitEntity).insert(
    spec.units.map((u) => ({ id: id('unit', u.key), code: `${u.key}-${suffix}`, name: u.name, kind: u.kind, parentId: u.parent ? id('unit', u.parent) : null })),
  );
  await ds.getRepository(PositionEntity).insert(
    spec.posts.map((p) => ({
      id: id('post', p.key),
      code: `${p.key}-${suffix}`.toUpperCase(),
      title: p.title,
      unitId: id('unit', p.unit),
      level: p.level ?? 'administrator',
      superiorPositionId: p.superior ? id('post', p.superior) : null,
      isUnitHead: p.head ?? false,
    })),
  );
  await ds.getRepository(PersonEntity).insert(
    Object.entries(spec.people).map(([key, name]) => ({
      id: id('person', key),
      nip: nips.get(key)!,
      name,
      email: `${key}.${suffix}@contoh.go.id`,
      roles: spec.admins?.includes(key) ? ['admin'] : ['proposer', 'approver'],
    })),
  );
  const lastYear = new Date(Date.now() - 365 * 24 * 3600 * 1000);
  const held = spec.posts.filter((p) => p.holder);
  if (held.length) {
    await ds.getRepository(AppointmentEntity).insert(
      held.map((p) => ({ id: randomUUID(), positionId: id('post', p.key), personId: id('person', p.holder!), capacity: 'definitif' as const, startsAt: lastYear, endsAt: null })),
    );
  }
  const tokens = new Map<string, string>();
  return {
    suffix,
    unit: (key) => id('unit', key),
    post: (key) => id('post', key),
    person: (key) => id('person', key),
    nip: (key) => nips.get(key)!,
    async as(key) {
      let token = tokens.get(key);
      if (!token) {
        const res = await stack.http.post('/api/auth/dev-login').send({ nip: nips.get(key) }).expect(200);
        token = res.body.accessToken as string;
        tokens.set(key, token);
      }
      const bearer = token;
      return {
        get: (url: string) => stack.http.get(url).auth(bearer, { type: 'bearer' }),
        post: (url: string, body: object = {}) => stack.http.post(url).auth(bearer, { type: 'bearer' }).send(body),
        patch: (url: string, body: object) => stack.http.patch(url).auth(bearer, { type: 'bearer' }).send(body),
      };
    },
  };
}

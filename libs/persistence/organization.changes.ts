import { DataSource, EntityManager } from 'typeorm';
import { type LockOptions, withAdvisoryLock } from './advisory-lock';
import { OrgUnitEntity, PersonEntity, PositionEntity } from './entities';
import type { ExistingOrg, OrgWrites, PersonRecord, PositionRecord, PostRef, UnitRecord } from './org-records';

/** A unit with its parent, or a post with its superior: one link of a chain up the tree. */
export interface ChainLink {
  id: string;
  code: string;
  parentId: string | null;
}

export type UnitChanges = Partial<Pick<UnitRecord, 'name' | 'kind' | 'parentId'>>;
export type PositionChanges = Partial<Pick<PositionRecord, 'title' | 'level' | 'isUnitHead' | 'unitId' | 'superiorPositionId'>>;
export type PersonChanges = Partial<Pick<PersonRecord, 'name' | 'email' | 'roles'>>;

/** Rows per INSERT or UPDATE statement of an import: well below Postgres's limit of 65,535 parameters. */
const CHUNK = 1000;

const chunks = <T>(list: T[]): T[][] => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

/** `UPDATE … FROM (VALUES …)`: a thousand changed rows per statement instead of one statement per row. */
async function updateMany(em: EntityManager, table: string, columns: [name: string, type: string][], rows: unknown[][]): Promise<void> {
  const names = columns.map(([name]) => name);
  const set = names.slice(1).map((n) => `${n} = v.${n}`).join(', ');
  for (const chunk of chunks(rows)) {
    const params: unknown[] = [];
    const tuples = chunk.map((row) => `(${row.map((value, i) => `$${params.push(value)}::${columns[i][1]}`).join(', ')})`);
    await em.query(`UPDATE "${table}" AS t SET ${set} FROM (VALUES ${tuples.join(', ')}) AS v(${names.join(', ')}) WHERE t.id = v.id`, params);
  }
}

/**
 * The statements of one change of the organization, all in the transaction that holds the
 * organization's lock: the reads its rules check, and its writes.
 */
export class OrgChange {
  constructor(private readonly em: EntityManager) {}

  private get units() {
    return this.em.getRepository(OrgUnitEntity);
  }

  private get posts() {
    return this.em.getRepository(PositionEntity);
  }

  private get people() {
    return this.em.getRepository(PersonEntity);
  }

  unitCodeTaken(code: string): Promise<boolean> {
    return this.units.existsBy({ code });
  }

  unitExists(id: string): Promise<boolean> {
    return this.units.existsBy({ id });
  }

  unitById(id: string): Promise<UnitRecord | null> {
    return this.units.findOneBy({ id });
  }

  unitByCode(code: string): Promise<UnitRecord | null> {
    return this.units.findOneBy({ code });
  }

  async unitIdByCode(code: string): Promise<string | null> {
    return (await this.units.findOne({ select: { id: true }, where: { code } }))?.id ?? null;
  }

  async insertUnit(unit: UnitRecord): Promise<void> {
    await this.units.insert(unit);
  }

  async updateUnit(id: string, changes: UnitChanges): Promise<void> {
    await this.units.update({ id }, changes);
  }

  positionCodeTaken(code: string): Promise<boolean> {
    return this.posts.existsBy({ code });
  }

  positionExists(id: string): Promise<boolean> {
    return this.posts.existsBy({ id });
  }

  positionById(id: string): Promise<PositionRecord | null> {
    return this.posts.findOneBy({ id });
  }

  async positionIdByCode(code: string): Promise<string | null> {
    return (await this.posts.findOne({ select: { id: true }, where: { code } }))?.id ?? null;
  }

  /** The head post of the unit other than `exceptPositionId` (the first by code, should there be several). */
  async otherHeadOf(unitId: string, exceptPositionId: string): Promise<PostRef | null> {
    const [head] = await this.em.query<PostRef[]>(
      `SELECT id, code, title FROM position WHERE unit_id = $1 AND is_unit_head AND id <> $2 ORDER BY code LIMIT 1`,
      [unitId, exceptPositionId],
    );
    return head ?? null;
  }

  async insertPosition(position: PositionRecord): Promise<void> {
    await this.posts.insert(position);
  }

  async updatePosition(id: string, changes: PositionChanges): Promise<void> {
    await this.posts.update({ id }, changes);
  }

  nipTaken(nip: string): Promise<boolean> {
    return this.people.existsBy({ nip });
  }

  personExists(id: string): Promise<boolean> {
    return this.people.existsBy({ id });
  }

  async insertPerson(person: PersonRecord): Promise<void> {
    await this.people.insert(person);
  }

  async updatePerson(id: string, changes: PersonChanges): Promise<void> {
    await this.people.update({ id }, changes);
  }

  /**
   * A unit and its ancestors, or a post and its superiors, walking up from `startId`; the path guard
   * ends the walk on data that already loops.
   */
  async chainUp(kind: 'unit' | 'position', startId: string): Promise<Map<string, ChainLink>> {
    const [table, parent] = kind === 'unit' ? ['org_unit', 'parent_id'] : ['position', 'superior_position_id'];
    const rows = await this.em.query<ChainLink[]>(
      `WITH RECURSIVE up(id, code, parent_id, path) AS (
         SELECT t.id, t.code, t.${parent}, ARRAY[t.id] FROM "${table}" t WHERE t.id = $1
         UNION ALL
         SELECT t.id, t.code, t.${parent}, up.path || t.id FROM "${table}" t JOIN up ON t.id = up.parent_id WHERE NOT t.id = ANY(up.path)
       )
       SELECT id, code, parent_id AS "parentId" FROM up`,
      [startId],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** All units and posts (cycles and head posts span the tree), and the people with these NIPs. */
  async existingOrg(nips: string[]): Promise<ExistingOrg> {
    const units = await this.em.query<UnitRecord[]>(`SELECT id, code, name, kind, parent_id AS "parentId" FROM org_unit`);
    const positions = await this.em.query<PositionRecord[]>(
      `SELECT id, code, title, unit_id AS "unitId", level, superior_position_id AS "superiorPositionId", is_unit_head AS "isUnitHead" FROM position`,
    );
    const people = nips.length
      ? await this.em.query<PersonRecord[]>(`SELECT id, nip, name, email, roles FROM person WHERE nip = ANY($1::text[])`, [nips])
      : [];
    return { units, positions, people };
  }

  /** Writes an import's plan: its new units, posts and people, then its changed ones, a thousand rows per statement. */
  async applyImport(writes: OrgWrites): Promise<void> {
    const insert = () => this.em.createQueryBuilder().insert();
    for (const chunk of chunks(writes.units.create)) await insert().into(OrgUnitEntity).values(chunk).execute();
    for (const chunk of chunks(writes.positions.create)) await insert().into(PositionEntity).values(chunk).execute();
    for (const chunk of chunks(writes.people.create)) await insert().into(PersonEntity).values(chunk).execute();
    await updateMany(this.em, 'org_unit', [['id', 'uuid'], ['name', 'varchar'], ['kind', 'varchar'], ['parent_id', 'uuid']],
      writes.units.update.map((u) => [u.id, u.name, u.kind, u.parentId]));
    await updateMany(this.em, 'position',
      [['id', 'uuid'], ['title', 'varchar'], ['unit_id', 'uuid'], ['level', 'varchar'], ['superior_position_id', 'uuid'], ['is_unit_head', 'boolean']],
      writes.positions.update.map((p) => [p.id, p.title, p.unitId, p.level, p.superiorPositionId, p.isUnitHead]));
    await updateMany(this.em, 'person', [['id', 'uuid'], ['name', 'varchar'], ['email', 'varchar'], ['roles', 'text[]']],
      writes.people.update.map((p) => [p.id, p.name, p.email, p.roles]));
  }
}

/**
 * Changes of the organization's structure (units, posts, people, imports). The rules that span rows
 * (one head post per unit, no cycle in the unit tree or the chain of superiors) are checked by reading
 * other rows: two changes checked side by side could each pass and together break them, so each
 * change runs in one transaction holding the organization's advisory lock. Reads never wait for it.
 */
export class OrganizationChanges {
  constructor(private readonly dataSource: DataSource) {}

  change<T>(lock: LockOptions, fn: (change: OrgChange) => Promise<T>): Promise<T> {
    return withAdvisoryLock(this.dataSource, { kind: 'organization' }, lock, (em) => fn(new OrgChange(em)));
  }
}

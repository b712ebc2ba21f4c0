import { DataSource } from 'typeorm';
import type { PageSlice } from './page-slice';
import type { ActiveAppointmentRow, AppointmentHistoryRow, PersonAppointmentRow, PersonRecord, PositionRow, PostRef, UnitRecord } from './org-records';

/*
 * Reads of the unit, post and person endpoints. Who holds or acts for a post is computed from the
 * appointment table at request time, never stored on the post: Plt. and Plh. appointments begin and
 * end on their own dates.
 */

export interface PositionFilter {
  unitId?: string;
  level?: string;
  /** Part of the code or the title, taken literally, any case. */
  q?: string;
}

/** `%text%` for ILIKE, with the pattern characters of the text taken literally. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const ACTIVE = (now: string) => `a.starts_at <= ${now} AND (a.ends_at IS NULL OR a.ends_at > ${now})`;

const POSITION_SELECT = `
  SELECT p.id, p.code, p.title, p.level, p.is_unit_head AS "isUnitHead", p.unit_id AS "unitId", u.code AS "unitCode",
         u.name AS "unitName", p.superior_position_id AS "superiorPositionId", s.code AS "superiorCode", s.title AS "superiorTitle"
    FROM position p
    LEFT JOIN org_unit u ON u.id = p.unit_id
    LEFT JOIN position s ON s.id = p.superior_position_id`;

/** Rows of `rows` grouped by `key`, every id of `ids` present (with no rows when it has none), the rest of each row kept in order. */
function groupedBy<K extends string, R extends Record<K, string>>(ids: string[], rows: R[], key: K): Map<string, Omit<R, K>[]> {
  const grouped = new Map<string, Omit<R, K>[]>(ids.map((id) => [id, []]));
  for (const { [key]: id, ...rest } of rows) grouped.get(id)?.push(rest);
  return grouped;
}

export class OrganizationQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Every unit, in no particular order (a Pemda has hundreds at most; the tree is ordered in memory). */
  allUnits(): Promise<UnitRecord[]> {
    return this.dataSource.query<UnitRecord[]>(`SELECT id, code, name, kind, parent_id AS "parentId" FROM org_unit`);
  }

  /** One page of the posts that pass the filter, by unit code (posts of no unit last), head first, then code. */
  async positionsPage(filter: PositionFilter, page: PageSlice): Promise<{ items: PositionRow[]; total: number }> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.unitId) where.push(`p.unit_id = $${params.push(filter.unitId)}`);
    if (filter.level) where.push(`p.level = $${params.push(filter.level)}`);
    if (filter.q?.trim()) {
      const q = `$${params.push(likePattern(filter.q.trim()))}`;
      where.push(`(p.code ILIKE ${q} ESCAPE '\\' OR p.title ILIKE ${q} ESCAPE '\\')`);
    }
    const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(`SELECT COUNT(*)::int AS total FROM position p ${condition}`, params);
    const items = await this.dataSource.query<PositionRow[]>(
      `${POSITION_SELECT} ${condition} ORDER BY u.code NULLS LAST, p.is_unit_head DESC, p.code
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.pageSize, page.offset],
    );
    return { items, total };
  }

  /** The posts of one unit, head first, then by code. */
  positionsIn(unitId: string): Promise<PositionRow[]> {
    return this.dataSource.query<PositionRow[]>(`${POSITION_SELECT} WHERE p.unit_id = $1 ORDER BY p.is_unit_head DESC, p.code`, [unitId]);
  }

  async position(id: string): Promise<PositionRow | null> {
    const [row] = await this.dataSource.query<PositionRow[]>(`${POSITION_SELECT} WHERE p.id = $1`, [id]);
    return row ?? null;
  }

  /** The posts that answer to this one, by code. */
  subordinatesOf(positionId: string): Promise<PostRef[]> {
    return this.dataSource.query<PostRef[]>(
      `SELECT id, code, title FROM position WHERE superior_position_id = $1 AND id <> $1 ORDER BY code`,
      [positionId],
    );
  }

  /** The appointments active at `now` of each post, Plh. first, then the definitive holder, then Plt. */
  async activeAppointmentsByPosition(positionIds: string[], now: Date): Promise<Map<string, ActiveAppointmentRow[]>> {
    if (positionIds.length === 0) return new Map();
    const rows = await this.dataSource.query<(ActiveAppointmentRow & { positionId: string })[]>(
      `SELECT a.id, a.position_id AS "positionId", a.person_id AS "personId", pe.name AS "personName", pe.nip AS "personNip",
              a.capacity, a.starts_at AS "startsAt", a.ends_at AS "endsAt"
         FROM appointment a JOIN person pe ON pe.id = a.person_id
        WHERE a.position_id = ANY($1::uuid[]) AND ${ACTIVE('$2::timestamptz')}
        ORDER BY CASE a.capacity WHEN 'plh' THEN 0 WHEN 'definitif' THEN 1 ELSE 2 END, a.starts_at DESC, a.id`,
      [positionIds, now],
    );
    return groupedBy(positionIds, rows, 'positionId');
  }

  /** Every appointment of a post, newest first, with the names of the people and whether it is active at `now`. */
  positionHistory(positionId: string, now: Date): Promise<AppointmentHistoryRow[]> {
    return this.dataSource.query<AppointmentHistoryRow[]>(
      `SELECT a.id, a.person_id AS "personId", pe.name AS "personName", pe.nip AS "personNip", a.capacity,
              a.starts_at AS "startsAt", a.ends_at AS "endsAt", a.basis, a.end_reason AS "endReason",
              (${ACTIVE('$2::timestamptz')}) AS "active"
         FROM appointment a LEFT JOIN person pe ON pe.id = a.person_id
        WHERE a.position_id = $1
        ORDER BY a.starts_at DESC, a.created_at DESC, a.id`,
      [positionId, now],
    );
  }

  /** The appointments of each person (only those active at `now` when `activeOnly`), newest first. */
  async appointmentsByPerson(personIds: string[], now: Date, activeOnly: boolean): Promise<Map<string, PersonAppointmentRow[]>> {
    if (personIds.length === 0) return new Map();
    const rows = await this.dataSource.query<(PersonAppointmentRow & { personId: string })[]>(
      `SELECT a.id, a.person_id AS "personId", a.position_id AS "positionId", p.code AS "positionCode", p.title AS "positionTitle",
              u.name AS "unitName", a.capacity, a.starts_at AS "startsAt", a.ends_at AS "endsAt", a.basis, a.end_reason AS "endReason",
              (${ACTIVE('$2::timestamptz')}) AS "active"
         FROM appointment a
         LEFT JOIN position p ON p.id = a.position_id
         LEFT JOIN org_unit u ON u.id = p.unit_id
        WHERE a.person_id = ANY($1::uuid[]) ${activeOnly ? `AND ${ACTIVE('$2::timestamptz')}` : ''}
        ORDER BY a.starts_at DESC, a.created_at DESC, a.id`,
      [personIds, now],
    );
    return groupedBy(personIds, rows, 'personId');
  }

  /** One page of the people whose name contains `q` or whose NIP does (taken literally; everyone without it), by name then NIP. */
  async peoplePage(q: string | undefined, page: PageSlice): Promise<{ items: PersonRecord[]; total: number }> {
    const params: unknown[] = [];
    let condition = '';
    const text = q?.trim();
    if (text) {
      const i = params.push(likePattern(text));
      condition = `WHERE (name ILIKE $${i} ESCAPE '\\' OR nip LIKE $${i} ESCAPE '\\')`;
    }
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(`SELECT COUNT(*)::int AS total FROM person ${condition}`, params);
    const items = await this.dataSource.query<PersonRecord[]>(
      `SELECT id, nip, name, email, roles FROM person ${condition} ORDER BY name, nip LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.pageSize, page.offset],
    );
    return { items, total };
  }

  async person(id: string): Promise<PersonRecord | null> {
    const [row] = await this.dataSource.query<PersonRecord[]>(`SELECT id, nip, name, email, roles FROM person WHERE id = $1`, [id]);
    return row ?? null;
  }
}

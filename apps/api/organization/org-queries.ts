import type { DataSource, EntityManager } from 'typeorm';
import { actingFor } from '@libs/domain/acting';
import type { ActingView, ActiveAppointmentView, AppointmentHistoryView, PersonAppointmentView } from './dto/org.views';

/*
 * Reads shared by the unit, post and person endpoints. Who holds or acts for a post is computed from
 * the appointment table at request time, never stored on the post: Plt. and Plh. appointments begin
 * and end on their own dates.
 */

type Db = DataSource | EntityManager;

/** `%text%` for ILIKE, with the pattern characters of the text taken literally. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const ACTIVE = (now: string) => `a.starts_at <= ${now} AND (a.ends_at IS NULL OR a.ends_at > ${now})`;

/** The appointments active at `now` of each post, Plh. first, then the definitive holder, then Plt. */
export async function activeAppointmentsByPosition(db: Db, positionIds: string[], now: Date): Promise<Map<string, ActiveAppointmentView[]>> {
  const byPosition = new Map<string, ActiveAppointmentView[]>(positionIds.map((id) => [id, []]));
  if (positionIds.length === 0) return byPosition;
  const rows = await db.query<(ActiveAppointmentView & { positionId: string })[]>(
    `SELECT a.id, a.position_id AS "positionId", a.person_id AS "personId", pe.name AS "personName", pe.nip AS "personNip",
            a.capacity, a.starts_at AS "startsAt", a.ends_at AS "endsAt"
       FROM appointment a JOIN person pe ON pe.id = a.person_id
      WHERE a.position_id = ANY($1::uuid[]) AND ${ACTIVE('$2::timestamptz')}
      ORDER BY CASE a.capacity WHEN 'plh' THEN 0 WHEN 'definitif' THEN 1 ELSE 2 END, a.starts_at DESC, a.id`,
    [positionIds, now],
  );
  for (const { positionId, ...appointment } of rows) byPosition.get(positionId)?.push(appointment);
  return byPosition;
}

/** Who acts for the post, by the one rule the approval engine uses too. */
export function actingOf(active: ActiveAppointmentView[], now: Date): ActingView | null {
  const acting = actingFor(active.map((a) => ({ ...a, capacity: a.capacity as 'definitif' | 'plt' | 'plh' })), now);
  if (!acting) return null;
  const who = active.find((a) => a.personId === acting.personId && a.capacity === acting.capacity)!;
  return { personId: acting.personId, personName: who.personName, capacity: acting.capacity };
}

/** Every appointment of a post, newest first, with the names of the people. */
export async function positionHistory(db: Db, positionId: string, now: Date): Promise<AppointmentHistoryView[]> {
  return db.query<AppointmentHistoryView[]>(
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
export async function appointmentsByPerson(db: Db, personIds: string[], now: Date, activeOnly: boolean): Promise<Map<string, PersonAppointmentView[]>> {
  const byPerson = new Map<string, PersonAppointmentView[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return byPerson;
  const rows = await db.query<(PersonAppointmentView & { personId: string })[]>(
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
  for (const { personId, ...appointment } of rows) byPerson.get(personId)?.push(appointment);
  return byPerson;
}

export interface ChainLink {
  id: string;
  code: string;
  parentId: string | null;
}

/**
 * A unit and its ancestors, or a post and its superiors, walking up from `startId`; the path guard
 * ends the walk on data that already loops.
 */
export async function chainUp(db: Db, kind: 'unit' | 'position', startId: string): Promise<Map<string, ChainLink>> {
  const [table, parent] = kind === 'unit' ? ['org_unit', 'parent_id'] : ['position', 'superior_position_id'];
  const rows = await db.query<ChainLink[]>(
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

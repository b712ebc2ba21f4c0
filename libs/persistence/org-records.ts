import type { Role } from '@libs/domain/proposal';

/*
 * The organization's rows (units, posts, people) as the organization's reads and changes exchange
 * them with the API, and what a bulk import writes.
 */

export interface UnitRecord {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
}

export interface PositionRecord {
  id: string;
  code: string;
  title: string;
  unitId: string;
  level: string;
  superiorPositionId: string | null;
  isUnitHead: boolean;
}

export interface PersonRecord {
  id: string;
  nip: string;
  name: string;
  email: string;
  roles: Role[];
}

/** The organization as stored: every unit and post (the rules span the whole tree), the people an import names. */
export interface ExistingOrg {
  units: UnitRecord[];
  positions: PositionRecord[];
  people: PersonRecord[];
}

export interface Writes<T> {
  create: T[];
  update: T[];
}

/** The rows a bulk import creates and those it updates, each in full. */
export interface OrgWrites {
  units: Writes<UnitRecord>;
  positions: Writes<PositionRecord>;
  people: Writes<PersonRecord>;
}

/** A post with where it sits and whom it answers to, by code and name. */
export interface PositionRow {
  id: string;
  code: string;
  title: string;
  level: string;
  isUnitHead: boolean;
  unitId: string;
  unitCode: string | null;
  unitName: string | null;
  superiorPositionId: string | null;
  superiorCode: string | null;
  superiorTitle: string | null;
}

export interface PostRef {
  id: string;
  code: string;
  title: string;
}

/** An appointment active at a moment: who holds or acts for a post, in which capacity, since when. */
export interface ActiveAppointmentRow {
  id: string;
  personId: string;
  personName: string;
  personNip: string;
  capacity: string;
  startsAt: Date;
  endsAt: Date | null;
}

/** One appointment of a post's history, ended or not. */
export interface AppointmentHistoryRow extends ActiveAppointmentRow {
  basis: string | null;
  endReason: string | null;
  active: boolean;
}

/** A post a person holds or held. */
export interface PersonAppointmentRow {
  id: string;
  positionId: string;
  positionCode: string | null;
  positionTitle: string | null;
  unitName: string | null;
  capacity: string;
  startsAt: Date;
  endsAt: Date | null;
  basis: string | null;
  endReason: string | null;
  active: boolean;
}

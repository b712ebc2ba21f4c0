import { DataSource } from 'typeorm';
import { ROLES, type Role } from '@libs/domain/proposal';

/** A signed-in person as the database holds them now. */
export interface CallerRecord {
  id: string;
  name: string;
  roles: Role[];
}

/**
 * Who a bearer token's subject is now: their name and roles, read on every authenticated request so
 * that a change of roles (a demoted administrator) takes effect on the next request instead of when
 * the token expires. One select by primary key, no joins and no entity mapping: it is on the path of
 * every request.
 */
export class CallerLookup {
  constructor(private readonly dataSource: DataSource) {}

  /** The person with this id, or null when there is none (deleted, or never existed). */
  async byId(id: string): Promise<CallerRecord | null> {
    const rows = await this.dataSource.query<CallerRecord[]>('SELECT id, name, roles FROM person WHERE id = $1', [id]);
    const row = rows[0];
    if (!row) return null;
    // Only the roles the code knows: a value written by hand into the column grants nothing.
    return { id: row.id, name: row.name, roles: row.roles.filter((r): r is Role => ROLES.includes(r)) };
  }
}

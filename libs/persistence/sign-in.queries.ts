import { DataSource } from 'typeorm';
import type { Role } from '@libs/domain/proposal';
import { PersonEntity } from './entities';

/** A person a token may be issued to. */
export interface SignInPerson {
  id: string;
  nip: string;
  name: string;
  roles: Role[];
}

/** A person the development sign-in page offers, with the title of their post now. */
export interface OfferedPerson {
  nip: string;
  name: string;
  roles: string[];
  positionTitle: string | null;
}

/** How many people the sign-in page lists at most. */
export const OFFERED_PEOPLE_LIMIT = 50;

/** The reads of dev-login: who has a NIP, and whom the sign-in page offers. */
export class SignInQueries {
  constructor(private readonly dataSource: DataSource) {}

  async personByNip(nip: string): Promise<SignInPerson | null> {
    return this.dataSource.getRepository(PersonEntity).findOne({ select: { id: true, nip: true, name: true, roles: true }, where: { nip } });
  }

  /**
   * People by name whose name contains `search` or whose NIP starts with it (everyone when it is
   * empty; pattern characters in it are dropped), with the post they hold now (a definitive one first).
   */
  async offeredPeople(search: string | undefined): Promise<OfferedPerson[]> {
    return this.dataSource.query<OfferedPerson[]>(
      `SELECT p.nip, p.name, p.roles,
              (SELECT pos.title FROM appointment a JOIN position pos ON pos.id = a.position_id
                WHERE a.person_id = p.id AND a.starts_at <= now() AND (a.ends_at IS NULL OR a.ends_at > now())
                ORDER BY a.capacity = 'definitif' DESC, a.starts_at DESC LIMIT 1) AS "positionTitle"
         FROM person p
        WHERE $1::text IS NULL OR p.name ILIKE '%' || $1 || '%' OR p.nip LIKE $1 || '%'
        ORDER BY p.name LIMIT ${OFFERED_PEOPLE_LIMIT}`,
      [search?.trim().replace(/[\\%_]/g, '') || null],
    );
  }
}

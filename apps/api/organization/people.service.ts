import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '@libs/auth/auth.types';
import type { Role } from '@libs/domain/proposal';
import { notFound } from '@libs/http/domain-error';
import { pageOf } from '@libs/http/page-query';
import { PersonEntity } from '@libs/persistence/entities';
import { CreatePersonDto, PersonListQuery, UpdatePersonDto } from './dto/people.dto';
import { PersonAppointmentView, PersonDetailView, PersonPageView, PersonView } from './dto/org.views';
import { alreadyExists } from './org-errors';
import { withOrganizationLock } from './org-lock';
import { appointmentsByPerson, likePattern } from './org-queries';
import { DEFAULT_PERSON_ROLES, normalizedRoles } from './org-rules';

interface PersonRow {
  id: string;
  nip: string;
  name: string;
  email: string;
  roles: Role[];
}

/**
 * People (ASN). A person's email is personal data: administrators see it (they maintain it), and
 * so does the person; everyone else gets the record without it.
 */
@Injectable()
export class PeopleService {
  constructor(private readonly dataSource: DataSource) {}

  async list(viewer: AuthUser, query: PersonListQuery, now = new Date()): Promise<PersonPageView> {
    const { page, pageSize, offset } = pageOf(query);
    const params: unknown[] = [];
    let filter = '';
    const q = query.q?.trim();
    if (q) {
      const i = params.push(likePattern(q));
      filter = `WHERE (name ILIKE $${i} ESCAPE '\\' OR nip LIKE $${i} ESCAPE '\\')`;
    }
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(`SELECT COUNT(*)::int AS total FROM person ${filter}`, params);
    const rows = await this.dataSource.query<PersonRow[]>(
      `SELECT id, nip, name, email, roles FROM person ${filter} ORDER BY name, nip LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, offset],
    );
    const active = await appointmentsByPerson(this.dataSource, rows.map((r) => r.id), now, true);
    return { items: rows.map((r) => this.toView(viewer, r, active.get(r.id) ?? [])), total, page, pageSize };
  }

  async get(viewer: AuthUser, personId: string, now = new Date()): Promise<PersonDetailView> {
    const id = personId.toLowerCase();
    const row = await this.dataSource.getRepository(PersonEntity).findOneBy({ id });
    if (!row) throw notFound('Person', id);
    const appointments = (await appointmentsByPerson(this.dataSource, [id], now, false)).get(id) ?? [];
    return { ...this.toView(viewer, row, appointments.filter((a) => a.active)), appointments };
  }

  async create(viewer: AuthUser, dto: CreatePersonDto): Promise<PersonDetailView> {
    const id = randomUUID();
    await withOrganizationLock(this.dataSource, async (em) => {
      const people = em.getRepository(PersonEntity);
      if (await people.existsBy({ nip: dto.nip })) throw alreadyExists('A person', 'nip', dto.nip);
      await people.insert({ id, nip: dto.nip, name: dto.name, email: dto.email, roles: normalizedRoles(dto.roles ?? DEFAULT_PERSON_ROLES) });
    });
    return this.get(viewer, id);
  }

  async update(viewer: AuthUser, personId: string, dto: UpdatePersonDto): Promise<PersonDetailView> {
    const id = personId.toLowerCase();
    await withOrganizationLock(this.dataSource, async (em) => {
      const people = em.getRepository(PersonEntity);
      if (!(await people.existsBy({ id }))) throw notFound('Person', id);
      const changes: Partial<PersonEntity> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.email !== undefined) changes.email = dto.email;
      if (dto.roles !== undefined) changes.roles = normalizedRoles(dto.roles);
      if (Object.keys(changes).length > 0) await people.update({ id }, changes);
    });
    return this.get(viewer, id);
  }

  private toView(viewer: AuthUser, row: PersonRow, activeAppointments: PersonAppointmentView[]): PersonView {
    const mayReadEmail = viewer.roles.includes('admin') || viewer.personId === row.id;
    return {
      id: row.id,
      nip: row.nip,
      name: row.name,
      ...(mayReadEmail ? { email: row.email } : {}),
      roles: row.roles,
      activeAppointments,
    };
  }
}

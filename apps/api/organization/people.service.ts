import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@libs/auth/auth.types';
import { notFound } from '@libs/http/domain-error';
import { pageOf } from '@libs/http/page-query';
import type { PersonRecord } from '@libs/persistence/org-records';
import { OrganizationChanges, type PersonChanges } from '@libs/persistence/organization.changes';
import { OrganizationQueries } from '@libs/persistence/organization.queries';
import { CreatePersonDto, PersonListQuery, UpdatePersonDto } from './dto/people.dto';
import { PersonAppointmentView, PersonDetailView, PersonPageView, PersonView } from './dto/org.views';
import { alreadyExists } from './org-errors';
import { ORGANIZATION_LOCK } from './org-lock';
import { DEFAULT_PERSON_ROLES, normalizedRoles } from './org-rules';

/**
 * People (ASN). A person's email is personal data: administrators see it (they maintain it), and
 * so does the person; everyone else gets the record without it.
 */
@Injectable()
export class PeopleService {
  constructor(
    private readonly queries: OrganizationQueries,
    private readonly changes: OrganizationChanges,
  ) {}

  async list(viewer: AuthUser, query: PersonListQuery, now = new Date()): Promise<PersonPageView> {
    const slice = pageOf(query);
    const { items: rows, total } = await this.queries.peoplePage(query.q, slice);
    const active = await this.queries.appointmentsByPerson(rows.map((r) => r.id), now, true);
    return { items: rows.map((r) => this.toView(viewer, r, active.get(r.id) ?? [])), total, page: slice.page, pageSize: slice.pageSize };
  }

  async get(viewer: AuthUser, personId: string, now = new Date()): Promise<PersonDetailView> {
    const id = personId.toLowerCase();
    const row = await this.queries.person(id);
    if (!row) throw notFound('Person', id);
    const appointments = (await this.queries.appointmentsByPerson([id], now, false)).get(id) ?? [];
    return { ...this.toView(viewer, row, appointments.filter((a) => a.active)), appointments };
  }

  async create(viewer: AuthUser, dto: CreatePersonDto): Promise<PersonDetailView> {
    const id = randomUUID();
    await this.changes.change(ORGANIZATION_LOCK, async (change) => {
      if (await change.nipTaken(dto.nip)) throw alreadyExists('A person', 'nip', dto.nip);
      await change.insertPerson({ id, nip: dto.nip, name: dto.name, email: dto.email, roles: normalizedRoles(dto.roles ?? DEFAULT_PERSON_ROLES) });
    });
    return this.get(viewer, id);
  }

  async update(viewer: AuthUser, personId: string, dto: UpdatePersonDto): Promise<PersonDetailView> {
    const id = personId.toLowerCase();
    await this.changes.change(ORGANIZATION_LOCK, async (change) => {
      if (!(await change.personExists(id))) throw notFound('Person', id);
      const changes: PersonChanges = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.email !== undefined) changes.email = dto.email;
      if (dto.roles !== undefined) changes.roles = normalizedRoles(dto.roles);
      if (Object.keys(changes).length > 0) await change.updatePerson(id, changes);
    });
    return this.get(viewer, id);
  }

  private toView(viewer: AuthUser, row: PersonRecord, activeAppointments: PersonAppointmentView[]): PersonView {
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

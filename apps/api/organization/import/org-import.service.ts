import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@libs/http/domain-error';
import { OrgUnitEntity, PersonEntity, PositionEntity } from '@libs/persistence/entities';
import { withOrganizationLock } from '../org-lock';
import { type ExistingOrg, type ImportPlan, planImport, type PersonRecord, type PositionRecord, type UnitRecord } from './import-plan';
import { type ImportError, type ImportReport, MAX_REPORTED_ERRORS, sortErrors } from './import-report';
import { checkRows } from './import-rows';
import { checkSize, type ImportSource } from './import-source';

/** Rows per INSERT or UPDATE statement: well below Postgres's limit of 65,535 parameters. */
const CHUNK = 1000;

const chunks = <T>(list: T[]): T[][] => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

/** Where a problem is, for the one-line message: "positions row 3 (line 4), superiorCode". */
const located = (e: ImportError) =>
  `${e.entity}${e.row !== null ? ` row ${e.row}` : ''}${e.line !== undefined ? ` (line ${e.line})` : ''}${e.field ? `, ${e.field}` : ''}`;

/**
 * Bulk import of the organization: units, posts and people upserted by code and NIP. Everything is
 * checked before anything is written; then all rows are written in one transaction, or none.
 */
@Injectable()
export class OrgImportService {
  constructor(private readonly dataSource: DataSource) {}

  async run(source: ImportSource, dryRun: boolean): Promise<ImportReport> {
    checkSize(source);
    const units = checkRows('units', source.rows.units ?? []);
    const positions = checkRows('positions', source.rows.positions ?? []);
    const people = checkRows('people', source.rows.people ?? []);
    const nips = people.checked.flatMap((r) => (r.key === null ? [] : [r.key]));

    return withOrganizationLock(this.dataSource, async (em) => {
      const plan = planImport({ units: units.checked, positions: positions.checked, people: people.checked }, await this.existing(em, nips), randomUUID);
      const errors = sortErrors([...source.errors, ...units.errors, ...positions.errors, ...people.errors, ...plan.errors]);
      const report: ImportReport = {
        dryRun,
        valid: errors.length === 0,
        counts: plan.counts,
        errors: errors.slice(0, MAX_REPORTED_ERRORS),
        errorCount: errors.length,
      };
      if (errors.length > 0) {
        const n = errors.length;
        const message = `The import has ${n} problem${n === 1 ? '' : 's'}; nothing was written. The first: ${located(errors[0])}: ${errors[0].message}.`;
        throw new DomainError('IMPORT_INVALID', message, HttpStatus.UNPROCESSABLE_ENTITY, report);
      }
      if (!dryRun) await this.write(em, plan);
      return report;
    });
  }

  /** All units and posts (cycles and head posts span the tree), and the people the import names. */
  private async existing(em: EntityManager, nips: string[]): Promise<ExistingOrg> {
    const units = await em.query<UnitRecord[]>(`SELECT id, code, name, kind, parent_id AS "parentId" FROM org_unit`);
    const positions = await em.query<PositionRecord[]>(
      `SELECT id, code, title, unit_id AS "unitId", level, superior_position_id AS "superiorPositionId", is_unit_head AS "isUnitHead" FROM position`,
    );
    const people = nips.length
      ? await em.query<PersonRecord[]>(`SELECT id, nip, name, email, roles FROM person WHERE nip = ANY($1::text[])`, [nips])
      : [];
    return { units, positions, people };
  }

  private async write(em: EntityManager, plan: ImportPlan): Promise<void> {
    for (const chunk of chunks(plan.units.create)) await em.createQueryBuilder().insert().into(OrgUnitEntity).values(chunk).execute();
    for (const chunk of chunks(plan.positions.create)) await em.createQueryBuilder().insert().into(PositionEntity).values(chunk).execute();
    for (const chunk of chunks(plan.people.create)) await em.createQueryBuilder().insert().into(PersonEntity).values(chunk).execute();
    await updateMany(em, 'org_unit', [['id', 'uuid'], ['name', 'varchar'], ['kind', 'varchar'], ['parent_id', 'uuid']],
      plan.units.update.map((u) => [u.id, u.name, u.kind, u.parentId]));
    await updateMany(em, 'position',
      [['id', 'uuid'], ['title', 'varchar'], ['unit_id', 'uuid'], ['level', 'varchar'], ['superior_position_id', 'uuid'], ['is_unit_head', 'boolean']],
      plan.positions.update.map((p) => [p.id, p.title, p.unitId, p.level, p.superiorPositionId, p.isUnitHead]));
    await updateMany(em, 'person', [['id', 'uuid'], ['name', 'varchar'], ['email', 'varchar'], ['roles', 'text[]']],
      plan.people.update.map((p) => [p.id, p.name, p.email, p.roles]));
  }
}

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

import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError } from '@libs/http/domain-error';
import { OrganizationChanges } from '@libs/persistence/organization.changes';
import { ORGANIZATION_LOCK } from '../org-lock';
import { planImport } from './import-plan';
import { type ImportError, type ImportReport, MAX_REPORTED_ERRORS, sortErrors } from './import-report';
import { checkRows } from './import-rows';
import { checkSize, type ImportSource } from './import-source';

/** Where a problem is, for the one-line message: "positions row 3 (line 4), superiorCode". */
const located = (e: ImportError) =>
  `${e.entity}${e.row !== null ? ` row ${e.row}` : ''}${e.line !== undefined ? ` (line ${e.line})` : ''}${e.field ? `, ${e.field}` : ''}`;

/** 422 IMPORT_INVALID with the report, its message naming the first problem. */
function importInvalid(errors: ImportError[], report: ImportReport): DomainError {
  const n = errors.length;
  const message = `The import has ${n} problem${n === 1 ? '' : 's'}; nothing was written. The first: ${located(errors[0])}: ${errors[0].message}.`;
  return new DomainError('IMPORT_INVALID', message, HttpStatus.UNPROCESSABLE_ENTITY, report);
}

/**
 * Bulk import of the organization: units, posts and people upserted by code and NIP. Everything is
 * checked before anything is written; then all rows are written in one transaction, or none.
 */
@Injectable()
export class OrgImportService {
  constructor(private readonly changes: OrganizationChanges) {}

  async run(source: ImportSource, dryRun: boolean): Promise<ImportReport> {
    checkSize(source);
    const units = checkRows('units', source.rows.units ?? []);
    const positions = checkRows('positions', source.rows.positions ?? []);
    const people = checkRows('people', source.rows.people ?? []);
    const nips = people.checked.flatMap((r) => (r.key === null ? [] : [r.key]));

    return this.changes.change(ORGANIZATION_LOCK, async (change) => {
      const plan = planImport({ units: units.checked, positions: positions.checked, people: people.checked }, await change.existingOrg(nips), randomUUID);
      const errors = sortErrors([...source.errors, ...units.errors, ...positions.errors, ...people.errors, ...plan.errors]);
      const report: ImportReport = {
        dryRun,
        valid: errors.length === 0,
        counts: plan.counts,
        errors: errors.slice(0, MAX_REPORTED_ERRORS),
        errorCount: errors.length,
      };
      if (errors.length > 0) throw importInvalid(errors, report);
      if (!dryRun) await change.applyImport(plan);
      return report;
    });
  }
}

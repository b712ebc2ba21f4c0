import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AdminAuditEntity } from './entities';
import type { PageSlice } from './page-slice';

/** A row of the admin audit log to write; its id and time are the store's. */
export type AuditRecord = Omit<AdminAuditEntity, 'id' | 'occurredAt'>;

/** A row of the admin audit log as read. */
export type AuditRow = Pick<
  AdminAuditEntity,
  'id' | 'occurredAt' | 'actorPersonId' | 'actorName' | 'action' | 'targetType' | 'targetId' | 'summary' | 'outcome' | 'statusCode' | 'errorCode' | 'correlationId'
>;

/** Which audit rows a page shows; every field narrows. */
export interface AuditFilter {
  actor?: string;
  /** An action code, or the start of one up to a dot (`appointment` matches `appointment.end`). */
  action?: string;
  targetType?: string;
  targetId?: string;
  outcome?: string;
  /** From this moment on (inclusive). */
  from?: Date;
  /** Before this moment. */
  to?: Date;
}

/** The admin audit log (table admin_audit, append-only). */
export class AdminAuditStore {
  constructor(private readonly dataSource: DataSource) {}

  async record(row: AuditRecord): Promise<void> {
    await this.dataSource.getRepository(AdminAuditEntity).insert({ id: randomUUID(), ...row } as QueryDeepPartialEntity<AdminAuditEntity>);
  }

  /** One page, newest first, with the number of rows the filter matches in all. */
  async page(filter: AuditFilter, page: PageSlice): Promise<{ items: AuditRow[]; total: number }> {
    const values: unknown[] = [];
    const bind = (value: unknown) => `$${values.push(value)}`;
    const where: string[] = [];
    if (filter.actor) where.push(`a.actor_person_id = ${bind(filter.actor)}`);
    if (filter.action) {
      const action = bind(filter.action);
      where.push(`(a.action = ${action} OR a.action LIKE ${action} || '.%')`);
    }
    if (filter.targetType) where.push(`a.target_type = ${bind(filter.targetType)}`);
    if (filter.targetId) where.push(`a.target_id = ${bind(filter.targetId)}`);
    if (filter.outcome) where.push(`a.outcome = ${bind(filter.outcome)}`);
    if (filter.from) where.push(`a.occurred_at >= ${bind(filter.from)}`);
    if (filter.to) where.push(`a.occurred_at < ${bind(filter.to)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';

    const [{ total }] = await this.dataSource.query<{ total: number }[]>(`SELECT COUNT(*)::int AS total FROM admin_audit a ${clause}`, values);
    const items = await this.dataSource.query<AuditRow[]>(
      `SELECT a.id, a.occurred_at AS "occurredAt", a.actor_person_id AS "actorPersonId", a.actor_name AS "actorName", a.action,
              a.target_type AS "targetType", a.target_id AS "targetId", a.summary, a.outcome, a.status_code AS "statusCode",
              a.error_code AS "errorCode", a.correlation_id AS "correlationId"
         FROM admin_audit a ${clause}
        ORDER BY a.occurred_at DESC, a.id DESC
        LIMIT ${bind(page.pageSize)} OFFSET ${bind(page.offset)}`,
      values,
    );
    return { items, total };
  }
}

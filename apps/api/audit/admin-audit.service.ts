import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { unprocessable } from '@libs/http/domain-error';
import { pageOf } from '@libs/http/page-query';
import { AdminAuditEntity } from '@libs/persistence/entities';
import { AdminAuditPageView, AdminAuditQuery, AdminAuditView } from './dto/admin-audit.dto';

export type AuditRecord = Omit<AdminAuditEntity, 'id' | 'occurredAt'>;

/** Writes and reads the admin audit log (admin_audit, append-only). */
@Injectable()
export class AdminAuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(row: AuditRecord): Promise<void> {
    await this.dataSource.getRepository(AdminAuditEntity).insert({ id: randomUUID(), ...row } as QueryDeepPartialEntity<AdminAuditEntity>);
  }

  async list(query: AdminAuditQuery): Promise<AdminAuditPageView> {
    const { page, pageSize, offset } = pageOf(query);
    const values: unknown[] = [];
    const bind = (value: unknown) => `$${values.push(value)}`;
    const where: string[] = [];
    if (query.actor) where.push(`a.actor_person_id = ${bind(query.actor)}`);
    if (query.action) {
      const action = bind(query.action);
      where.push(`(a.action = ${action} OR a.action LIKE ${action} || '.%')`);
    }
    if (query.targetType) where.push(`a.target_type = ${bind(query.targetType)}`);
    if (query.targetId) where.push(`a.target_id = ${bind(query.targetId)}`);
    if (query.outcome) where.push(`a.outcome = ${bind(query.outcome)}`);
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && from.getTime() >= to.getTime()) {
      throw unprocessable('VALIDATION_FAILED', 'The request has invalid fields.', [{ field: 'from', messages: ['from must be before to'] }]);
    }
    if (from) where.push(`a.occurred_at >= ${bind(from)}`);
    if (to) where.push(`a.occurred_at < ${bind(to)}`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';

    const [{ total }] = await this.dataSource.query<{ total: number }[]>(`SELECT COUNT(*)::int AS total FROM admin_audit a ${filter}`, values);
    const items = await this.dataSource.query<AdminAuditView[]>(
      `SELECT a.id, a.occurred_at AS "occurredAt", a.actor_person_id AS "actorPersonId", a.actor_name AS "actorName", a.action,
              a.target_type AS "targetType", a.target_id AS "targetId", a.summary, a.outcome, a.status_code AS "statusCode",
              a.error_code AS "errorCode", a.correlation_id AS "correlationId"
         FROM admin_audit a ${filter}
        ORDER BY a.occurred_at DESC, a.id DESC
        LIMIT ${bind(pageSize)} OFFSET ${bind(offset)}`,
      values,
    );
    return { items, total, page, pageSize };
  }
}

import { Injectable } from '@nestjs/common';
import { unprocessable } from '@libs/http/domain-error';
import { pageOf } from '@libs/http/page-query';
import { AdminAuditStore, AuditRecord } from '@libs/persistence/admin-audit.store';
import { AdminAuditPageView, AdminAuditQuery } from './dto/admin-audit.dto';

export type { AuditRecord } from '@libs/persistence/admin-audit.store';

/** Writes and reads the admin audit log (admin_audit, append-only). */
@Injectable()
export class AdminAuditService {
  constructor(private readonly store: AdminAuditStore) {}

  record(row: AuditRecord): Promise<void> {
    return this.store.record(row);
  }

  async list(query: AdminAuditQuery): Promise<AdminAuditPageView> {
    const { page, pageSize, offset } = pageOf(query);
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && from.getTime() >= to.getTime()) {
      throw unprocessable('VALIDATION_FAILED', 'The request has invalid fields.', [{ field: 'from', messages: ['from must be before to'] }]);
    }
    const filter = { actor: query.actor, action: query.action, targetType: query.targetType, targetId: query.targetId, outcome: query.outcome, from, to };
    const { items, total } = await this.store.page(filter, { pageSize, offset });
    return { items, total, page, pageSize };
  }
}

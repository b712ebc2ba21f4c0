import { DataSource, EntityManager } from 'typeorm';
import { conflict } from '@libs/http/domain-error';
import { withAdvisoryLock } from '@libs/persistence/advisory-lock';

/**
 * Runs `fn` in one transaction that holds the organization's advisory lock. The rules that span rows
 * (one head post per unit, no cycle in the unit tree or the chain of superiors) are checked by
 * reading other rows: two changes checked side by side could each pass and together break them.
 * Changes of the organization are rare, so taking them one at a time costs nothing; reads never wait.
 * A change waits up to 30 s for another one (e.g. a running import) before answering 409.
 */
export function withOrganizationLock<T>(dataSource: DataSource, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  return withAdvisoryLock(dataSource, 'estafet:organization', {
    waitFor: '30s',
    busy: () => conflict('ORGANIZATION_BUSY', 'Another change of the organization (e.g. an import) is in progress; try again in a moment.'),
  }, fn);
}

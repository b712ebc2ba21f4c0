import type { DataSource } from 'typeorm';
import { misassignedPage, MisassignedApproval } from '@libs/persistence/acting-lookup';

export interface ContinuityActivityDeps {
  dataSource: DataSource;
}

/** Activities of the continuity workflow: read-only questions about who acts for which post when. */
export function createContinuityActivities(deps: ContinuityActivityDeps) {
  return {
    /** The next moment after `after` at which an appointment or a live delegation starts or ends. */
    async nextActingChange(input: { after: string }): Promise<string | null> {
      const [row] = await deps.dataSource.query<{ next: Date | null }[]>(
        `SELECT MIN(m) AS next FROM (
           SELECT starts_at AS m FROM appointment WHERE starts_at > $1
           UNION ALL SELECT ends_at FROM appointment WHERE ends_at > $1
           UNION ALL SELECT starts_at FROM delegation WHERE revoked_at IS NULL AND starts_at > $1
           UNION ALL SELECT ends_at FROM delegation WHERE revoked_at IS NULL AND ends_at > $1
         ) moments`,
        [input.after],
      );
      return row?.next ? new Date(row.next).toISOString() : null;
    },

    /**
     * Approvals whose open tasks sit with someone who no longer acts for the post, as of `at`: one page
     * (by proposal id after `after`), so a rotation of many thousands of tasks never makes one
     * oversized activity result.
     */
    async findMisassigned(input: { at: string; after?: string | null; limit?: number }): Promise<{ items: MisassignedApproval[]; next: string | null }> {
      return misassignedPage(deps.dataSource.manager, new Date(input.at), input.after ?? null, input.limit ?? 1000);
    },
  };
}

export type ContinuityActivities = ReturnType<typeof createContinuityActivities>;

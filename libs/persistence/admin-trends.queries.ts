import { DataSource } from 'typeorm';

/** One period of the trend: how much work came in, how much was decided, how much was late at its end. */
export interface TrendRow {
  start: Date;
  end: Date;
  /** Approver slots opened in the period (replacements by escalation or by a change of holder are not new work). */
  opened: number;
  /** Tasks approved, rejected or returned in the period. */
  decided: number;
  /** Tasks open and past their due time at the end of the period. */
  overdue: number;
}

/**
 * How the administrators' workload moves over time, from the approval_task read model. Each period
 * is counted from the task columns alone (created_at, decided_at, due_at), so a past week reads the
 * same tomorrow as today.
 */
export class AdminTrends {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts per period [start, end), in the order given; of proposals of `unitId` when given. */
  async periods(periods: readonly { start: Date; end: Date }[], unitId?: string): Promise<TrendRow[]> {
    const values: unknown[] = [periods.map((p) => p.start.toISOString()), periods.map((p) => p.end.toISOString())];
    const unitFilter = unitId ? `AND p.unit_id = $${values.push(unitId)}` : '';
    const tasks = `FROM approval_task t JOIN proposal p ON p.id = t.proposal_id WHERE true ${unitFilter}`;
    return this.dataSource.query<TrendRow[]>(
      `SELECT w.s AS "start", w.e AS "end",
              (SELECT COUNT(*)::int ${tasks}
                  AND t.created_at >= w.s AND t.created_at < w.e
                  AND t.escalated_from_task_id IS NULL AND t.reassigned_from_task_id IS NULL) AS "opened",
              (SELECT COUNT(*)::int ${tasks}
                  AND t.status IN ('approved', 'rejected', 'returned') AND t.decided_at >= w.s AND t.decided_at < w.e) AS "decided",
              (SELECT COUNT(*)::int ${tasks}
                  AND t.created_at < w.e AND t.due_at < w.e AND (t.status = 'open' OR t.decided_at >= w.e)) AS "overdue"
         FROM unnest($1::timestamptz[], $2::timestamptz[]) WITH ORDINALITY AS w(s, e, n)
        ORDER BY w.n`,
      values,
    );
  }
}

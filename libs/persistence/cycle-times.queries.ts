import { DataSource } from 'typeorm';

/** A chain of replacements is a handful of tasks; the bound only guards against a corrupt loop. */
const MAX_CHAIN = 100;

/** The statistics of one group: a proposer unit and a stage name, or a stage name over every unit (`byStageOnly`). */
export interface CycleTimeGroupRow {
  byStageOnly: boolean;
  unitId: string | null;
  unitName: string | null;
  stageName: string;
  decided: number;
  medianHours: number;
  p90Hours: number;
  averageHours: number;
  /** The stage's Batas Waktu (ISO-8601) in the templates of the decisions counted: the most common one; null when none has one. */
  sla: string | null;
}

/**
 * How long approvers take, from the Postgres read model. The clock of a decision starts when its
 * approver slot was first opened: a task that reached the decider because the post changed hands
 * (reassigned) or because an earlier task timed out (escalated) is followed back to the original
 * task, so a rotation or an escalation does not reset the clock.
 */
export class CycleTimeQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The decisions taken in [from, to) (of proposals of `unitId`, when given), grouped per unit and
   * stage and per stage alone, by unit name (per-stage groups first), then stage order.
   */
  async decisionGroups(from: Date, to: Date, unitId?: string): Promise<CycleTimeGroupRow[]> {
    const values: unknown[] = [from, to];
    const unitFilter = unitId ? `AND p.unit_id = $${values.push(unitId)}` : '';
    return this.dataSource.query<CycleTimeGroupRow[]>(
      `WITH RECURSIVE decided AS (
         SELECT t.id, t.stage_name, t.stage_index, t.decided_at, p.unit_id, ct.definition->'stages'->t.stage_index->>'sla' AS sla
           FROM approval_task t JOIN proposal p ON p.id = t.proposal_id LEFT JOIN chain_template ct ON ct.id = p.template_id
          WHERE t.status IN ('approved', 'rejected', 'returned') AND t.decided_at >= $1 AND t.decided_at < $2 ${unitFilter}
       ),
       chain AS (
         SELECT d.id AS decided_id, t.created_at, COALESCE(t.reassigned_from_task_id, t.escalated_from_task_id) AS previous, 0 AS depth
           FROM decided d JOIN approval_task t ON t.id = d.id
         UNION ALL
         SELECT c.decided_id, t.created_at, COALESCE(t.reassigned_from_task_id, t.escalated_from_task_id), c.depth + 1
           FROM chain c JOIN approval_task t ON t.id = c.previous
          WHERE c.depth < ${MAX_CHAIN}
       ),
       cycle AS (
         SELECT d.unit_id, d.stage_name, d.stage_index, d.sla,
                GREATEST(0, EXTRACT(EPOCH FROM (d.decided_at - o.started_at)))::float8 / 3600 AS hours
           FROM decided d JOIN (SELECT decided_id, MIN(created_at) AS started_at FROM chain GROUP BY decided_id) o ON o.decided_id = d.id
       )
       SELECT GROUPING(c.unit_id, u.name) = 3 AS "byStageOnly", c.unit_id AS "unitId", u.name AS "unitName", c.stage_name AS "stageName",
              COUNT(*)::int AS "decided",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY c.hours) AS "medianHours",
              percentile_cont(0.9) WITHIN GROUP (ORDER BY c.hours) AS "p90Hours",
              AVG(c.hours)::float8 AS "averageHours",
              mode() WITHIN GROUP (ORDER BY c.sla) AS "sla"
         FROM cycle c LEFT JOIN org_unit u ON u.id = c.unit_id
        GROUP BY GROUPING SETS ((c.unit_id, u.name, c.stage_name), (c.stage_name))
        ORDER BY "unitName" NULLS FIRST, MIN(c.stage_index), c.stage_name, "unitId"`,
      values,
    );
  }
}

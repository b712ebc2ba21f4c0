import type { Response } from 'supertest';
import type { DataSource } from 'typeorm';
import { eventually } from '../support/app-stack';

/** Every refusal comes in the API's one error shape, whatever raised it. */
export function expectErrorShape(res: Response, statusCode: number, code: string): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status: statusCode, code });
  expect(res.headers['content-type']).toMatch(/application\/json/);
  expect(res.body).toEqual(
    expect.objectContaining({ statusCode, error: expect.any(String), code, message: expect.any(String), correlationId: expect.any(String) }),
  );
  expect(res.body.correlationId).not.toBe('');
}

/** The open tasks of a proposal (read model), once the workflow has opened at least `count` of them. */
export function openTasks(ds: DataSource, proposalId: string, count = 1): Promise<{ id: string; assigneePersonId: string | null }[]> {
  return eventually(async () => {
    const rows = await ds.query<{ id: string; assigneePersonId: string | null }[]>(
      `SELECT id, assignee_person_id AS "assigneePersonId" FROM approval_task WHERE proposal_id = $1 AND status = 'open' ORDER BY slot, created_at`,
      [proposalId],
    );
    return rows.length >= count ? rows : undefined;
  }, 30_000, `${count} open task(s) of proposal ${proposalId}`);
}

/** The proposal's status in the read model, once it is `status`. */
export function proposalStatus(ds: DataSource, proposalId: string, status: string): Promise<string> {
  return eventually(async () => {
    const [row] = await ds.query<{ status: string }[]>('SELECT status FROM proposal WHERE id = $1', [proposalId]);
    return row?.status === status ? row.status : undefined;
  }, 30_000, `proposal ${proposalId} ${status}`);
}

/** How many history rows of each type a proposal has. */
export async function historyCounts(ds: DataSource, proposalId: string): Promise<Record<string, number>> {
  const rows = await ds.query<{ type: string; n: number }[]>(
    'SELECT type, COUNT(*)::int AS n FROM history_event WHERE proposal_id = $1 GROUP BY type',
    [proposalId],
  );
  return Object.fromEntries(rows.map((r) => [r.type, r.n]));
}

import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DEMO_PEOPLE } from '@libs/persistence/seed/demo-organization';
import { note, Progress } from '../lib/progress';
import type { BenchApi } from '../lib/stack';

export interface RotationResult {
  tasks: number;
  /** Time to submit the approvals through the API (not part of the figure). */
  submitSeconds: number;
  /** From the appointment request until every task sat with the new holder. */
  seconds: number;
  tasksPerSecond: number;
  reassignedEvents: number;
  taskRows: number;
}

const nip = () => `88${String(Math.floor(Math.random() * 1e16)).padStart(16, '0')}`;

/**
 * Workload 5: `n` approvals wait at one post; a new definitive holder is appointed through the API and
 * the clock runs until every open task has moved (continuity workflow → one signal per approval →
 * each approval resolves the holder and writes its record). Checks that none was lost or duplicated.
 */
export async function rotation(ds: DataSource, api: BenchApi, n: number): Promise<RotationResult> {
  const unitId = randomUUID();
  const post = randomUUID();
  const staffPost = randomUUID();
  const people = { before: randomUUID(), after: randomUUID(), proposer: randomUUID() };
  const nips = { before: nip(), after: nip(), proposer: nip() };
  const suffix = unitId.slice(0, 8);
  await ds.query(`INSERT INTO org_unit (id, code, name, kind, parent_id) VALUES ($1, $2, $3, 'dinas', NULL)`, [unitId, `BENCH-ROT-${suffix}`, `Dinas Uji Rotasi ${suffix}`]);
  await ds.query(
    `INSERT INTO person (id, nip, name, email, roles) VALUES
       ($1, $4, 'Pejabat Lama', 'lama@contoh.go.id', '{approver}'),
       ($2, $5, 'Pejabat Baru', 'baru@contoh.go.id', '{approver}'),
       ($3, $6, 'Pengusul Uji', 'pengusul@contoh.go.id', '{proposer}')`,
    [people.before, people.after, people.proposer, nips.before, nips.after, nips.proposer],
  );
  await ds.query(
    `INSERT INTO position (id, code, title, unit_id, level, superior_position_id, is_unit_head) VALUES
       ($1, $3, 'Kepala Dinas Uji Rotasi', $5, 'jpt-pratama', NULL, true),
       ($2, $4, 'Staf Uji Rotasi', $5, 'pelaksana', $1, false)`,
    [post, staffPost, `BENCH-KADIS-${suffix}`, `BENCH-STAF-${suffix}`, unitId],
  );
  await ds.query(
    `INSERT INTO appointment (id, position_id, person_id, capacity, starts_at, ends_at) VALUES
       ($1, $3, $4, 'definitif', now() - interval '1 year', NULL), ($2, $5, $6, 'definitif', now() - interval '1 year', NULL)`,
    [randomUUID(), randomUUID(), post, people.before, staffPost, people.proposer],
  );
  const templateCode = `bench-rotasi-${suffix}`;
  await ds.query(`INSERT INTO chain_template (id, code, version, name, categories, definition) VALUES ($1, $2, 1, 'Rotasi uji', '{}', $3)`, [
    randomUUID(),
    templateCode,
    JSON.stringify({ stages: [{ key: 'kadis', name: 'Kepala Dinas', approvers: [{ kind: 'position', positionId: post }], mode: 'any', sla: 'P5D' }] }),
  ]);

  const proposer = await api.tokenFor(nips.proposer);
  const admin = await api.tokenFor(DEMO_PEOPLE.find(([, name]) => name === 'Yoga Permana')![0]);
  const submitStarted = Date.now();
  const submitting = new Progress(`  submitting ${n} approvals at one post`);
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < n) {
        const i = next++;
        const res = await fetch(`${api.baseUrl}/api/proposals`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${proposer}` },
          body: JSON.stringify({
            title: `Usulan rotasi ${i + 1}`, problem: 'Antrean panjang di loket layanan.', proposedChange: 'Antrean daring dengan notifikasi SMS.', category: 'tata-kelola', type: 'digital',
            form: 'tata-kelola', initiatorKind: 'individu', templateCode,
          }),
        });
        if (res.status !== 201) throw new Error(`POST /api/proposals: ${res.status} ${await res.text()}`);
        submitting.update(++done, n);
      }
    }),
  );
  const openWith = async (personId: string) =>
    Number((await ds.query<{ n: string }[]>(`SELECT COUNT(*) AS n FROM approval_task WHERE status = 'open' AND assignee_person_id = $1`, [personId]))[0].n);
  while ((await openWith(people.before)) < n) await new Promise((r) => setTimeout(r, 200));
  const submitSeconds = Math.round((Date.now() - submitStarted) / 100) / 10;
  submitting.done(`${n} open tasks at the post after ${submitSeconds} s`);

  const moving = new Progress(`  rotation moving ${n} open tasks`);
  const started = process.hrtime.bigint();
  const res = await fetch(`${api.baseUrl}/api/positions/${post}/appointments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ personId: people.after, capacity: 'definitif', basis: 'SK uji' }),
  });
  if (res.status !== 201) throw new Error(`appointment: ${res.status} ${await res.text()}`);
  for (;;) {
    const moved = await openWith(people.after);
    moving.update(moved, n);
    if (moved >= n && (await openWith(people.before)) === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const [{ events }] = await ds.query<{ events: string }[]>(
    `SELECT COUNT(*) AS events FROM history_event e JOIN proposal p ON p.id = e.proposal_id WHERE p.template_id = (SELECT id FROM chain_template WHERE code = $1) AND e.type = 'task.reassigned'`,
    [templateCode],
  );
  const [{ rows }] = await ds.query<{ rows: string }[]>(
    `SELECT COUNT(*) AS rows FROM approval_task t JOIN proposal p ON p.id = t.proposal_id WHERE p.template_id = (SELECT id FROM chain_template WHERE code = $1)`,
    [templateCode],
  );
  const result = { tasks: n, submitSeconds, seconds: Math.round(seconds * 100) / 100, tasksPerSecond: Math.round(n / seconds), reassignedEvents: Number(events), taskRows: Number(rows) };
  moving.done(`${n} tasks in ${result.seconds} s (${result.tasksPerSecond}/s)`);
  if (result.reassignedEvents !== n || result.taskRows !== 2 * n) note(`WARNING: expected ${n} reassignments and ${2 * n} task rows, found ${events} and ${rows}`);
  return result;
}

import type { DataSource } from 'typeorm';
import { DEMO_PEOPLE, idOf } from '@libs/persistence/seed/demo-organization';
import { Latency, latency, timeSequential } from '../lib/stats';
import { note, Progress } from '../lib/progress';
import type { BenchApi } from '../lib/stack';

/** Posts and officials the seeded tasks are spread over (besides the inbox measured). */
const POSTS = 1000;
/** Open tasks in the measured person's own inbox, the rest of the table belongs to others. */
const INBOX_TASKS = 50;

export interface ListQueryResult {
  openTasks: number;
  closedTasks: number;
  seedSeconds: number;
  /** GET /api/auth/me: the same HTTP, auth and framework path with no query — the floor under every list. */
  floor: Latency;
  inbox: Latency;
  adminOverdue: Latency;
  adminOpen: Latency;
  adminSummary: Latency;
}

const nipOf = (name: string) => DEMO_PEOPLE.find(([, n]) => n === name)![0];

/**
 * Fills the read model with `open` open tasks (and as many decided ones) on as many proposals, spread
 * over 1,000 posts and officials and the demo units, ~10% of them overdue, then adds `total - current`
 * more when called again with a larger size. Plain SQL: this measures the queries, not the workflows.
 */
export async function seedTasks(ds: DataSource, from: number, to: number): Promise<void> {
  const proposer = idOf('person', nipOf('Rina Wulandari'));
  const siti = idOf('person', nipOf('Siti Rahmawati'));
  const units = (await ds.query<{ id: string }[]>('SELECT id FROM org_unit ORDER BY code')).map((u) => u.id);
  if (from === 0) {
    await ds.query(
      `INSERT INTO person (id, nip, name, email, roles)
       SELECT md5('bench-person-' || g)::uuid, '77' || lpad(g::text, 16, '0'), 'Pejabat Uji ' || g, 'uji' || g || '@contoh.go.id', '{approver}'
         FROM generate_series(1, $1) g`,
      [POSTS],
    );
    await ds.query(
      `INSERT INTO position (id, code, title, unit_id, level, superior_position_id, is_unit_head)
       SELECT md5('bench-post-' || g)::uuid, 'UJI-' || g, 'Jabatan Uji ' || g, ($2::uuid[])[1 + g % array_length($2::uuid[], 1)], 'administrator', NULL, false
         FROM generate_series(1, $1) g`,
      [POSTS, units],
    );
    // Each official holds the post their tasks are addressed to, so the read model is consistent and
    // the continuity workflow has nothing to move.
    await ds.query(
      `INSERT INTO appointment (id, position_id, person_id, capacity, starts_at, ends_at)
       SELECT md5('bench-appointment-' || g)::uuid, md5('bench-post-' || g)::uuid, md5('bench-person-' || g)::uuid, 'definitif', now() - interval '1 year', NULL
         FROM generate_series(1, $1) g`,
      [POSTS],
    );
  }
  // Two tasks per proposal: an approved first stage and the open second one.
  await ds.query(
    `INSERT INTO proposal (id, title, problem, proposed_change, goals, benefits, category, type, form, initiator_kind, proposer_id, unit_id,
                           budget_estimate, indicators, risks, collaborating_unit_ids, attachments, status, workflow_id, current_stage,
                           current_stage_name, version, submitted_at, created_at, updated_at, round, stage_opened_at, escalated)
     SELECT md5('bench-proposal-' || g)::uuid, 'Usulan uji ' || g, 'Masalah', 'Perubahan', 'Tujuan', 'Manfaat', 'tata-kelola', 'digital',
            'tata-kelola', 'individu', $3::uuid, ($4::uuid[])[1 + g % array_length($4::uuid[], 1)], 50000000, '[]', '', '{}', '[]',
            'in_review', 'proposal-' || md5('bench-proposal-' || g)::uuid, 1, 'Tahap ' || (1 + g % 5), 1,
            now() - interval '10 days', now() - interval '10 days', now(), 1, now() - (g % 240) * interval '1 hour', g % 20 = 0
       FROM generate_series($1 + 1, $2) g`,
    [from, to, proposer, units],
  );
  await ds.query(
    `INSERT INTO approval_task (id, proposal_id, stage_index, stage_name, round, slot, escalation_level, reminders_sent, position_id,
                                assignee_person_id, capacity, status, due_at, created_at, decided_at, decided_by_person_id, decision)
     SELECT md5('bench-done-' || g)::uuid, md5('bench-proposal-' || g)::uuid, 0, 'Tahap awal', 1, 0, 0, 0,
            md5('bench-post-' || (1 + (g * 7) % $3))::uuid, md5('bench-person-' || (1 + (g * 7) % $3))::uuid, 'definitif', 'approved',
            now() - interval '8 days', now() - interval '10 days', now() - interval '9 days', md5('bench-person-' || (1 + (g * 7) % $3))::uuid, 'approve'
       FROM generate_series($1 + 1, $2) g`,
    [from, to, POSTS],
  );
  await ds.query(
    `INSERT INTO approval_task (id, proposal_id, stage_index, stage_name, round, slot, escalation_level, reminders_sent, position_id,
                                assignee_person_id, capacity, status, due_at, created_at)
     SELECT md5('bench-open-' || g)::uuid, md5('bench-proposal-' || g)::uuid, 1, 'Tahap ' || (1 + g % 5), 1, 0, (g % 20 = 0)::int, 0,
            CASE WHEN g <= $4 THEN $6::uuid ELSE md5('bench-post-' || (1 + g % $3))::uuid END,
            CASE WHEN g <= $4 THEN $5::uuid ELSE md5('bench-person-' || (1 + g % $3))::uuid END,
            'definitif', 'open', now() + ((g % 100) - 10) * interval '1 hour', now() - (g % 240) * interval '1 hour'
       FROM generate_series($1 + 1, $2) g`,
    [from, to, POSTS, INBOX_TASKS, siti, idOf('position', 'KASI-USAHA')],
  );
  await ds.query('ANALYZE approval_task; ANALYZE proposal;');
}

/** Workload 3: inbox and admin list queries through the HTTP API with `open` open tasks in Postgres. */
export async function listQueries(ds: DataSource, api: BenchApi, open: number, seededSoFar: number, requests: number): Promise<ListQueryResult> {
  const started = Date.now();
  note(`seeding ${open - seededSoFar} more open tasks (and as many decided ones) …`);
  await seedTasks(ds, seededSoFar, open);
  const seedSeconds = Math.round((Date.now() - started) / 100) / 10;
  const siti = await api.tokenFor(nipOf('Siti Rahmawati'));
  const admin = await api.tokenFor(nipOf('Yoga Permana'));
  const get = (path: string, token: string) => async () => {
    const res = await fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  const measure = async (label: string, path: string, token: string) => {
    const progress = new Progress(`  ${label} (${open.toLocaleString('en')} open)`);
    const samples = await timeSequential(requests, get(path, token), undefined, (done) => progress.update(done, requests));
    const figures = latency(samples);
    progress.done(`p50 ${figures.p50} ms, p99 ${figures.p99} ms`);
    return figures;
  };
  return {
    openTasks: open,
    closedTasks: open,
    seedSeconds,
    floor: await measure('floor GET /api/auth/me', '/api/auth/me', siti),
    inbox: await measure('inbox GET /api/tasks', '/api/tasks', siti),
    adminOverdue: await measure('admin overdue', '/api/admin/tasks?view=overdue', admin),
    adminOpen: await measure('admin open', '/api/admin/tasks?view=open', admin),
    adminSummary: await measure('admin summary', '/api/admin/summary', admin),
  };
}

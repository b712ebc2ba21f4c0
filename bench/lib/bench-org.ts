import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { StageDefinition } from '@libs/domain/chain';

export interface BenchOrg {
  suffix: string;
  unitId: string;
  /** Posts from the lowest to the head of the unit; each one's superior is the next. */
  posts: string[];
  /** The definitive holder of each post (same order), and their NIPs. */
  holders: string[];
  holderNips: string[];
  proposer: string;
  proposerNip: string;
}

const nip = () => `88${String(Math.floor(Math.random() * 1e16)).padStart(16, '0')}`;

/**
 * A small unit written straight into the tables (the workloads measure approvals, not set-up): `levels`
 * posts in a line of superiors, each with a definitive holder, and a staff post whose holder proposes.
 */
export async function benchOrg(ds: DataSource, label: string, levels: number): Promise<BenchOrg> {
  const unitId = randomUUID();
  const suffix = unitId.slice(0, 8);
  await ds.query(`INSERT INTO org_unit (id, code, name, kind, parent_id) VALUES ($1, $2, $3, 'dinas', NULL)`, [unitId, `BENCH-${suffix}`, `Dinas ${label} ${suffix}`]);
  const posts = Array.from({ length: levels }, () => randomUUID());
  const holders = Array.from({ length: levels }, () => randomUUID());
  const holderNips = holders.map(() => nip());
  const proposer = randomUUID();
  const proposerNip = nip();
  const staffPost = randomUUID();
  for (let i = levels - 1; i >= 0; i--) {
    await ds.query(`INSERT INTO person (id, nip, name, email, roles) VALUES ($1, $2, $3, $4, '{approver}')`, [holders[i], holderNips[i], `Pejabat ${i + 1} ${suffix}`, `pejabat${i + 1}-${suffix}@contoh.go.id`]);
    await ds.query(
      `INSERT INTO position (id, code, title, unit_id, level, superior_position_id, is_unit_head) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [posts[i], `BENCH-${suffix}-${i + 1}`, `Jabatan ${i + 1} ${label}`, unitId, i === levels - 1 ? 'jpt-pratama' : 'pengawas', posts[i + 1] ?? null, i === levels - 1],
    );
    await ds.query(`INSERT INTO appointment (id, position_id, person_id, capacity, starts_at, ends_at) VALUES ($1, $2, $3, 'definitif', now() - interval '1 year', NULL)`, [randomUUID(), posts[i], holders[i]]);
  }
  await ds.query(`INSERT INTO person (id, nip, name, email, roles) VALUES ($1, $2, $3, $4, '{proposer}')`, [proposer, proposerNip, `Pengusul ${suffix}`, `pengusul-${suffix}@contoh.go.id`]);
  await ds.query(
    `INSERT INTO position (id, code, title, unit_id, level, superior_position_id, is_unit_head) VALUES ($1, $2, $3, $4, 'pelaksana', $5, false)`,
    [staffPost, `BENCH-${suffix}-STAF`, `Staf ${label}`, unitId, posts[0]],
  );
  await ds.query(`INSERT INTO appointment (id, position_id, person_id, capacity, starts_at, ends_at) VALUES ($1, $2, $3, 'definitif', now() - interval '1 year', NULL)`, [randomUUID(), staffPost, proposer]);
  return { suffix, unitId, posts, holders, holderNips, proposer, proposerNip };
}

/** A chain template (version 1) written straight into the table; returns its code. */
export async function benchTemplate(ds: DataSource, code: string, name: string, stages: StageDefinition[]): Promise<string> {
  await ds.query(`INSERT INTO chain_template (id, code, version, name, categories, definition) VALUES ($1, $2, 1, $3, '{}', $4)`, [randomUUID(), code, name, JSON.stringify({ stages })]);
  return code;
}

/** The body of a proposal that is created and submitted at once through `POST /api/proposals`. */
export const proposalBody = (title: string, templateCode: string) => ({
  title,
  problem: 'Antrean panjang di loket layanan.',
  proposedChange: 'Antrean daring dengan notifikasi SMS.',
  category: 'tata-kelola',
  type: 'digital',
  form: 'tata-kelola',
  initiatorKind: 'individu',
  templateCode,
});

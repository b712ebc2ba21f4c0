import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { dataSourceOptions } from '@libs/persistence/data-source-options';
import { HistoryEventEntity, ProposalEntity } from '@libs/persistence/entities';
import { ChainRow, MALFORMED_HISTORY_EVENT, RecordStore } from '@libs/persistence/record.store';
import { idOf } from '@libs/persistence/seed/demo-organization';
import type { NewHistoryEvent } from '@libs/contracts/record.contract';

/** The durable record against real Postgres: schema, idempotency, append-only, tamper evidence. */
describe('record store (Postgres)', () => {
  let ds: DataSource;
  let store: RecordStore;

  beforeAll(async () => {
    ds = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!, { logging: false })).initialize();
    store = new RecordStore(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  async function newProposal(id: string = randomUUID()): Promise<string> {
    await ds.getRepository(ProposalEntity).insert({
      id, title: 'Record store test', problem: 'p', proposedChange: 'c', category: 'tata-kelola', type: 'digital',
      form: 'lainnya', initiatorKind: 'individu', proposerId: idOf('person', '199503122020122001'),
      unitId: idOf('unit', 'DPMPTSP-YAN-USAHA'), status: 'draft',
    });
    return id;
  }

  const at = '2026-01-01T00:00:00.000Z';
  const TASK = '0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e';
  /** A well-formed event of the record's contract: the n-th reminder of one task. */
  const reminder = (n: number): NewHistoryEvent<'task.reminded'> => ({ key: `task:${TASK}:reminder:${n}`, type: 'task.reminded', occurredAt: at, data: { taskId: TASK, reminder: n, dueAt: null } });
  const submitted: NewHistoryEvent<'proposal.submitted'> = {
    key: 'submitted', type: 'proposal.submitted', occurredAt: at,
    data: { template: { id: TASK, code: 'uji', version: 1 }, proposalVersion: 1, facts: { budgetEstimate: null, category: 'tata-kelola', crossAgency: false }, snapshot: null },
  };

  it('has migrations that match the entities exactly', async () => {
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('applies a retried batch once', async () => {
    const proposalId = await newProposal();
    const batch = { proposalId, events: [submitted], proposal: { status: 'submitted' as const } };
    expect(await store.apply(batch)).toEqual({ applied: true });
    expect(await store.apply(batch)).toEqual({ applied: false });
    expect(await ds.getRepository(HistoryEventEntity).countBy({ proposalId })).toBe(1);
    expect((await ds.getRepository(ProposalEntity).findOneByOrFail({ id: proposalId })).status).toBe('submitted');
  });

  it('keeps sequence and hash links intact under concurrent writers of one proposal', async () => {
    const proposalId = await newProposal();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.apply({ proposalId, events: [reminder(i + 1)] })),
    );
    const rows = await store.history(proposalId);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await store.verify(proposalId)).toEqual({ valid: true, count: 20 });
  });

  it('refuses UPDATE and DELETE on the history table', async () => {
    const proposalId = await newProposal();
    await store.apply({ proposalId, events: [reminder(1)] });
    await expect(ds.query(`UPDATE history_event SET type = 'forged' WHERE proposal_id = $1`, [proposalId])).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM history_event WHERE proposal_id = $1`, [proposalId])).rejects.toThrow(/append-only/);
  });

  it('names exactly the row that was altered around the trigger', async () => {
    const proposalId = await newProposal();
    for (const n of [1, 2, 3, 4]) await store.apply({ proposalId, events: [reminder(n)] });
    const third = (await store.history(proposalId))[2];
    // A superuser can bypass triggers; the hash chain still shows the edit.
    await ds.transaction(async (em) => {
      await em.query(`SET LOCAL session_replication_role = replica`);
      await em.query(`UPDATE history_event SET data = jsonb_set(data, '{reminder}', '9') WHERE id = $1`, [third.id]);
    });
    expect(await store.verify(proposalId)).toEqual({
      valid: false,
      count: 4,
      brokenAt: { id: third.id, seq: 3, reason: 'content does not match its hash' },
    });
  });

  it('refuses a malformed event as a non-retryable failure and writes nothing of its batch', async () => {
    const proposalId = await newProposal();
    const malformed = { ...reminder(2), data: { taskId: 'tugas-2', reminder: 2, dueAt: null } };
    await expect(store.apply({ proposalId, events: [reminder(1), malformed], proposal: { status: 'submitted' } })).rejects.toMatchObject({
      type: MALFORMED_HISTORY_EVENT,
      nonRetryable: true,
      message: expect.stringContaining('data.taskId: expected a UUID, got "tugas-2"'),
    });
    expect(await ds.getRepository(HistoryEventEntity).countBy({ proposalId })).toBe(0);
    expect((await ds.getRepository(ProposalEntity).findOneByOrFail({ id: proposalId })).status).toBe('draft');
  });

  it('verifies a record stored before the typed contract, and chains new rows onto it', async () => {
    const fixture = JSON.parse(readFileSync(join(__dirname, '../libs/persistence/record.store.fixture.json'), 'utf8')) as { proposalId: string; rows: ChainRow[] };
    const proposalId = await newProposal(fixture.proposalId);
    // Written as it was stored then, around the store: jsonb payloads are plain JSON, which TypeORM's deep-partial type cannot express.
    await ds.getRepository(HistoryEventEntity).insert(fixture.rows.map((r) => ({ ...r, occurredAt: new Date(r.occurredAt) }) as QueryDeepPartialEntity<HistoryEventEntity>));
    expect(await store.verify(proposalId)).toEqual({ valid: true, count: 25 });
    // The fixture's task was reminded once already: the second reminder is a new fact.
    expect(await store.apply({ proposalId, events: [reminder(2)] })).toEqual({ applied: true });
    expect(await store.verify(proposalId)).toEqual({ valid: true, count: 26 });
    expect((await store.history(proposalId))[25].prevHash).toBe(fixture.rows[24].hash);
  });
});

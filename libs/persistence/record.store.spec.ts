import { ApplicationFailure } from '@temporalio/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NewHistoryEvent, RecordBatch } from '@libs/contracts/record.contract';
import { verifyChain } from '@libs/domain/history-hash';
import { assertWellFormed, chainRows, ChainRow, MALFORMED_HISTORY_EVENT } from './record.store';

/** Batches given to the store before the record had a typed contract, and the rows it stored for them. */
const fixture = JSON.parse(readFileSync(join(__dirname, 'record.store.fixture.json'), 'utf8')) as {
  proposalId: string;
  batches: { events: NewHistoryEvent[] }[];
  rows: ChainRow[];
};

/** The rows the store appends today for the fixture's batches, in order, as it chains them batch by batch. */
function rowsWrittenToday(): ChainRow[] {
  const rows: ChainRow[] = [];
  for (const batch of fixture.batches) {
    const tail = rows.at(-1);
    rows.push(...chainRows(fixture.proposalId, batch.events, tail?.seq ?? 0, tail?.hash ?? null));
  }
  return rows;
}

describe('the record store', () => {
  it('still verifies the rows it stored before the typed contract', () => {
    expect(fixture.rows).toHaveLength(25);
    expect(verifyChain(fixture.rows)).toEqual({ valid: true, count: 25 });
  });

  it('hashes the same events exactly as it did then, so old and new rows chain together', () => {
    expect(rowsWrittenToday()).toEqual(fixture.rows);
  });

  it('accepts every batch of the old record under the typed contract', () => {
    for (const { events } of fixture.batches) expect(() => assertWellFormed({ proposalId: fixture.proposalId, events })).not.toThrow();
  });

  it('refuses a batch with a malformed event before anything is hashed, as a non-retryable failure naming the event', () => {
    const [submitted, opened] = fixture.batches[0].events;
    const batch = { proposalId: fixture.proposalId, events: [submitted, { ...opened, data: { ...opened.data, round: 0 } }] } as RecordBatch;
    let failure: unknown;
    try {
      assertWellFormed(batch);
    } catch (err) {
      failure = err;
    }
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: MALFORMED_HISTORY_EVENT, nonRetryable: true });
    expect((failure as Error).message).toContain('history event 2 of the batch');
    expect((failure as Error).message).toContain('data.round: expected a whole number from 1, got 0');
  });

  it('detects an edit of an old row', () => {
    const rows = fixture.rows.map((r) => ({ ...r }));
    rows[7] = { ...rows[7], data: { ...rows[7].data, comment: 'diubah' } };
    expect(verifyChain(rows)).toMatchObject({ valid: false, brokenAt: { seq: 8, reason: 'content does not match its hash' } });
  });
});

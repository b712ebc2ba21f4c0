import type { RecordBatch } from '@libs/contracts/record.contract';
import { DecisionQueue } from './decision-queue';
import { mergeBatches, SerialWriter } from './serial-writer';

const event = (key: string) => ({ key, type: 'task.overdue' as const, occurredAt: '2026-01-05T00:00:00.000Z', data: { taskId: key, dueAt: null } });

/** A record activity that completes only when the test says so. */
function fakeRecord() {
  const calls: { batch: RecordBatch; done: () => void }[] = [];
  const record = (batch: RecordBatch) => new Promise<void>((resolve) => calls.push({ batch, done: resolve }));
  return { calls, record };
}

const turns = () => new Promise((resolve) => setImmediate(resolve));

describe('mergeBatches', () => {
  it('keeps the first batch’s facts first and merges the proposal changes', () => {
    const merged = mergeBatches(
      { events: [event('a')], tasks: [{ id: 't1', remindersSent: 1 }], proposal: { status: 'submitted' } },
      { events: [event('b')], notifications: [{ key: 'n', kind: 'admin.alert' }], proposal: { status: 'in_review', round: 1 } },
    );
    expect(merged.events.map((e) => e.key)).toEqual(['a', 'b']);
    expect(merged.tasks).toEqual([{ id: 't1', remindersSent: 1 }]);
    expect(merged.notifications).toHaveLength(1);
    expect(merged.proposal).toEqual({ status: 'in_review', round: 1 });
    expect(mergeBatches({ events: [] }, { events: [] }).proposal).toBeUndefined();
  });
});

describe('SerialWriter', () => {
  it('writes one batch at a time, in the order they were given', async () => {
    const { calls, record } = fakeRecord();
    const writer = new SerialWriter('p1', record, new DecisionQueue());
    const first = writer.write({ events: [event('a')] });
    const second = writer.write({ events: [event('b')] });
    await turns();
    expect(calls.map((c) => c.batch.events[0].key)).toEqual(['a']);
    expect(writer.inFlight).toBe(2);
    calls[0].done();
    await first;
    await turns();
    expect(calls.map((c) => c.batch.events[0].key)).toEqual(['a', 'b']);
    expect(calls[1].batch.proposalId).toBe('p1');
    calls[1].done();
    await second;
    expect(writer.inFlight).toBe(0);
  });

  it('carries facts into the next write and answers the decisions they settle once it is written', async () => {
    const { calls, record } = fakeRecord();
    const decisions = new DecisionQueue();
    const writer = new SerialWriter('p1', record, decisions);
    const ticket = decisions.accept();
    writer.carry({ events: [event('decided')] });
    writer.carry({ events: [event('stage-approved')] }, decisions.upToNow());
    expect(writer.carrying).toBe(true);
    const written = writer.write({ events: [event('next-stage-opened')] });
    expect(writer.carrying).toBe(false);
    await turns();
    expect(calls[0].batch.events.map((e) => e.key)).toEqual(['decided', 'stage-approved', 'next-stage-opened']);
    expect(ticket.answered).toBe(false);
    calls[0].done();
    await written;
    expect(ticket.answered).toBe(true);
  });

  it('flushes what was carried on its own', async () => {
    const { calls, record } = fakeRecord();
    const writer = new SerialWriter('p1', record, new DecisionQueue());
    writer.carry({ events: [event('decided')] });
    const flushed = writer.flush();
    await turns();
    expect(calls[0].batch.events.map((e) => e.key)).toEqual(['decided']);
    calls[0].done();
    await flushed;
  });

  it('keeps writing after a failed write, and leaves its decisions unanswered', async () => {
    const decisions = new DecisionQueue();
    let fail = true;
    const keys: string[] = [];
    const writer = new SerialWriter('p1', async (b) => {
      keys.push(b.events[0].key);
      if (fail) throw new Error('cancelled');
    }, decisions);
    const ticket = decisions.accept();
    writer.carry({ events: [event('decided')] }, [ticket]);
    await expect(writer.write({ events: [event('a')] })).rejects.toThrow('cancelled');
    fail = false;
    await writer.write({ events: [event('b')] });
    expect(keys).toEqual(['decided', 'b']);
    expect(ticket.answered).toBe(false);
    expect(writer.inFlight).toBe(0);
  });
});

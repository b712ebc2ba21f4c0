import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HISTORY_EVENT_TYPES, HISTORY_EVENT_VERSIONS, NewHistoryEvent } from './record.contract';
import { historyDataIssues, historyEventIssues, isNewHistoryEvent, readHistoryFact } from './record.validation';

const HISTORIES = join(__dirname, '../../test/replay/histories');

/** Every event the workflow handed to its `record` activity in the saved runs (three releases of workflow code). */
function recordedByTheWorkflow(): { file: string; event: NewHistoryEvent }[] {
  return readdirSync(HISTORIES).flatMap((file) => {
    const history = JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')) as {
      events: { activityTaskScheduledEventAttributes?: { activityType: { name: string }; input: { payloads: { data: string }[] } } }[];
    };
    return history.events.flatMap((e) => {
      const scheduled = e.activityTaskScheduledEventAttributes;
      if (scheduled?.activityType.name !== 'record') return [];
      return scheduled.input.payloads.flatMap((p) => (JSON.parse(Buffer.from(p.data, 'base64').toString('utf8')) as { events: NewHistoryEvent[] }).events.map((event) => ({ file, event })));
    });
  });
}

const TASK = '0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e';
const PERSON = '7a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9';
const decided = (data: Record<string, unknown> = {}, envelope: Record<string, unknown> = {}): unknown => ({
  key: `task:${TASK}:decided`,
  type: 'task.decided',
  occurredAt: '2026-03-04T10:30:00.000Z',
  actorPersonId: PERSON,
  capacity: 'plt',
  data: { taskId: TASK, stageIndex: 0, round: 1, slot: 0, decision: 'return', comment: 'Mohon dilengkapi.', onEscalation: false, proposalVersion: 1, ...data },
  ...envelope,
});

describe('the record contract', () => {
  it('gives every event type a schema version', () => {
    for (const type of HISTORY_EVENT_TYPES) expect(HISTORY_EVENT_VERSIONS[type]).toBeGreaterThanOrEqual(1);
    expect(new Set(HISTORY_EVENT_TYPES).size).toBe(HISTORY_EVENT_TYPES.length);
  });
});

describe('historyEventIssues', () => {
  it('accepts every event the workflow wrote in the saved runs', () => {
    const written = recordedByTheWorkflow();
    expect(written.length).toBeGreaterThan(150);
    // 17 of the 20 types occur in those runs; the others are covered below and by the store's fixture.
    expect(new Set(written.map((w) => w.event.type)).size).toBeGreaterThanOrEqual(17);
    const refused = written.map(({ file, event }) => ({ file, type: event.type, issues: historyEventIssues(event) })).filter((r) => r.issues.length);
    expect(refused).toEqual([]);
  });

  it('accepts a draft withdrawal, which records only the reason', () => {
    expect(historyEventIssues({ key: 'proposal:withdrawn', type: 'proposal.withdrawn', occurredAt: '2026-03-02T08:15:00.000Z', actorPersonId: PERSON, data: { reason: 'Tidak jadi.' } })).toEqual([]);
  });

  it('accepts optional fields left out and nullable ones null', () => {
    expect(historyEventIssues(decided({ comment: null }, { capacity: null, actorPositionId: undefined }))).toEqual([]);
    expect(historyEventIssues(decided({ onBehalfOf: { personId: PERSON, name: null } }))).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['an unknown type', decided({}, { type: 'task.something-new' }), 'type: not a history event type: "task.something-new"'],
    ['a missing field', decided({ decision: undefined }), 'data.decision: expected one of approve, reject, return, got undefined'],
    ['a field of the wrong type', decided({ round: '1' }), 'data.round: expected a whole number from 1, got "1"'],
    ['a field the type does not have', decided({ decison: 'approve' }), 'data.decison: not a field of this event'],
    ['a malformed id', decided({ taskId: 'task-1' }), 'data.taskId: expected a UUID, got "task-1"'],
    ['a nested field of the wrong shape', decided({ onBehalfOf: { personId: PERSON } }), 'data.onBehalfOf.name: expected a string, got undefined'],
    ['no data at all', decided({}, { data: undefined }), 'data: expected an object, got undefined'],
    ['an empty key', decided({}, { key: '' }), 'event.key: expected a non-empty string, got ""'],
    ['a time that is not ISO-8601', decided({}, { occurredAt: 'yesterday' }), 'event.occurredAt: expected an ISO-8601 date-time, got "yesterday"'],
    ['an unknown capacity', decided({}, { capacity: 'acting' }), 'event.capacity: expected one of definitif, plt, plh, delegate, disposisi, got "acting"'],
  ])('refuses %s, naming where', (_case, event, issue) => {
    expect(historyEventIssues(event)).toContain(issue);
    expect(isNewHistoryEvent(event)).toBe(false);
  });

  it('refuses what is not an event at all', () => {
    expect(historyEventIssues(null)).toEqual(['event: expected an object, got null']);
    expect(historyEventIssues([])).toEqual(['event: expected an object, got an array']);
  });

  it('refuses content that is not plain JSON, which could not be hashed the same way again', () => {
    const submitted = (snapshot: unknown) => ({
      type: 'proposal.submitted',
      data: { template: { id: TASK, code: 'inovasi', version: 1 }, proposalVersion: 1, facts: { budgetEstimate: null, category: 'tata-kelola', crossAgency: false }, snapshot },
    });
    expect(historyDataIssues(submitted({ title: 'x', indicators: [{ name: 'y' }] }).type, submitted({ title: 'x', indicators: [{ name: 'y' }] }).data)).toEqual([]);
    for (const bad of [{ budget: Number.NaN }, { at: new Date() }, { nested: { f: () => 1 } }]) {
      expect(historyDataIssues('proposal.submitted', submitted(bad).data)).toEqual([expect.stringMatching(/^data\.snapshot: expected a JSON object/)]);
    }
  });

  it('checks a stage condition by its field', () => {
    const skipped = (condition: unknown) => ({ stageIndex: 1, stage: 'Sekda', round: 1, condition, facts: { budgetEstimate: 1, category: 'x', crossAgency: true } });
    expect(historyDataIssues('stage.skipped', skipped({ field: 'category', op: 'in', value: ['a'] }))).toEqual([]);
    expect(historyDataIssues('stage.skipped', skipped(null))).toEqual([]);
    expect(historyDataIssues('stage.skipped', skipped({ field: 'category', op: 'gte', value: ['a'] }))).toEqual(['data.condition.op: expected one of in, got "gte"']);
    expect(historyDataIssues('stage.skipped', skipped({ field: 'unit', op: 'eq', value: 1 }))).toEqual(['data.condition.field: expected one of budgetEstimate, category, crossAgency, got "unit"']);
  });

  it('checks a stage mode as any, all or quorum:k', () => {
    const opened = (mode: unknown) => historyDataIssues('stage.opened', { stageIndex: 0, stage: 'Kabid', mode, round: 1 });
    expect(opened('quorum:2')).toEqual([]);
    expect(opened('quorum:0')).toEqual(['data.mode: expected any, all or quorum:k, got "quorum:0"']);
  });
});

describe('readHistoryFact', () => {
  it('narrows a stored row to its fact', () => {
    const fact = readHistoryFact('stage.blocked', { stageIndex: 2, stage: 'Kepala Dinas', round: 1, reason: 'no head' });
    expect(fact?.type).toBe('stage.blocked');
    if (fact?.type === 'stage.blocked') expect(fact.data.reason).toBe('no head');
  });

  it('gives null for a row of an unknown type or whose data does not match its type', () => {
    expect(readHistoryFact('task.delegated', {})).toBeNull();
    expect(readHistoryFact('stage.blocked', { stageIndex: 2 })).toBeNull();
  });
});

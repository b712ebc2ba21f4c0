import { blockedStageReason, StuckFacts, stuckReason } from './stuck-reason';

const wib = (local: string) => new Date(`${local}+07:00`);
// Thursday 2026-03-12, 10:00 in Jakarta.
const now = wib('2026-03-12T10:00:00');

const facts = (over: Partial<StuckFacts> = {}): StuckFacts => ({
  status: 'open',
  assigneePersonId: 'p1',
  createdAt: wib('2026-03-09T10:00:00'),
  dueAt: wib('2026-03-16T10:00:00'),
  lastEndedAt: null,
  lastEndedCapacity: null,
  timeoutOutcome: null,
  timeoutAt: null,
  ...over,
});

describe('stuckReason', () => {
  it('gives no reason for an open task on time, nor for a closed one', () => {
    expect(stuckReason(facts(), now)).toBeNull();
    expect(stuckReason(facts({ status: 'approved', assigneePersonId: null, dueAt: wib('2026-03-01T00:00:00') }), now)).toBeNull();
  });

  it('says nobody holds the post, since the task was created (3 working days ago)', () => {
    expect(stuckReason(facts({ assigneePersonId: null }), now)).toEqual({ kind: 'no-holder', since: wib('2026-03-09T10:00:00'), workingDays: 3 });
  });

  it('counts a vacancy that began after the task from when the holder left', () => {
    const left = wib('2026-03-11T10:00:00');
    expect(stuckReason(facts({ assigneePersonId: null, lastEndedAt: left, lastEndedCapacity: 'definitif' }), now)).toEqual({ kind: 'no-holder', since: left, workingDays: 1 });
    // A holder who left long before the task: the task has waited since it was created.
    const before = wib('2025-12-01T10:00:00');
    expect(stuckReason(facts({ assigneePersonId: null, lastEndedAt: before, lastEndedCapacity: 'definitif' }), now)?.since).toEqual(wib('2026-03-09T10:00:00'));
  });

  it.each(['plt', 'plh'])('says the %s term ended when the last one to act for the post was acting, since the end of the term', (capacity) => {
    const ended = wib('2026-03-02T00:00:00');
    expect(stuckReason(facts({ assigneePersonId: null, lastEndedAt: ended, lastEndedCapacity: capacity }), now)).toEqual({
      kind: 'acting-term-ended',
      since: ended,
      workingDays: 8,
    });
  });

  it('puts a vacant post before the timeout and the due time', () => {
    const f = facts({ assigneePersonId: null, dueAt: wib('2026-03-10T10:00:00'), timeoutOutcome: 'escalation-cap-reached', timeoutAt: wib('2026-03-10T10:00:00') });
    expect(stuckReason(f, now)?.kind).toBe('no-holder');
  });

  it('says the escalation cap was reached, since the timeout', () => {
    const at = wib('2026-03-11T10:00:00');
    const f = facts({ dueAt: wib('2026-03-11T09:00:00'), timeoutOutcome: 'escalation-cap-reached', timeoutAt: at });
    expect(stuckReason(f, now)).toEqual({ kind: 'escalation-cap-reached', since: at, workingDays: 1 });
  });

  it.each(['no-superior-post', 'escalation-target-unresolved'])('says the escalation found nobody when the outcome is %s', (outcome) => {
    const at = wib('2026-03-11T10:00:00');
    expect(stuckReason(facts({ dueAt: at, timeoutOutcome: outcome, timeoutAt: at }), now)?.kind).toBe('escalation-unresolved');
  });

  it('says overdue, since the due time, when the policy only told the administrators', () => {
    const due = wib('2026-03-12T09:00:00');
    expect(stuckReason(facts({ dueAt: due, timeoutOutcome: 'notify-admin', timeoutAt: due }), now)).toEqual({ kind: 'overdue', since: due, workingDays: 0 });
  });

  it('counts working days only: a task due on Friday evening is one working day late on Tuesday morning', () => {
    const due = wib('2026-03-13T18:00:00');
    expect(stuckReason(facts({ dueAt: due }), wib('2026-03-17T09:00:00'))).toEqual({ kind: 'overdue', since: due, workingDays: 1 });
    expect(stuckReason(facts({ dueAt: due }), wib('2026-03-17T09:00:00'), ['2026-03-16'])?.workingDays).toBe(0);
  });
});

describe('blockedStageReason', () => {
  it('says the stage is blocked since it was found so', () => {
    const since = wib('2026-03-05T10:00:00');
    expect(blockedStageReason(since, now)).toEqual({ kind: 'blocked-stage', since, workingDays: 5 });
  });
});

import { timeoutPolicyOf } from '@libs/domain/chain';
import { alertReason, markDue, timeoutPlan } from './timer-policy';
import { nextWake, reminderTimes, timeoutTime } from './timing';
import { stageDef, task } from './spec-helpers';

const at = (iso: string) => Date.parse(iso);
const def = stageDef({ sla: 'P3D', reminders: ['P1D', 'P2D'], onTimeout: { action: 'escalate-superior', after: 'P1D' } });
const opened = () => task({ createdAt: '2026-01-05T00:00:00.000Z', dueAt: '2026-01-08T00:00:00.000Z' });

describe('timing', () => {
  it('counts reminders from the slot’s first clock and the timeout from the due time plus grace', () => {
    expect(reminderTimes(def, opened()).map((m) => new Date(m).toISOString())).toEqual(['2026-01-06T00:00:00.000Z', '2026-01-07T00:00:00.000Z']);
    expect(reminderTimes(def, { ...opened(), openedAt: '2026-01-04T00:00:00.000Z' })[0]).toBe(at('2026-01-05T00:00:00.000Z'));
    expect(timeoutTime(def, opened())).toBe(at('2026-01-09T00:00:00.000Z'));
    expect(timeoutTime(def, task())).toBeNull();
  });

  it('wakes for the next reminder, then the due time, then the timeout, and never for a closed task', () => {
    const t = opened();
    expect(nextWake(def, [t])).toBe(at('2026-01-06T00:00:00.000Z'));
    t.remindersSent = 2;
    expect(nextWake(def, [t])).toBe(at('2026-01-08T00:00:00.000Z'));
    t.overdueAt = '2026-01-08T00:00:00.000Z';
    expect(nextWake(def, [t])).toBe(at('2026-01-09T00:00:00.000Z'));
    t.timeoutHandled = true;
    expect(nextWake(def, [t])).toBeNull();
    expect(nextWake(def, [{ ...opened(), status: 'approved' }])).toBeNull();
  });
});

describe('markDue', () => {
  it('marks every reminder due and the overdue mark, once each, in one batch', () => {
    const t = opened();
    const due = markDue(def, [t], at('2026-01-08T12:00:00.000Z'), '2026-01-08T12:00:00.000Z');
    expect(due.batch?.events.map((e) => e.type)).toEqual(['task.reminded', 'task.reminded', 'task.overdue']);
    expect(due.batch?.notifications?.map((n) => n.kind)).toEqual(['task.reminder', 'task.reminder', 'task.overdue']);
    expect(due.batch?.tasks).toEqual([{ id: 't1', remindersSent: 1 }, { id: 't1', remindersSent: 2 }, { id: 't1', overdueAt: '2026-01-08T12:00:00.000Z' }]);
    expect(t).toMatchObject({ remindersSent: 2, overdueAt: '2026-01-08T12:00:00.000Z' });
    expect(due.timedOut).toEqual([]);
    expect(markDue(def, [t], at('2026-01-08T13:00:00.000Z'), 'x').batch).toBeNull();
  });

  it('reminds nobody at a vacant post but still records the reminder', () => {
    const due = markDue(def, [{ ...opened(), assigneePersonId: null }], at('2026-01-06T00:00:00.000Z'), 'now');
    expect(due.batch?.events).toHaveLength(1);
    expect(due.batch?.notifications).toEqual([]);
  });

  it('hands over the tasks whose timeout applies, until it was handled', () => {
    const t = { ...opened(), remindersSent: 2, overdueAt: '2026-01-08T00:00:00.000Z' };
    expect(markDue(def, [t], at('2026-01-09T00:00:00.000Z'), 'now')).toEqual({ batch: null, timedOut: [t] });
    t.timeoutHandled = true;
    expect(markDue(def, [t], at('2026-01-10T00:00:00.000Z'), 'now').timedOut).toEqual([]);
  });
});

describe('timeoutPlan', () => {
  it('escalates until the cap, then only alerts', () => {
    const policy = timeoutPolicyOf(stageDef({ onTimeout: { action: 'escalate-superior', maxEscalations: 1 } }));
    const first = timeoutPlan(policy, task());
    expect(first).toMatchObject({ escalates: true, capped: false, lookUpTarget: true, targetPositionId: undefined });
    expect(alertReason(first)).toBe('no-superior-post');
    expect(alertReason(first, true)).toBe('escalation-target-unresolved');
    const capped = timeoutPlan(policy, task({ escalationLevel: 1 }));
    expect(capped).toMatchObject({ capped: true, lookUpTarget: false });
    expect(alertReason(capped)).toBe('escalation-cap-reached');
  });

  it('names the post of escalate-to and only alerts under notify-admin', () => {
    expect(timeoutPlan(timeoutPolicyOf(stageDef({ onTimeout: { action: 'escalate-to', positionId: 'kadis' } })), task()).targetPositionId).toBe('kadis');
    const notify = timeoutPlan(timeoutPolicyOf(stageDef({ onTimeout: { action: 'notify-admin' } })), task({ escalationLevel: 5 }));
    expect(notify).toMatchObject({ escalates: false, capped: false, lookUpTarget: false });
    expect(alertReason(notify)).toBe('notify-admin');
  });
});

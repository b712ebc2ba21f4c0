import { differencesBetween, fingerprintOf, RequestIdentity, reuseMessage } from './idempotency-rule';

describe('the Idempotency-Key rule', () => {
  const decision = (request: Record<string, unknown>, target = 'task-1'): RequestIdentity => ({ operation: 'decision', target, request });

  it('gives the same request the same fingerprint, whatever the order of its fields', () => {
    expect(fingerprintOf(decision({ decision: 'approve', comment: null }))).toBe(fingerprintOf(decision({ comment: null, decision: 'approve' })));
    expect(fingerprintOf(decision({ decision: 'approve', comment: null }))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tells requests apart by operation, object and every meaningful field', () => {
    const base = fingerprintOf(decision({ decision: 'approve', comment: null }));
    expect(fingerprintOf(decision({ decision: 'reject', comment: null }))).not.toBe(base);
    expect(fingerprintOf(decision({ decision: 'approve', comment: 'ok' }))).not.toBe(base);
    expect(fingerprintOf(decision({ decision: 'approve', comment: null }, 'task-2'))).not.toBe(base);
    expect(fingerprintOf({ operation: 'cancel', target: 'task-1', request: { decision: 'approve', comment: null } })).not.toBe(base);
  });

  it('names what differs: the operation, the object, or the fields', () => {
    const first = decision({ decision: 'approve', comment: null });
    expect(differencesBetween(first, { ...first, operation: 'cancel' })).toEqual(['operation']);
    expect(differencesBetween(first, decision({ decision: 'approve', comment: null }, 'task-2'))).toEqual(['target']);
    expect(differencesBetween(first, decision({ decision: 'reject', comment: 'Tidak.' }))).toEqual(['comment', 'decision']);
    expect(differencesBetween(first, decision({ decision: 'approve' }))).toEqual([]);
    expect(differencesBetween({ operation: 'assign', target: 'tasks', request: { taskIds: ['a', 'b'] } }, { operation: 'assign', target: 'tasks', request: { taskIds: ['a'] } })).toEqual(['taskIds']);
  });

  it('says in words why a key is refused', () => {
    const first = decision({ decision: 'approve', comment: null });
    expect(reuseMessage(first, ['comment', 'decision'])).toBe('was already used for a decision with a different comment, decision');
    expect(reuseMessage(first, ['target'])).toBe('was already used for a decision on another object (task-1)');
    expect(reuseMessage({ ...first, operation: 'resubmit' }, [])).toBe('was already used for a resubmission that has since been superseded');
  });
});

import { DecisionFailure, isRefusalType, REFUSAL_CODES, REFUSAL_HTTP_STATUS, Refusals } from './approval-refusals';

describe('approval refusals', () => {
  it('gives every failure type an API code and an HTTP status', () => {
    for (const type of Object.values(DecisionFailure)) {
      expect(REFUSAL_CODES[type]).toMatch(/^[A-Z_]+$/);
      expect([403, 404, 409, 422]).toContain(REFUSAL_HTTP_STATUS[type]);
    }
  });

  it('recognises its own failure types only', () => {
    expect(isRefusalType('AlreadyDecided')).toBe(true);
    expect(isRefusalType('ApproverNotFound')).toBe(false);
    expect(isRefusalType('toString')).toBe(false);
    expect(isRefusalType(undefined)).toBe(false);
  });

  it('names who decided a closed task, and its status when the read model answers', () => {
    expect(Refusals.closed('Budi')).toEqual({
      type: 'AlreadyDecided',
      message: 'This task is already closed: decided by Budi.',
      details: { decidedBy: 'Budi' },
    });
    expect(Refusals.closed(undefined).message).toBe('This task is already closed.');
    expect(Refusals.closed(null, 'cancelled')).toEqual({
      type: 'AlreadyDecided',
      message: 'This task is already closed (cancelled).',
      details: { decidedBy: null, status: 'cancelled' },
    });
    expect(Refusals.decidedBy(null).message).toBe('This task is already closed: decided by another official.');
  });

  it('says where an escalated or moved task went', () => {
    expect(Refusals.escalated('Sari').message).toBe('This task passed its due time and was escalated to Sari.');
    expect(Refusals.escalated(null)).toMatchObject({ message: 'This task passed its due time and was escalated.', details: { escalatedTo: null } });
    expect(Refusals.reassigned(undefined).message).toBe('This task moved to the post, now vacant because the person acting for the post changed.');
  });

  it('names the capacity a non-definitive holder acts in', () => {
    expect(Refusals.requiresDefinitive('plt')).toMatchObject({ type: 'RequiresDefinitive', details: { capacity: 'plt' } });
    expect(Refusals.requiresDefinitive('plt').message).toContain('you act as Plt.');
    expect(Refusals.requiresDefinitive(undefined).message).toContain('you act as a delegate');
  });

  it('asks for the reason each kind of act needs', () => {
    expect(Refusals.decisionReasonRequired('reject').message).toBe('A rejection needs a reason.');
    expect(Refusals.decisionReasonRequired('return').message).toBe('A return needs a reason.');
    expect(Refusals.closeReasonRequired('withdrawn').message).toBe('A withdrawal needs a reason.');
    expect(Refusals.closeReasonRequired('cancelled').message).toBe('A cancellation needs a reason.');
    expect(Refusals.assignReasonRequired().type).toBe('ReasonRequired');
  });
});

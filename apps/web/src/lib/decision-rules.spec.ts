import { describe, expect, it } from '@jest/globals';
import { needsConfirmation, needsReason } from './decision-rules';

describe('decision rules', () => {
  it('asks a reason for a rejection or a return, not for an approval', () => {
    expect(needsReason('approve')).toBe(false);
    expect(needsReason('reject')).toBe(true);
    expect(needsReason('return')).toBe(true);
  });

  it('asks to confirm the decisions that move the proposal on or end it, not a return', () => {
    expect(needsConfirmation('approve')).toBe(true);
    expect(needsConfirmation('reject')).toBe(true);
    expect(needsConfirmation('return')).toBe(false);
  });
});

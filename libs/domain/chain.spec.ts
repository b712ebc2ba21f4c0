import { quorumOf, SlotState, stageOutcome } from './chain';

const slots = (...statuses: SlotState['status'][]): SlotState[] => statuses.map((status) => ({ status }));

describe('stageOutcome', () => {
  it('settles an `any` stage on the first approval or rejection', () => {
    expect(stageOutcome('any', slots('open', 'open'))).toBe('pending');
    expect(stageOutcome('any', slots('approved', 'open'))).toBe('approved');
    expect(stageOutcome('any', slots('open', 'rejected'))).toBe('rejected');
  });

  it('needs every slot of an `all` stage, and any rejection rejects it', () => {
    expect(stageOutcome('all', slots('approved', 'open', 'approved'))).toBe('pending');
    expect(stageOutcome('all', slots('approved', 'approved', 'approved'))).toBe('approved');
    expect(stageOutcome('all', slots('approved', 'rejected', 'open'))).toBe('rejected');
  });

  it('approves a quorum stage at k approvals and rejects it once k is out of reach', () => {
    expect(stageOutcome('quorum:2', slots('approved', 'open', 'open'))).toBe('pending');
    expect(stageOutcome('quorum:2', slots('approved', 'rejected', 'approved'))).toBe('approved');
    expect(stageOutcome('quorum:2', slots('rejected', 'rejected', 'open'))).toBe('rejected');
    expect(stageOutcome('quorum:2', slots('rejected', 'approved', 'open'))).toBe('pending');
  });

  it('treats a return for revision as settling the stage', () => {
    expect(stageOutcome('all', slots('approved', 'returned', 'open'))).toBe('returned');
  });

  it('caps a quorum at the number of slots', () => {
    expect(quorumOf('quorum:5', 3)).toBe(3);
    expect(quorumOf('any', 3)).toBe(1);
    expect(quorumOf('all', 4)).toBe(4);
  });
});

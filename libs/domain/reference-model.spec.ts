import { applyStep, initialModel, ModelStage, taskSignature } from './reference-model';

const stage = (over: Partial<ModelStage> = {}): ModelStage => ({
  mode: 'any',
  slots: 1,
  mayReturn: false,
  onTimeout: { action: 'escalate-superior', maxEscalations: 2 },
  applies: true,
  ...over,
});

describe('reference model', () => {
  it('walks an approved chain stage by stage and skips stages whose condition does not hold', () => {
    const stages = [stage(), stage({ applies: false }), stage({ mode: 'all', slots: 2 })];
    const m = initialModel(stages);
    expect(applyStep(stages, m, { kind: 'decide', slot: 0, decision: 'approve' })).toBeNull();
    expect(m.stage).toBe(2);
    applyStep(stages, m, { kind: 'decide', slot: 1, decision: 'approve' });
    expect(m.status).toBe('in_review');
    applyStep(stages, m, { kind: 'decide', slot: 0, decision: 'approve' });
    expect(m.status).toBe('approved');
  });

  it('rejects a quorum stage only once the quorum is out of reach and cancels what is left', () => {
    const stages = [stage({ mode: 'quorum:2', slots: 3 })];
    const m = initialModel(stages);
    applyStep(stages, m, { kind: 'decide', slot: 0, decision: 'reject' });
    expect(m.status).toBe('in_review');
    applyStep(stages, m, { kind: 'decide', slot: 1, decision: 'reject' });
    expect(m.status).toBe('rejected');
    expect(taskSignature(m.tasks)).toEqual(['r1/s0/slot0/L0:rejected', 'r1/s0/slot1/L0:rejected', 'r1/s0/slot2/L0:cancelled']);
  });

  it('escalates up to the cap, then only marks the task overdue', () => {
    const stages = [stage({ onTimeout: { action: 'escalate-superior', maxEscalations: 1 } })];
    const m = initialModel(stages);
    applyStep(stages, m, { kind: 'timeout' });
    applyStep(stages, m, { kind: 'timeout' });
    applyStep(stages, m, { kind: 'timeout' });
    expect(taskSignature(m.tasks)).toEqual(['r1/s0/slot0/L0:escalated!', 'r1/s0/slot0/L1:open!']);
  });

  it('returns on timeout under the return policy and resumes at that stage in a new round', () => {
    const stages = [stage(), stage({ onTimeout: { action: 'return', maxEscalations: 0 } })];
    const m = initialModel(stages);
    applyStep(stages, m, { kind: 'decide', slot: 0, decision: 'approve' });
    applyStep(stages, m, { kind: 'timeout' });
    expect(m.status).toBe('returned');
    expect(applyStep(stages, m, { kind: 'decide', slot: 0, decision: 'approve' })).toBe('AlreadyDecided');
    applyStep(stages, m, { kind: 'resubmit' });
    expect(m).toMatchObject({ status: 'in_review', stage: 1, round: 2 });
  });

  it('refuses a return where the stage may not return, and anything after a withdrawal', () => {
    const stages = [stage()];
    const m = initialModel(stages);
    expect(applyStep(stages, m, { kind: 'decide', slot: 0, decision: 'return' })).toBe('ReturnNotAllowed');
    applyStep(stages, m, { kind: 'withdraw' });
    expect(m.status).toBe('withdrawn');
    expect(applyStep(stages, m, { kind: 'withdraw' })).toBe('WrongState');
    expect(taskSignature(m.tasks)).toEqual(['r1/s0/slot0/L0:cancelled']);
  });
});

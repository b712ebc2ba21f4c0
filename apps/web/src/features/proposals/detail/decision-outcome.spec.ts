import { describe, expect, it } from '@jest/globals';
import { approvalsNeeded, conditionApplies, decisionOutcome, StageFacts, submittedFacts } from './decision-outcome';

const facts: StageFacts = { budgetEstimate: 50_000_000, category: 'pelayanan-publik', crossAgency: false };
const stage = (index: number, name: string, mode = 'any', condition: Parameters<typeof conditionApplies>[0] = null) => ({ index, name, mode, condition });
const task = (id: string, status: string, stageIndex = 0, round = 1) => ({ id, status, stageIndex, round });
const chain = [stage(0, 'Kepala Seksi'), stage(1, 'Kepala Bidang'), stage(2, 'Kepala Dinas')];

describe('decisionOutcome', () => {
  it('names the next stage when an approval settles an `any` stage', () => {
    const tasks = [task('mine', 'open', 1)];
    expect(decisionOutcome({ decision: 'approve', task: tasks[0], chain, tasks, facts })).toEqual({ kind: 'next', stage: 'Kepala Dinas', conditional: false });
  });

  it('says the proposal will be approved when the last stage is settled', () => {
    const tasks = [task('mine', 'open', 2)];
    expect(decisionOutcome({ decision: 'approve', task: tasks[0], chain, tasks, facts })).toEqual({ kind: 'final' });
  });

  it('skips the stages whose condition does not hold, as the workflow will', () => {
    const big = [stage(0, 'Kepala Seksi'), stage(1, 'Tim Anggaran', 'any', { field: 'budgetEstimate', op: 'gte', value: 500_000_000 }), stage(2, 'Kepala Dinas')];
    const tasks = [task('mine', 'open', 0)];
    expect(decisionOutcome({ decision: 'approve', task: tasks[0], chain: big, tasks, facts })).toEqual({ kind: 'next', stage: 'Kepala Dinas', conditional: false });
    expect(decisionOutcome({ decision: 'approve', task: tasks[0], chain: big, tasks, facts: { ...facts, budgetEstimate: 600_000_000 } })).toEqual({
      kind: 'next',
      stage: 'Tim Anggaran',
      conditional: false,
    });
    const lastSkipped = big.slice(0, 2);
    expect(decisionOutcome({ decision: 'approve', task: tasks[0], chain: lastSkipped, tasks, facts })).toEqual({ kind: 'final' });
  });

  it('says a following stage applies only conditionally when the facts cannot tell', () => {
    const cross = [stage(0, 'Kepala Seksi'), stage(1, 'Sekretariat Daerah', 'any', { field: 'crossAgency', op: 'eq', value: true })];
    const tasks = [task('mine', 'open')];
    expect(decisionOutcome({ decision: 'approve', task: tasks[0], chain: cross, tasks, facts: { ...facts, crossAgency: null } })).toEqual({
      kind: 'next',
      stage: 'Sekretariat Daerah',
      conditional: true,
    });
    expect(decisionOutcome({ decision: 'approve', task: tasks[0], chain: cross, tasks, facts })).toEqual({ kind: 'final' });
  });

  it('says honestly that an `all` stage waits for the other approvers, until the last one approves', () => {
    const all = [stage(0, 'Tim Penilai', 'all'), stage(1, 'Kepala Dinas')];
    const waiting = [task('mine', 'open'), task('b', 'open'), task('c', 'approved')];
    expect(decisionOutcome({ decision: 'approve', task: waiting[0], chain: all, tasks: waiting, facts })).toEqual({ kind: 'waits', remaining: 1 });
    const last = [task('mine', 'open'), task('b', 'approved'), task('c', 'approved'), task('old', 'escalated')];
    expect(decisionOutcome({ decision: 'approve', task: last[0], chain: all, tasks: last, facts })).toEqual({ kind: 'next', stage: 'Kepala Dinas', conditional: false });
  });

  it('counts a quorum: k approvals of the slots of this round only', () => {
    const quorum = [stage(0, 'Tim Penilai', 'quorum:2')];
    const first = [task('mine', 'open'), task('b', 'open'), task('c', 'open'), task('earlier', 'approved', 0, 0)];
    expect(decisionOutcome({ decision: 'approve', task: first[0], chain: quorum, tasks: first, facts })).toEqual({ kind: 'waits', remaining: 1 });
    const second = [task('mine', 'open'), task('b', 'approved'), task('c', 'open')];
    expect(decisionOutcome({ decision: 'approve', task: second[0], chain: quorum, tasks: second, facts })).toEqual({ kind: 'final' });
  });

  it('ends the approval with a rejection under `any` and `all`', () => {
    const tasks = [task('mine', 'open'), task('b', 'open')];
    expect(decisionOutcome({ decision: 'reject', task: tasks[0], chain, tasks, facts })).toEqual({ kind: 'rejectEnds' });
    expect(decisionOutcome({ decision: 'reject', task: tasks[0], chain: [stage(0, 'Tim', 'all')], tasks, facts })).toEqual({ kind: 'rejectEnds' });
  });

  it('under a quorum, ends it only when the approvals still possible fall short', () => {
    const quorum = [stage(0, 'Tim Penilai', 'quorum:2')];
    const enough = [task('mine', 'open'), task('b', 'open'), task('c', 'open')];
    expect(decisionOutcome({ decision: 'reject', task: enough[0], chain: quorum, tasks: enough, facts })).toEqual({ kind: 'rejectCounted' });
    const short = [task('mine', 'open'), task('b', 'rejected'), task('c', 'open')];
    expect(decisionOutcome({ decision: 'reject', task: short[0], chain: quorum, tasks: short, facts })).toEqual({ kind: 'rejectEnds' });
  });

  it('promises nothing without the chain', () => {
    const tasks = [task('mine', 'open')];
    expect(decisionOutcome({ decision: 'approve', task: tasks[0], chain: null, tasks, facts })).toEqual({ kind: 'unknown' });
    expect(decisionOutcome({ decision: 'reject', task: tasks[0], chain: [], tasks, facts })).toEqual({ kind: 'unknown' });
  });
});

describe('approvalsNeeded', () => {
  it('is one for `any`, every slot for `all`, k (at most the slots) for `quorum:k`', () => {
    expect(approvalsNeeded('any', 3)).toBe(1);
    expect(approvalsNeeded('all', 3)).toBe(3);
    expect(approvalsNeeded('quorum:2', 3)).toBe(2);
    expect(approvalsNeeded('quorum:5', 3)).toBe(3);
  });
});

describe('submittedFacts', () => {
  const fallback = { budgetEstimate: 1, category: 'lain' };
  it('reads the facts of the latest submission or resubmission', () => {
    const history = [
      { type: 'proposal.submitted', data: { facts: { budgetEstimate: 10, category: 'a', crossAgency: false } } },
      { type: 'task.decided', data: {} },
      { type: 'proposal.resubmitted', data: { facts: { budgetEstimate: null, category: 'b', crossAgency: true } } },
    ];
    expect(submittedFacts(history, fallback)).toEqual({ budgetEstimate: null, category: 'b', crossAgency: true });
  });

  it("falls back to the proposal's budget and category, agency unknown, without recorded facts", () => {
    expect(submittedFacts(null, fallback)).toEqual({ budgetEstimate: 1, category: 'lain', crossAgency: null });
    expect(submittedFacts([{ type: 'proposal.submitted', data: {} }], fallback)).toEqual({ budgetEstimate: 1, category: 'lain', crossAgency: null });
  });
});

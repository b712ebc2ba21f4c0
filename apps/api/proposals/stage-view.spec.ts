import type { StageEventType } from '@libs/contracts/record.contract';
import { readHistoryFact } from '@libs/contracts/record.validation';
import { stageStates, stageViews } from './stage-view';

/** A stored row of the record, read through its schema as the service reads it. */
type Row = { type: string; data: unknown };
const read = (row: Row) => readHistoryFact(row.type, row.data);

const TASK = '0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e';
const FACTS = { budgetEstimate: 75000000, category: 'pelayanan-publik', crossAgency: false };

/** A stage event as the workflow writes it. */
const stageRow = (type: StageEventType, stageIndex: number, round = 1): Row => {
  const base = { stageIndex, stage: `Tahap ${stageIndex + 1}`, round };
  if (type === 'stage.opened') return { type, data: { ...base, mode: 'any' } };
  if (type === 'stage.skipped') return { type, data: { ...base, condition: null, facts: FACTS } };
  if (type === 'stage.blocked') return { type, data: { ...base, reason: 'Jabatan tidak dapat ditentukan' } };
  return { type, data: { ...base, cause: 'decision', closedTasks: [] } };
};
const stage = (type: StageEventType, stageIndex: number, round = 1) => read(stageRow(type, stageIndex, round));
const submitted = read({
  type: 'proposal.submitted',
  data: { template: { id: '8e79f2a2-f46b-4b8d-8b82-74917f1250fc', code: 'inovasi-pelayanan-publik', version: 1 }, proposalVersion: 1, facts: FACTS, snapshot: null },
});
const decided = (stageIndex: number) => read({
  type: 'task.decided',
  data: { taskId: TASK, stageIndex, round: 1, slot: 0, decision: 'reject', comment: null, onEscalation: false, proposalVersion: 1 },
});

describe('stageStates: where each stage stands', () => {
  it('follows the last stage event of the record, ignoring events of no stage', () => {
    const history = [
      submitted,
      stage('stage.opened', 0),
      stage('stage.approved', 0),
      stage('stage.skipped', 1),
      stage('stage.opened', 2),
      stage('stage.returned', 2),
      stage('stage.opened', 2, 2),
    ];
    expect([...stageStates('in_review', history)]).toEqual([
      [0, 'approved'],
      [1, 'skipped'],
      [2, 'open'],
    ]);
  });

  it('reads rejected and blocked stages, and not a decision that names a stage', () => {
    const history = [stage('stage.opened', 0), decided(0), stage('stage.rejected', 0), stage('stage.blocked', 1), decided(2)];
    expect(stageStates('rejected', history)).toEqual(
      new Map([
        [0, 'rejected'],
        [1, 'blocked'],
      ]),
    );
  });

  it('marks a stage left open by a withdrawal or cancellation as stopped', () => {
    const history = [stage('stage.opened', 0), stage('stage.approved', 0), stage('stage.opened', 1)];
    expect(stageStates('withdrawn', history)).toEqual(
      new Map([
        [0, 'approved'],
        [1, 'stopped'],
      ]),
    );
    expect(stageStates('cancelled', [stage('stage.opened', 0)]).get(0)).toBe('stopped');
    expect(stageStates('returned', [stage('stage.opened', 0)]).get(0)).toBe('open');
  });

  it('takes nothing from a row its schema does not describe: data that does not match, or an unknown type', () => {
    const history = [
      stageRow('stage.opened', 0),
      { type: 'stage.approved', data: { stageIndex: 0 } },
      { type: 'stage.opened', data: { ...(stageRow('stage.opened', 1).data as object), stageIndex: '1' } },
      { type: 'stage.reopened', data: { stageIndex: 2, stage: 'Tahap 3', round: 1 } },
    ].map(read);
    expect(stageStates('in_review', history)).toEqual(new Map([[0, 'open']]));
  });
});

describe('stageViews: every stage of the chain with where it stands', () => {
  const chainStages = [
    { index: 0, name: 'Kepala Seksi' },
    { index: 1, name: 'Kepala Bidang' },
    { index: 2, name: 'Kepala Dinas' },
  ];

  it('lists the stages not reached yet as pending', () => {
    expect(stageViews({ status: 'in_review', chainStages, tasks: [], facts: [stage('stage.opened', 0), stage('stage.approved', 0), stage('stage.opened', 1)] })).toEqual([
      { stageIndex: 0, name: 'Kepala Seksi', state: 'approved' },
      { stageIndex: 1, name: 'Kepala Bidang', state: 'open' },
      { stageIndex: 2, name: 'Kepala Dinas', state: 'pending' },
    ]);
  });

  it('lists every stage of a draft as pending', () => {
    expect(stageViews({ status: 'draft', chainStages, tasks: [], facts: [] }).map((s) => s.state)).toEqual(['pending', 'pending', 'pending']);
  });

  it('without a chain, lists the stages its tasks name, in order', () => {
    const tasks = [
      { stageIndex: 1, stageName: 'Kepala Bidang' },
      { stageIndex: 0, stageName: 'Kepala Seksi' },
      { stageIndex: 1, stageName: 'Kepala Bidang' },
    ];
    expect(stageViews({ status: 'in_review', chainStages: null, tasks, facts: [stage('stage.opened', 0), stage('stage.approved', 0), stage('stage.opened', 1)] })).toEqual([
      { stageIndex: 0, name: 'Kepala Seksi', state: 'approved' },
      { stageIndex: 1, name: 'Kepala Bidang', state: 'open' },
    ]);
    expect(stageViews({ status: 'draft', chainStages: null, tasks: [], facts: [] })).toEqual([]);
  });
});

import { postReferences, reportedAsWritten, resolvePostCodes } from './post-references';

const KADIS_ID = '1b0e7b2c-7d0a-4c55-8f3e-2a1d9c0b7e11';
const EVAL_ID = '2c1f8c3d-8e1b-4d66-9a4f-3b2e0d1c8f22';
const idsByCode = new Map([
  ['KADIS-DPMPTSP', KADIS_ID],
  ['EVAL-BRIDA-1', EVAL_ID],
]);

const stages = () => [
  {
    key: 'kepala-dinas',
    approvers: [{ kind: 'head-of-proposer-unit' }, { kind: 'position', positionCode: 'KADIS-DPMPTSP' }],
    onTimeout: { action: 'escalate-to', positionCode: 'KADIS-DPMPTSP' },
  },
  { key: 'evaluasi', approvers: [{ kind: 'positions', positionCodes: ['EVAL-BRIDA-1', 'EVAL-HILANG'] }, { kind: 'position', positionId: KADIS_ID.toUpperCase() }] },
];

describe('post references', () => {
  it('collects the ids and codes a chain names, ids only when they look like ids', () => {
    const refs = postReferences([...stages(), { approvers: [{ kind: 'position', positionId: 'not-an-id' }] }]);
    expect(refs.codes.sort()).toEqual(['EVAL-BRIDA-1', 'EVAL-HILANG', 'KADIS-DPMPTSP']);
    expect(refs.ids).toEqual([KADIS_ID]);
  });

  it('replaces codes by ids, keeps unknown codes for validation to report, and leaves the input alone', () => {
    const input = stages();
    const before = JSON.stringify(input);
    const { stages: out, errors, renamed } = resolvePostCodes(input, idsByCode);
    expect(errors).toEqual([]);
    expect(out).toEqual([
      {
        key: 'kepala-dinas',
        approvers: [{ kind: 'head-of-proposer-unit' }, { kind: 'position', positionId: KADIS_ID }],
        onTimeout: { action: 'escalate-to', positionId: KADIS_ID },
      },
      { key: 'evaluasi', approvers: [{ kind: 'positions', positionIds: [EVAL_ID, 'EVAL-HILANG'] }, { kind: 'position', positionId: KADIS_ID }] },
    ]);
    expect(JSON.stringify(input)).toBe(before);
    expect(renamed.get('stages[0].approvers[1].positionId')).toBe('stages[0].approvers[1].positionCode');
    expect(renamed.get('stages[1].approvers[0].positionIds[1]')).toBe('stages[1].approvers[0].positionCodes[1]');
    expect(renamed.get('stages[0].onTimeout.positionId')).toBe('stages[0].onTimeout.positionCode');
  });

  it('refuses a post given both by id and by code', () => {
    const { errors } = resolvePostCodes([{ approvers: [{ kind: 'position', positionId: KADIS_ID, positionCode: 'KADIS-DPMPTSP' }] }], idsByCode);
    expect(errors).toEqual([{ field: 'stages[0].approvers[0].positionCode', messages: ['give either positionId or positionCode, not both'] }]);
  });

  it('passes anything that is not a list of stages through untouched', () => {
    for (const garbage of [undefined, null, 'stages', { 0: 1 }, [1, 'x', null, { approvers: 'x', onTimeout: [] }]]) {
      expect(resolvePostCodes(garbage, idsByCode).stages).toBe(garbage);
    }
  });

  it('reports errors under the field the client wrote, merging fields', () => {
    const renamed = new Map([['s.positionId', 's.positionCode']]);
    expect(
      reportedAsWritten(
        [
          { field: 's.positionCode', messages: ['a'] },
          { field: 's.positionId', messages: ['b'] },
          { field: 'stages', messages: ['c'] },
        ],
        renamed,
      ),
    ).toEqual([
      { field: 's.positionCode', messages: ['a', 'b'] },
      { field: 'stages', messages: ['c'] },
    ]);
  });
});

import { ChainFieldError, validateChain } from './chain-validation';

const KADIS = 'pos-kadis';
const EVAL = ['pos-eval-1', 'pos-eval-2', 'pos-eval-3'];
const WALIKOTA = 'pos-walikota';
const known = new Set([KADIS, ...EVAL, WALIKOTA]);

/** A valid five-stage chain using every feature; tests break one thing at a time. */
function chain(): { stages: Record<string, unknown>[] } {
  return {
    stages: [
      { key: 'kepala-unit', name: 'Kepala Unit Pengusul', approvers: [{ kind: 'head-of-proposer-unit' }], mode: 'any', sla: 'P2D' },
      {
        key: 'kepala-unit-induk',
        name: 'Kepala Unit Induk',
        approvers: [{ kind: 'head-of-parent-unit' }],
        mode: 'any',
        sla: 'P3D',
        mayReturn: true,
        onTimeout: { action: 'escalate-superior', maxEscalations: 1 },
      },
      {
        key: 'kepala-dinas',
        name: 'Kepala Dinas',
        approvers: [{ kind: 'position', positionId: KADIS }],
        mode: 'any',
        sla: 'P5D',
        reminders: ['P3D', 'P4DT12H'],
        condition: { field: 'budgetEstimate', op: 'gte', value: 50_000_000 },
      },
      {
        key: 'evaluasi-brida',
        name: 'Tim Evaluasi BRIDA',
        approvers: [{ kind: 'positions', positionIds: EVAL }],
        mode: 'quorum:2',
        sla: 'P10D',
        condition: { field: 'category', op: 'in', value: ['pelayanan-publik', 'tata-kelola'] },
        onTimeout: { action: 'escalate-to', positionId: KADIS, after: 'PT12H' },
      },
      {
        key: 'penetapan',
        name: 'Penetapan Wali Kota',
        approvers: [{ kind: 'position', positionId: WALIKOTA }],
        mode: 'any',
        sla: 'P14D',
        requiresDefinitive: true,
        condition: { field: 'crossAgency', op: 'eq', value: false },
        onTimeout: { action: 'notify-admin' },
      },
    ],
  };
}

/** The chain with stage `i` changed by `patch` (a property set to undefined is removed). */
function withStage(i: number, patch: Record<string, unknown>) {
  const def = chain();
  const stage = { ...def.stages[i], ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete stage[k];
  def.stages[i] = stage;
  return def;
}

const fieldsOf = (errors: ChainFieldError[]) => errors.map((e) => e.field);
const messagesAt = (errors: ChainFieldError[], field: string) => errors.find((e) => e.field === field)?.messages ?? [];

describe('validateChain', () => {
  it('accepts a valid chain, with and without a set of known posts', () => {
    expect(validateChain(chain())).toEqual([]);
    expect(validateChain(chain(), { knownPositionIds: known })).toEqual([]);
  });

  describe('the definition and its stages', () => {
    it.each([[null], ['stages'], [[]], [42]])('refuses %j as a definition', (definition) => {
      expect(fieldsOf(validateChain(definition))).toEqual(['']);
    });

    it.each([[undefined], [null], ['stage'], [{ 0: {} }]])('refuses stages: %j', (stages) => {
      const errors = validateChain({ stages });
      expect(errors).toEqual([{ field: 'stages', messages: ['must be an array of 1 to 20 stages'] }]);
    });

    it('needs at least one stage', () => {
      expect(validateChain({ stages: [] })).toEqual([{ field: 'stages', messages: ['must have at least one stage'] }]);
    });

    it('allows at most 20 stages, without checking each of a longer list', () => {
      const stage = chain().stages[0];
      const ok = Array.from({ length: 20 }, (_, i) => ({ ...stage, key: `tahap-${i}` }));
      expect(validateChain({ stages: ok })).toEqual([]);
      const tooMany = Array.from({ length: 500 }, () => 'garbage');
      expect(validateChain({ stages: tooMany })).toEqual([{ field: 'stages', messages: ['must have at most 20 stages'] }]);
    });

    it('refuses a stage that is not an object', () => {
      const def = chain();
      (def.stages as unknown[])[1] = ['kepala-unit-induk'];
      expect(fieldsOf(validateChain(def))).toEqual(['stages[1]']);
    });
  });

  describe('keys and names', () => {
    it.each([['Kepala Unit'], ['kepala_unit'], ['-kepala'], [''], [7], ['k'.repeat(65)]])('refuses the key %j', (key) => {
      expect(fieldsOf(validateChain(withStage(1, { key })))).toEqual(['stages[1].key']);
    });

    it('needs a key', () => {
      expect(fieldsOf(validateChain(withStage(0, { key: undefined })))).toEqual(['stages[0].key']);
    });

    it('refuses a key used by an earlier stage, naming it', () => {
      const errors = validateChain(withStage(3, { key: 'kepala-dinas' }));
      expect(errors).toEqual([{ field: 'stages[3].key', messages: ['must be unique: stages[2] has the key kepala-dinas too'] }]);
    });

    it.each([[''], ['   '], [undefined], [null], ['x'.repeat(201)]])('refuses the name %j', (name) => {
      expect(fieldsOf(validateChain(withStage(2, { name })))).toEqual(['stages[2].name']);
    });

    it('accepts a name of 200 characters', () => {
      expect(validateChain(withStage(2, { name: 'x'.repeat(200) }))).toEqual([]);
    });
  });

  describe('approvers', () => {
    it.each([[undefined], [[]], [{ kind: 'position' }], ['head-of-proposer-unit']])('refuses approvers: %j', (approvers) => {
      expect(fieldsOf(validateChain(withStage(0, { approvers })))).toEqual(['stages[0].approvers']);
    });

    it('allows at most 20 selectors per stage', () => {
      const approvers = Array.from({ length: 21 }, () => ({ kind: 'head-of-proposer-unit' }));
      expect(messagesAt(validateChain(withStage(0, { approvers })), 'stages[0].approvers')).toEqual(['must have at most 20 selectors']);
    });

    it('refuses an unknown selector kind, naming the known ones', () => {
      const errors = validateChain(withStage(0, { approvers: [{ kind: 'head-of-proposer-unit' }, { kind: 'everyone' }] }));
      expect(errors).toEqual([
        { field: 'stages[0].approvers[1].kind', messages: ['must be one of position, positions, head-of-proposer-unit, head-of-parent-unit'] },
      ]);
    });

    it('refuses a selector that is not an object', () => {
      expect(fieldsOf(validateChain(withStage(0, { approvers: ['head-of-proposer-unit'] })))).toEqual(['stages[0].approvers[0]']);
    });

    it('needs a post id on a position selector', () => {
      expect(fieldsOf(validateChain(withStage(2, { approvers: [{ kind: 'position' }] })))).toEqual(['stages[2].approvers[0].positionId']);
      expect(fieldsOf(validateChain(withStage(2, { approvers: [{ kind: 'position', positionId: 12 }] })))).toEqual([
        'stages[2].approvers[0].positionId',
      ]);
    });

    it.each([[[]], ['pos-eval-1'], [Array.from({ length: 51 }, (_, i) => `p${i}`)]])('refuses positionIds: %j', (positionIds) => {
      const errors = validateChain(withStage(3, { approvers: [{ kind: 'positions', positionIds }], mode: 'any' }));
      expect(fieldsOf(errors)).toEqual(['stages[3].approvers[0].positionIds']);
    });

    it('names the bad entry of a positions selector', () => {
      const errors = validateChain(withStage(3, { approvers: [{ kind: 'positions', positionIds: ['pos-eval-1', '', 'pos-eval-3'] }], mode: 'any' }));
      expect(fieldsOf(errors)).toEqual(['stages[3].approvers[0].positionIds[1]']);
    });

    it('refuses unknown posts when the known posts are given', () => {
      const def = withStage(0, {
        approvers: [
          { kind: 'head-of-proposer-unit' },
          { kind: 'position', positionId: KADIS },
          { kind: 'position', positionId: 'pos-hilang' },
          { kind: 'positions', positionIds: ['pos-eval-1', 'pos-lain'] },
        ],
      });
      expect(validateChain(def)).toEqual([]);
      expect(validateChain(def, { knownPositionIds: known })).toEqual([
        { field: 'stages[0].approvers[2].positionId', messages: ['unknown post "pos-hilang"'] },
        { field: 'stages[0].approvers[3].positionIds[1]', messages: ['unknown post "pos-lain"'] },
      ]);
    });

    it('refuses properties a selector of that kind does not have', () => {
      const errors = validateChain(
        withStage(0, { approvers: [{ kind: 'head-of-proposer-unit', positionId: KADIS }, { kind: 'position', positionId: KADIS, positionIds: [KADIS] }] }),
      );
      expect(errors).toEqual([
        { field: 'stages[0].approvers[0].positionId', messages: ['property positionId should not exist'] },
        { field: 'stages[0].approvers[1].positionIds', messages: ['property positionIds should not exist'] },
      ]);
    });
  });

  describe('mode', () => {
    it.each([['any'], ['all'], ['quorum:1'], ['quorum:3']])('accepts %s for three evaluators', (mode) => {
      expect(validateChain(withStage(3, { mode }))).toEqual([]);
    });

    it.each([['some'], ['quorum'], ['quorum:'], ['quorum:-1'], ['quorum:1.5'], ['quorum:02'], ['ALL'], [2], [undefined]])('refuses %j', (mode) => {
      expect(messagesAt(validateChain(withStage(3, { mode })), 'stages[3].mode')).toEqual([
        'must be any, all or quorum:k with a whole number k of at least 1',
      ]);
    });

    it('refuses quorum:0', () => {
      expect(validateChain(withStage(3, { mode: 'quorum:0' }))).toEqual([{ field: 'stages[3].mode', messages: ['quorum:k needs k of at least 1'] }]);
    });

    it('refuses a quorum larger than the posts the approvers resolve to', () => {
      expect(validateChain(withStage(3, { mode: 'quorum:4' }))).toEqual([
        { field: 'stages[3].mode', messages: ['quorum:4 needs 4 approvals, but the approvers resolve to at most 3 posts'] },
      ]);
      expect(fieldsOf(validateChain(withStage(3, { mode: `quorum:${'9'.repeat(400)}` })))).toEqual(['stages[3].mode']);
    });

    it('counts a post named twice once, and each head-of-* selector as one post', () => {
      const approvers = [
        { kind: 'positions', positionIds: ['pos-eval-1', 'pos-eval-2', 'pos-eval-1'] },
        { kind: 'position', positionId: 'pos-eval-2' },
        { kind: 'head-of-parent-unit' },
        { kind: 'head-of-parent-unit' },
      ];
      expect(validateChain(withStage(3, { approvers, mode: 'quorum:3' }))).toEqual([]);
      expect(fieldsOf(validateChain(withStage(3, { approvers, mode: 'quorum:4' })))).toEqual(['stages[3].mode']);
      const heads = [{ kind: 'head-of-proposer-unit' }, { kind: 'head-of-parent-unit' }];
      expect(validateChain(withStage(0, { approvers: heads, mode: 'quorum:2' }))).toEqual([]);
    });

    it('does not judge the quorum against approvers that are themselves invalid', () => {
      const errors = validateChain(withStage(3, { approvers: [{ kind: 'positions', positionIds: [] }], mode: 'quorum:2' }));
      expect(fieldsOf(errors)).toEqual(['stages[3].approvers[0].positionIds']);
    });
  });

  describe('condition', () => {
    it('refuses an unknown field, naming the allowed ones', () => {
      const errors = validateChain(withStage(2, { condition: { field: 'unit', op: 'eq', value: 'x' } }));
      expect(errors).toEqual([{ field: 'stages[2].condition.field', messages: ['must be one of budgetEstimate, category, crossAgency'] }]);
    });

    it.each([
      ['budgetEstimate', 'in', 5],
      ['category', 'eq', ['a']],
      ['crossAgency', 'gte', true],
    ])('refuses the op %s %s', (field, op, value) => {
      expect(validateChain(withStage(2, { condition: { field, op, value } }))).toEqual([
        { field: 'stages[2].condition.op', messages: [expect.stringMatching(/^must be (gte|in|eq) for the field /)] },
      ]);
    });

    it.each([
      ['budgetEstimate', 'gte', '50000000'],
      ['budgetEstimate', 'gte', -1],
      ['budgetEstimate', 'gte', 1e16],
      ['budgetEstimate', 'gte', Infinity],
      ['category', 'in', 'pelayanan-publik'],
      ['category', 'in', []],
      ['crossAgency', 'eq', 'true'],
      ['crossAgency', 'eq', null],
    ])('refuses %s %s %j', (field, op, value) => {
      expect(fieldsOf(validateChain(withStage(2, { condition: { field, op, value } })))).toEqual(['stages[2].condition.value']);
    });

    it('names the bad category', () => {
      const errors = validateChain(withStage(2, { condition: { field: 'category', op: 'in', value: ['tata-kelola', 'Tata Kelola'] } }));
      expect(fieldsOf(errors)).toEqual(['stages[2].condition.value[1]']);
    });

    it('refuses a condition that is not an object, and unknown properties in it', () => {
      expect(fieldsOf(validateChain(withStage(2, { condition: 'budget > 50jt' })))).toEqual(['stages[2].condition']);
      expect(fieldsOf(validateChain(withStage(2, { condition: null })))).toEqual(['stages[2].condition']);
      const extra = validateChain(withStage(2, { condition: { field: 'crossAgency', op: 'eq', value: true, negate: true } }));
      expect(fieldsOf(extra)).toEqual(['stages[2].condition.negate']);
    });
  });

  describe('sla and reminders', () => {
    it.each([['3 days'], ['P1M'], ['P1Y'], ['p3d'], ['PT'], [3], ['']])('refuses the sla %j with a hint', (sla) => {
      expect(validateChain(withStage(0, { sla }))).toEqual([
        { field: 'stages[0].sla', messages: ['must be an ISO-8601 duration such as P3D or PT12H (weeks, days, hours, minutes or seconds)'] },
      ]);
    });

    it('refuses a zero sla and one longer than a year', () => {
      expect(messagesAt(validateChain(withStage(0, { sla: 'PT0S' })), 'stages[0].sla')).toEqual(['must be longer than zero']);
      expect(messagesAt(validateChain(withStage(0, { sla: 'P367D' })), 'stages[0].sla')).toEqual(['must be at most 366 days (P366D)']);
      expect(fieldsOf(validateChain(withStage(0, { sla: `P${'9'.repeat(30)}D` })))).toEqual(['stages[0].sla']);
      expect(validateChain(withStage(0, { sla: 'P52W' }))).toEqual([]);
    });

    it('accepts a stage without an sla', () => {
      expect(validateChain(withStage(0, { sla: undefined }))).toEqual([]);
    });

    it('needs an sla for reminders', () => {
      expect(validateChain(withStage(2, { sla: undefined }))).toEqual([
        { field: 'stages[2].reminders', messages: ['need an sla: each reminder must come before the due time'] },
      ]);
    });

    it('refuses a reminder not shorter than the sla', () => {
      expect(validateChain(withStage(2, { reminders: ['P1D', 'P5D', 'P6D'] }))).toEqual([
        { field: 'stages[2].reminders[1]', messages: ['must be shorter than the sla (P5D)'] },
        { field: 'stages[2].reminders[2]', messages: ['must be shorter than the sla (P5D)'] },
      ]);
    });

    it('refuses a reminder that is not a duration', () => {
      expect(fieldsOf(validateChain(withStage(2, { reminders: ['P1D', 'besok'] })))).toEqual(['stages[2].reminders[1]']);
      expect(fieldsOf(validateChain(withStage(2, { reminders: 'P1D' })))).toEqual(['stages[2].reminders']);
      expect(fieldsOf(validateChain(withStage(2, { reminders: Array.from({ length: 11 }, () => 'PT1H') })))).toEqual(['stages[2].reminders']);
    });

    it('reports only the bad sla, not every reminder, when the sla is invalid', () => {
      expect(fieldsOf(validateChain(withStage(2, { sla: 'lima hari' })))).toEqual(['stages[2].sla']);
    });
  });

  describe('onTimeout', () => {
    it('refuses an unknown action', () => {
      expect(validateChain(withStage(1, { onTimeout: { action: 'ignore' } }))).toEqual([
        { field: 'stages[1].onTimeout.action', messages: ['must be one of escalate-superior, escalate-to, return, notify-admin'] },
      ]);
      expect(fieldsOf(validateChain(withStage(1, { onTimeout: {} })))).toEqual(['stages[1].onTimeout.action']);
      expect(fieldsOf(validateChain(withStage(1, { onTimeout: 'return' })))).toEqual(['stages[1].onTimeout']);
    });

    it('needs a post for escalate-to, and a known one', () => {
      expect(fieldsOf(validateChain(withStage(1, { onTimeout: { action: 'escalate-to' } })))).toEqual(['stages[1].onTimeout.positionId']);
      expect(validateChain(withStage(1, { onTimeout: { action: 'escalate-to', positionId: 'pos-x' } }), { knownPositionIds: known })).toEqual([
        { field: 'stages[1].onTimeout.positionId', messages: ['unknown post "pos-x"'] },
      ]);
    });

    it('refuses a post for any other action', () => {
      const errors = validateChain(withStage(1, { onTimeout: { action: 'return', positionId: KADIS } }));
      expect(errors).toEqual([{ field: 'stages[1].onTimeout.positionId', messages: ['only the action escalate-to names a post'] }]);
    });

    it('checks the grace period as a duration, allowing zero', () => {
      expect(validateChain(withStage(1, { onTimeout: { action: 'return', after: 'PT0S' } }))).toEqual([]);
      expect(fieldsOf(validateChain(withStage(1, { onTimeout: { action: 'return', after: '1 jam' } })))).toEqual(['stages[1].onTimeout.after']);
    });

    it.each([[-1], [11], [1.5], ['2'], [1e308]])('refuses maxEscalations %j', (maxEscalations) => {
      expect(validateChain(withStage(1, { onTimeout: { action: 'escalate-superior', maxEscalations } }))).toEqual([
        { field: 'stages[1].onTimeout.maxEscalations', messages: ['must be a whole number from 0 to 10'] },
      ]);
    });

    it.each([[0], [10]])('accepts maxEscalations %j', (maxEscalations) => {
      expect(validateChain(withStage(1, { onTimeout: { action: 'escalate-superior', maxEscalations } }))).toEqual([]);
    });
  });

  describe('flags and unknown properties', () => {
    it('needs booleans for mayReturn and requiresDefinitive', () => {
      const errors = validateChain(withStage(4, { mayReturn: 'ya', requiresDefinitive: 1 }));
      expect(fieldsOf(errors)).toEqual(['stages[4].mayReturn', 'stages[4].requiresDefinitive']);
    });

    it('refuses unknown properties at every level', () => {
      const def = withStage(1, { slaHours: 72, onTimeout: { action: 'return', notify: true } }) as Record<string, unknown>;
      def.version = 2;
      expect(validateChain(def)).toEqual([
        { field: 'version', messages: ['property version should not exist'] },
        { field: 'stages[1].slaHours', messages: ['property slaHours should not exist'] },
        { field: 'stages[1].onTimeout.notify', messages: ['property notify should not exist'] },
      ]);
    });

    it('reads only own properties of plain objects', () => {
      const inherited = Object.create({ key: 'kepala-unit', name: 'Kepala', approvers: [{ kind: 'head-of-proposer-unit' }], mode: 'any' }) as object;
      expect(fieldsOf(validateChain({ stages: [inherited] }))).toEqual(['stages[0]']);
      const bare = Object.assign(Object.create(null) as object, chain().stages[0]);
      expect(validateChain({ stages: [bare] })).toEqual([]);
    });
  });

  it('reports every problem at once', () => {
    const def = chain();
    def.stages[0] = { ...def.stages[0], mode: 'quorum:0' };
    def.stages[2] = { ...def.stages[2], sla: 'P1M' };
    def.stages[3] = { ...def.stages[3], onTimeout: { action: 'escalate-to' } };
    expect(fieldsOf(validateChain(def))).toEqual(['stages[0].mode', 'stages[2].sla', 'stages[3].onTimeout.positionId']);
  });

  it('caps how many fields it reports', () => {
    const stage = Object.fromEntries([...Object.entries(chain().stages[0]), ...Array.from({ length: 500 }, (_, i) => [`x${i}`, i])]);
    expect(validateChain({ stages: [stage] })).toHaveLength(100);
  });
});

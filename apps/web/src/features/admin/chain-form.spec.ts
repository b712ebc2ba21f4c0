import { describe, expect, it } from '@jest/globals';
import { bodyToForm, ChainForm, emptyChainForm, formToBody, move, newStage, renameStage, slugify } from './chain-form';

const KASI = '8b0e4f8e-1d2c-5a3b-9f6e-7c5d4b3a2910';
const KADIS = '1c2d3e4f-5a6b-5c7d-8e9f-0a1b2c3d4e5f';

/** A version body as the API answers it, with everything the form shows and what it only carries along. */
const stored = {
  name: 'Inovasi Pelayanan Publik',
  categories: ['pelayanan-publik', 'digital'],
  stages: [
    {
      key: 'kepala-seksi',
      name: 'Kepala Seksi',
      approvers: [{ kind: 'position', positionId: KASI }],
      mode: 'any',
      sla: 'P2DT4H',
      reminders: ['P1D'],
      onTimeout: { action: 'escalate-to', positionId: KADIS, after: 'PT12H', maxEscalations: 1 },
      mayReturn: true,
    },
    {
      key: 'tim',
      name: 'Tim Evaluasi',
      approvers: [{ kind: 'positions', positionIds: [KASI, KADIS] }, { kind: 'head-of-proposer-unit' }],
      mode: 'quorum:2',
      condition: { field: 'budgetEstimate', op: 'gte', value: 500000000 },
      sla: 'PT3S',
      requiresDefinitive: true,
    },
  ],
};

const formOf = (body: unknown, withCode = false): ChainForm => {
  const read = bodyToForm(body, withCode);
  if (!read.ok) throw new Error(`unshowable: ${read.fields.join(', ')}`);
  return read.form;
};

describe('chain form ↔ request body', () => {
  it('shows a stored chain in the form: durations as days and hours, modes, approvers, timeout', () => {
    const form = formOf(stored);
    expect(form.name).toBe('Inovasi Pelayanan Publik');
    expect(form.categories).toBe('pelayanan-publik, digital');
    const [first, second] = form.stages;
    expect(first).toMatchObject({
      key: 'kepala-seksi',
      keyAuto: false,
      approvers: [{ kind: 'position', posts: [{ by: 'id', value: KASI }] }],
      mode: 'any',
      sla: { days: '2', hours: '4', raw: null },
      timeout: { action: 'escalate-to', post: { by: 'id', value: KADIS }, after: { days: '', hours: '12', raw: null }, maxEscalations: '1' },
      mayReturn: true,
      requiresDefinitive: false,
      extra: { reminders: ['P1D'] },
    });
    expect(second).toMatchObject({
      mode: 'quorum',
      quorum: '2',
      approvers: [{ kind: 'positions', posts: [{ by: 'id', value: KASI }, { by: 'id', value: KADIS }] }, { kind: 'head-of-proposer-unit', posts: [] }],
      sla: { raw: 'PT3S' },
      timeout: { action: '' },
      extra: { condition: { field: 'budgetEstimate', op: 'gte', value: 500000000 } },
    });
    expect(first.uid).not.toBe(second.uid);
  });

  it('gives back the same chain: what the form does not edit is carried along unchanged', () => {
    const { body, problems } = formToBody(formOf(stored), false);
    expect(problems).toEqual([]);
    expect(body).toEqual(stored);
  });

  it('writes the days and hours typed as an ISO-8601 duration, and no sla when both are empty', () => {
    const form = formOf(stored);
    form.stages[0] = { ...form.stages[0], sla: { days: '3', hours: '0', raw: null } };
    form.stages[1] = { ...form.stages[1], sla: { days: '', hours: '', raw: null } };
    const { body } = formToBody(form, false);
    const stages = body.stages as Record<string, unknown>[];
    expect(stages[0].sla).toBe('P3D');
    expect(stages[1]).not.toHaveProperty('sla');
  });

  it('names the field of each value that cannot be sent, where the API would', () => {
    const form = emptyChainForm();
    form.stages = [
      { ...newStage(), name: 'Satu', key: 'satu', sla: { days: '1,5', hours: '', raw: null } },
      {
        ...newStage(),
        mode: 'quorum',
        quorum: '0',
        timeout: { action: 'escalate-to', post: null, after: { days: '', hours: '30', raw: null }, maxEscalations: 'dua' },
      },
    ];
    expect(formToBody(form, true).problems).toEqual([
      { path: 'stages[0].approvers[0].positionId', key: 'pickPost' },
      { path: 'stages[0].sla', key: 'wholeNumber' },
      { path: 'stages[1].mode', key: 'quorumNumber' },
      { path: 'stages[1].approvers[0].positionId', key: 'pickPost' },
      { path: 'stages[1].onTimeout.positionId', key: 'pickPost' },
      { path: 'stages[1].onTimeout.after', key: 'hoursRange' },
      { path: 'stages[1].onTimeout.maxEscalations', key: 'wholeNumber' },
    ]);
  });

  it('writes a new template with its code, categories split at commas and spaces, and the take-over only when asked', () => {
    const form: ChainForm = {
      ...emptyChainForm(),
      code: ' uji-baru ',
      name: 'Uji Baru',
      categories: 'pelayanan-publik,  digital ;tata-kelola',
      stages: [{ ...renameStage(newStage(), 'Kepala Dinas Uji'), approvers: [{ kind: 'position', posts: [{ by: 'id', value: KADIS }] }], sla: { days: '2', hours: '4', raw: null } }],
    };
    expect(formToBody(form, true)).toEqual({
      body: {
        code: 'uji-baru',
        name: 'Uji Baru',
        categories: ['pelayanan-publik', 'digital', 'tata-kelola'],
        stages: [{ key: 'kepala-dinas-uji', name: 'Kepala Dinas Uji', approvers: [{ kind: 'position', positionId: KADIS }], mode: 'any', sla: 'P2DT4H' }],
      },
      problems: [],
    });
    expect(formToBody({ ...form, takeOverCategories: true }, true).body.takeOverCategories).toBe(true);
  });

  it('keeps posts named by code as codes', () => {
    const body = { name: 'x', categories: [], stages: [{ key: 'a', name: 'A', approvers: [{ kind: 'position', positionCode: 'KADIS-UJI' }], mode: 'all', onTimeout: { action: 'escalate-to', positionCode: 'SEKDA' } }] };
    expect(formToBody(formOf(body), false).body).toEqual(body);
  });

  it('leaves in JSON what the form cannot show, naming the fields', () => {
    const cannot = (body: unknown) => {
      const read = bodyToForm(body, false);
      return read.ok ? null : read.fields;
    };
    expect(cannot([])).toEqual(['']);
    expect(cannot({ stages: {} })).toEqual(['stages']);
    expect(cannot({ categories: 'digital' })).toEqual(['categories']);
    expect(cannot({ stages: [{ key: 'a', name: 'A', approvers: [], mode: 'kadang-kadang' }] })).toEqual(['stages[0].mode']);
    expect(cannot({ stages: [{ key: 'a', name: 'A', approvers: [{ kind: 'semua' }], mode: 'any' }] })).toEqual(['stages[0].approvers[0]']);
    expect(cannot({ stages: [{ key: 'a', name: 'A', approvers: [{ kind: 'position', positionId: 'x', positionCode: 'y' }], mode: 'any' }] })).toEqual(['stages[0].approvers[0].positionId']);
    expect(cannot({ stages: [{ key: 1, name: 'A', approvers: [], mode: 'any' }] })).toEqual(['stages[0].key']);
    expect(cannot({ stages: [{ key: 'a', name: 'A', approvers: [], mode: 'any', sla: 3 }] })).toEqual(['stages[0].sla']);
    expect(cannot({ stages: [{ key: 'a', name: 'A', approvers: [], mode: 'any', onTimeout: { action: 'tunggu' } }] })).toEqual(['stages[0].onTimeout.action']);
  });

  it('shows an unreadable duration as written and a property it does not know, both sent back unchanged', () => {
    const body = { name: 'x', categories: [], catatan: 'bebas', stages: [{ key: 'a', name: 'A', approvers: [{ kind: 'head-of-parent-unit' }], mode: 'any', sla: 'besok', warna: 'biru' }] };
    const form = formOf(body);
    expect(form.stages[0].sla).toEqual({ days: '', hours: '', raw: 'besok' });
    expect(formToBody(form, false).body).toEqual(body);
  });

  it('derives a stage key from its name until the key is typed in', () => {
    expect(slugify('Kepala Bidang Pelayanan (Tahap 2)')).toBe('kepala-bidang-pelayanan-tahap-2');
    expect(slugify('Évaluasi  Tim — BRIDA')).toBe('evaluasi-tim-brida');
    expect(slugify('x'.repeat(70))).toHaveLength(64);
    const typed = { ...newStage(), key: 'kunci-sendiri', keyAuto: false };
    expect(renameStage(typed, 'Nama Baru').key).toBe('kunci-sendiri');
    expect(renameStage(newStage(), 'Nama Baru').key).toBe('nama-baru');
  });

  it('moves a stage up or down, and not past either end', () => {
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 3)).toEqual(['a', 'b', 'c']);
  });
});

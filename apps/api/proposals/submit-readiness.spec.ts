import { notReadyToSubmit } from './submit-readiness';

/** A complete stored proposal, as a create with submit: true leaves it. */
const complete = {
  title: 'Antrean daring perizinan',
  problem: 'Pemohon izin antre berjam-jam di loket.',
  proposedChange: 'Nomor antrean diambil daring.',
  goals: '',
  benefits: '',
  category: 'pelayanan-publik',
  type: 'digital' as const,
  form: 'pelayanan-publik' as const,
  initiatorKind: 'kelompok' as const,
  budgetEstimate: '75000000.00',
  pilotPlan: { durationMonths: 6, scope: 'Loket pusat' },
  indicators: [{ name: 'Waktu tunggu', baseline: '120 menit', target: '30 menit' }],
  risks: '',
  collaboratingUnitIds: [],
  attachments: [],
};

describe('notReadyToSubmit', () => {
  it('finds nothing missing in complete content, with or without the optional parts', async () => {
    expect(await notReadyToSubmit(complete)).toEqual([]);
    expect(await notReadyToSubmit({ ...complete, budgetEstimate: null, pilotPlan: null, indicators: [] })).toEqual([]);
  });

  it('names every required field a title-only draft left empty, as blank', async () => {
    const draft = { ...complete, problem: '', proposedChange: '', category: '', type: '' as const, form: '' as const, initiatorKind: '' as const };
    expect(await notReadyToSubmit(draft)).toEqual(
      ['problem', 'proposedChange', 'category', 'type', 'form', 'initiatorKind'].map((field) => ({ field, messages: [`${field} must not be blank`] })),
    );
  });

  it('reports content that is there but breaks a rule with the rule broken', async () => {
    const found = await notReadyToSubmit({ ...complete, problem: 'Pendek', category: 'Bukan Slug', pilotPlan: { durationMonths: 99, scope: 'Loket' } });
    expect(found).toEqual([
      { field: 'problem', messages: ['problem must be longer than or equal to 10 characters'] },
      { field: 'category', messages: ['category must be a lower-case slug such as pelayanan-publik'] },
      { field: 'pilotPlan.durationMonths', messages: ['durationMonths must not be greater than 60'] },
    ]);
  });
});

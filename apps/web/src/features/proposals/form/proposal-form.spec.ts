import { describe, expect, it } from '@jest/globals';
import {
  createBody,
  emptyAttachment,
  emptyForm,
  emptyIndicator,
  fieldId,
  formOf,
  formPath,
  patchBody,
  ProposalFormState,
  serverErrors,
  ProposalContent,
  validateForm,
} from './proposal-form';

const stored: ProposalContent = {
  title: 'Antrean daring dan kanal SMS pengaduan perizinan',
  problem: 'Pemohon izin antre berjam-jam di loket.',
  proposedChange: 'Nomor antrean diambil daring; notifikasi SMS.',
  goals: 'Memangkas waktu tunggu.',
  benefits: '',
  category: 'pelayanan-publik',
  type: 'digital',
  form: 'pelayanan-publik',
  initiatorKind: 'kelompok',
  budgetEstimate: 75000000,
  pilotPlan: { durationMonths: 6, scope: 'Loket pusat' },
  indicators: [{ name: 'Waktu tunggu', baseline: '120 menit', target: '30 menit' }],
  risks: '',
  collaboratingUnitIds: [],
  attachments: [],
};

const filled = (): ProposalFormState => formOf(stored);

describe('validateForm: the DTO rules before sending', () => {
  it('accepts a complete proposal', () => {
    expect(validateForm(filled())).toEqual({});
  });

  it('names each field with its rule: lengths, choices, slug, ranges', () => {
    const f = { ...emptyForm(), title: 'Abc', problem: 'pendek', category: 'Pelayanan Publik', budgetEstimate: 'tujuh juta', pilotDurationMonths: '99', pilotScope: 'x' };
    expect(validateForm(f)).toEqual({
      title: [{ key: 'minLength', params: { n: 5 } }],
      problem: [{ key: 'minLength', params: { n: 10 } }],
      proposedChange: [{ key: 'minLength', params: { n: 10 } }],
      category: [{ key: 'slug' }],
      type: [{ key: 'choose' }],
      form: [{ key: 'choose' }],
      initiatorKind: [{ key: 'choose' }],
      budgetEstimate: [{ key: 'budget' }],
      'pilotPlan.durationMonths': [{ key: 'max', params: { n: 60 } }],
      'pilotPlan.scope': [{ key: 'minLength', params: { n: 3 } }],
    });
    expect(validateForm({ ...filled(), title: 'x'.repeat(201) }).title).toEqual([{ key: 'maxLength', params: { n: 200 } }]);
    expect(validateForm({ ...filled(), pilotDurationMonths: '1.5' })['pilotPlan.durationMonths']).toEqual([{ key: 'integer' }]);
    expect(validateForm({ ...filled(), budgetEstimate: '1,255' }).budgetEstimate).toEqual([{ key: 'budget' }]);
    expect(validateForm({ ...filled(), budgetEstimate: '75000000,50' })).toEqual({});
  });

  it('checks indicator and attachment rows, skipping rows left blank', () => {
    const f = filled();
    f.indicators = [emptyIndicator(), { ...emptyIndicator(), baseline: '10' }];
    f.attachments = [{ ...emptyAttachment(), name: 'Kajian', url: 'ftp://contoh.go.id/a.pdf' }, emptyAttachment()];
    expect(validateForm(f)).toEqual({ 'indicators.1.name': [{ key: 'required' }], 'attachments.0.url': [{ key: 'url' }] });
  });
});

describe('request bodies', () => {
  it('creates without blank optional parts', () => {
    const f = { ...filled(), budgetEstimate: '', pilotDurationMonths: '', pilotScope: '', indicators: [emptyIndicator()] };
    const body = createBody(f, false);
    expect(body).toMatchObject({ submit: false, indicators: [], title: stored.title });
    expect(body).not.toHaveProperty('budgetEstimate');
    expect(body).not.toHaveProperty('pilotPlan');
  });

  it('patches only what changed, clearing with null', () => {
    expect(patchBody(filled(), stored)).toEqual({});
    const f = { ...filled(), title: 'Judul yang baru', budgetEstimate: '', pilotDurationMonths: '', pilotScope: '' };
    expect(patchBody(f, stored)).toEqual({ title: 'Judul yang baru', budgetEstimate: null, pilotPlan: null });
    const g = filled();
    g.indicators = [...g.indicators, { ...emptyIndicator(), name: 'Pengaduan dijawab', baseline: '20%', target: '90%' }];
    expect(patchBody(g, stored)).toEqual({ indicators: [...stored.indicators, { name: 'Pengaduan dijawab', baseline: '20%', target: '90%' }] });
  });
});

describe('the API 422 messages on the form', () => {
  it('maps nested paths, in either notation, onto the form rows that were sent', () => {
    const f = filled();
    f.indicators = [emptyIndicator(), ...f.indicators];
    expect(formPath('indicators.0.name', f)).toBe('indicators.1.name');
    expect(formPath('indicators[0].name', f)).toBe('indicators.1.name');
    expect(formPath('pilotPlan.durationMonths', f)).toBe('pilotPlan.durationMonths');
    expect(fieldId('indicators[1].name')).toBe('f-indicators-1-name');
  });

  it("reads class-validator's sentences as message keys, keeping unknown ones as written", () => {
    const f = filled();
    f.attachments = [{ ...emptyAttachment(), name: 'Kajian', url: 'http://intranet/kajian.pdf' }];
    expect(
      serverErrors(
        {
          title: ['title must be longer than or equal to 5 characters'],
          'pilotPlan.durationMonths': ['durationMonths must not be greater than 60', 'durationMonths must be an integer number'],
          'attachments.0.url': ['url must be an http(s) URL'],
          category: ['category must be a lower-case slug such as pelayanan-publik'],
          templateCode: ['no chain template has the code "x"'],
        },
        f,
      ),
    ).toEqual({
      title: [{ key: 'minLength', params: { n: 5 } }],
      'pilotPlan.durationMonths': [{ key: 'max', params: { n: 60 } }, { key: 'integer' }],
      'attachments.0.url': [{ key: 'url' }],
      category: [{ key: 'slug' }],
      templateCode: [{ key: 'raw', raw: 'no chain template has the code "x"' }],
    });
  });
});

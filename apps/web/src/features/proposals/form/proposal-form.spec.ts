import { describe, expect, it } from '@jest/globals';
import {
  createBody,
  emptyAttachment,
  emptyForm,
  emptyIndicator,
  entersSubmit,
  fieldId,
  fingerprint,
  formOf,
  humanizeSlug,
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
    expect(validateForm({ ...filled(), budgetEstimate: '1,255' }).budgetEstimate).toEqual([{ key: 'budgetDecimals' }]);
    expect(validateForm({ ...filled(), budgetEstimate: '2.000 triliun' }).budgetEstimate).toEqual([{ key: 'max', params: { n: 'Rp 1.000.000.000.000.000' } }]);
    expect(validateForm({ ...filled(), budgetEstimate: '75000000,50' })).toEqual({});
    expect(validateForm({ ...filled(), budgetEstimate: 'Rp 75 juta' })).toEqual({});
  });

  it('lets a draft leave out all but the title, still checking what is filled in', () => {
    expect(validateForm({ ...emptyForm(), title: 'Antrean daring' }, 'draft')).toEqual({});
    expect(validateForm(emptyForm(), 'draft')).toEqual({ title: [{ key: 'minLength', params: { n: 5 } }] });
    expect(validateForm({ ...emptyForm(), title: 'Antrean daring', problem: 'pendek', budgetEstimate: 'banyak' }, 'draft')).toEqual({
      problem: [{ key: 'minLength', params: { n: 10 } }],
      budgetEstimate: [{ key: 'budget' }],
    });
    // Submitting the same needs everything.
    expect(Object.keys(validateForm({ ...emptyForm(), title: 'Antrean daring' }, 'submit')).sort()).toEqual(
      ['category', 'form', 'initiatorKind', 'problem', 'proposedChange', 'type'],
    );
  });

  it('says a stored draft field can be changed but not emptied (the API would refuse the empty value)', () => {
    expect(validateForm({ ...filled(), problem: '', type: '' }, 'draft', stored)).toEqual({ problem: [{ key: 'cannotEmpty' }], type: [{ key: 'cannotEmpty' }] });
    expect(validateForm({ ...filled(), problem: '' }, 'draft', { ...stored, problem: '' })).toEqual({});
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

  it('creates a draft with only what is filled in, and a submission with every field for the API to check', () => {
    const f = { ...emptyForm(), title: 'Antrean daring', problem: '   ', budgetEstimate: 'Rp 75 juta' };
    expect(createBody(f, false)).toEqual({ title: 'Antrean daring', goals: '', benefits: '', risks: '', budgetEstimate: 75_000_000, indicators: [], collaboratingUnitIds: [], attachments: [], submit: false });
    expect(createBody(f, true)).toMatchObject({ problem: '   ', category: '', type: '', form: '', initiatorKind: '', submit: true });
  });

  it('patches only what changed, clearing with null', () => {
    expect(patchBody(filled(), stored)).toEqual({});
    const f = { ...filled(), title: 'Judul yang baru', budgetEstimate: '', pilotDurationMonths: '', pilotScope: '' };
    expect(patchBody(f, stored)).toEqual({ title: 'Judul yang baru', budgetEstimate: null, pilotPlan: null });
    const g = filled();
    g.indicators = [...g.indicators, { ...emptyIndicator(), name: 'Pengaduan dijawab', baseline: '20%', target: '90%' }];
    expect(patchBody(g, stored)).toEqual({ indicators: [...stored.indicators, { name: 'Pengaduan dijawab', baseline: '20%', target: '90%' }] });
    // The same amount written another way is no change; spaces where a draft had nothing are nothing.
    expect(patchBody({ ...filled(), budgetEstimate: '75 jt' }, stored)).toEqual({});
    expect(patchBody({ ...filled(), problem: '  ' }, { ...stored, problem: '' })).toEqual({});
  });

  it('shows a stored budget written out, the Indonesian way', () => {
    expect(filled().budgetEstimate).toBe('Rp 75.000.000');
    expect(formOf({ ...stored, budgetEstimate: 1500.5 }).budgetEstimate).toBe('Rp 1.500,50');
  });
});

describe('unsaved changes and keys', () => {
  it('tells content that would be sent differently from the saved one, ignoring how an amount is written', () => {
    expect(fingerprint(filled())).toBe(fingerprint(formOf(stored)));
    expect(fingerprint({ ...filled(), budgetEstimate: '75 juta' })).toBe(fingerprint(filled()));
    expect(fingerprint({ ...filled(), budgetEstimate: '76 juta' })).not.toBe(fingerprint(filled()));
    expect(fingerprint({ ...filled(), budgetEstimate: 'banyak' })).not.toBe(fingerprint({ ...filled(), budgetEstimate: 'sedikit' }));
    expect(fingerprint({ ...filled(), pilotDurationMonths: 'x' })).not.toBe(fingerprint(filled()));
    expect(fingerprint({ ...emptyForm(), indicators: [emptyIndicator(), emptyIndicator()] })).toBe(fingerprint(emptyForm()));
    expect(fingerprint({ ...emptyForm(), title: 'J' })).not.toBe(fingerprint(emptyForm()));
  });

  it('keeps Enter from submitting from one-line inputs only', () => {
    expect(entersSubmit({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(entersSubmit({ tagName: 'INPUT', type: 'url' })).toBe(true);
    expect(entersSubmit({ tagName: 'INPUT' })).toBe(true);
    expect(entersSubmit({ tagName: 'TEXTAREA', type: 'textarea' })).toBe(false);
    expect(entersSubmit({ tagName: 'BUTTON', type: 'submit' })).toBe(false);
    expect(entersSubmit({ tagName: 'INPUT', type: 'submit' })).toBe(false);
    expect(entersSubmit({ tagName: 'SELECT', type: 'select-one' })).toBe(false);
  });

  it('names a category from its slug when the language has no name for it', () => {
    expect(humanizeSlug('integrasi-data')).toBe('Integrasi data');
    expect(humanizeSlug('umum')).toBe('Umum');
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

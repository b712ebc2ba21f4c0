import { describe, expect, it } from '@jest/globals';
import { changedFields, latestResubmission } from './version-diff';

const v1 = {
  version: 1,
  title: 'Antrean daring',
  problem: 'Antre berjam-jam.',
  proposedChange: 'Nomor antrean daring.',
  goals: '',
  benefits: 'Menunggu dari rumah.',
  category: 'pelayanan-publik',
  type: 'digital',
  form: 'pelayanan-publik',
  initiatorKind: 'kelompok',
  budgetEstimate: 75_000_000,
  pilotPlan: { durationMonths: 6, scope: 'Loket pusat' },
  indicators: [{ name: 'Waktu tunggu', baseline: '120 menit', target: '30 menit' }],
  risks: 'Belum semua punya ponsel.',
  collaboratingUnitIds: ['u1'],
  attachments: [{ name: 'Kajian.pdf', url: 'https://contoh.go.id/kajian.pdf' }],
};

describe('changedFields', () => {
  it('finds nothing between equal versions, whatever the order of keys or the version number', () => {
    const reordered = { ...v1, version: 2, pilotPlan: { scope: 'Loket pusat', durationMonths: 6 }, indicators: [{ target: '30 menit', baseline: '120 menit', name: 'Waktu tunggu' }] };
    expect(changedFields(v1, reordered)).toEqual([]);
  });

  it('lists every changed field with its old and new value, in the order of the form', () => {
    const v2 = {
      ...v1,
      title: 'Antrean daring dan SMS',
      budgetEstimate: 90_000_000,
      pilotPlan: { durationMonths: 3, scope: 'Loket pusat' },
      indicators: [...v1.indicators, { name: 'Pengaduan', baseline: '0', target: '100' }],
      attachments: [],
    };
    expect(changedFields(v1, v2)).toEqual([
      { field: 'title', before: 'Antrean daring', after: 'Antrean daring dan SMS' },
      { field: 'budgetEstimate', before: 75_000_000, after: 90_000_000 },
      { field: 'pilotPlan', before: v1.pilotPlan, after: { durationMonths: 3, scope: 'Loket pusat' } },
      { field: 'indicators', before: v1.indicators, after: v2.indicators },
      { field: 'attachments', before: v1.attachments, after: [] },
    ]);
  });

  it('reads a value filled in or cleared as a change, but empty text and null alike as not filled in', () => {
    expect(changedFields(v1, { ...v1, goals: null })).toEqual([]);
    expect(changedFields(v1, { ...v1, goals: 'Waktu tunggu turun.' })).toEqual([{ field: 'goals', before: null, after: 'Waktu tunggu turun.' }]);
    expect(changedFields(v1, { ...v1, budgetEstimate: null, pilotPlan: null })).toEqual([
      { field: 'budgetEstimate', before: 75_000_000, after: null },
      { field: 'pilotPlan', before: v1.pilotPlan, after: null },
    ]);
    expect(changedFields(v1, { ...v1, budgetEstimate: '75000000.00' })).toEqual([]);
  });

  it('sees a reordered or edited list item as a change of the list', () => {
    const two = { ...v1, collaboratingUnitIds: ['u1', 'u2'] };
    expect(changedFields(two, { ...two, collaboratingUnitIds: ['u2', 'u1'] })).toHaveLength(1);
    const edited = changedFields(v1, { ...v1, indicators: [{ ...v1.indicators[0], target: '20 menit' }] });
    expect(edited.map((c) => c.field)).toEqual(['indicators']);
  });
});

describe('latestResubmission', () => {
  const submitted = (version: number) => ({ type: 'proposal.submitted', data: { proposalVersion: version } });
  const resubmitted = (version: number, round: number, note: string | null) => ({ type: 'proposal.resubmitted', data: { proposalVersion: version, round, note } });
  const decided = { type: 'task.decided', data: { decision: 'return' } };

  it('is null before any resubmission', () => {
    expect(latestResubmission([])).toBeNull();
    expect(latestResubmission([submitted(1), decided])).toBeNull();
  });

  it('compares the latest round with the submission before it, with the note', () => {
    expect(latestResubmission([submitted(1), decided, resubmitted(3, 2, 'Anggaran dirinci.')])).toEqual({ round: 2, version: 3, previousVersion: 1, note: 'Anggaran dirinci.' });
    expect(latestResubmission([submitted(1), decided, resubmitted(3, 2, 'a'), decided, resubmitted(4, 3, '  ')])).toEqual({ round: 3, version: 4, previousVersion: 3, note: null });
  });
});

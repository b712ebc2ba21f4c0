import type { CycleTimeGroupRow } from '@libs/persistence/cycle-times.queries';
import { cycleTimesView } from './cycle-time-groups';

const row = (over: Partial<CycleTimeGroupRow>): CycleTimeGroupRow => ({
  byStageOnly: false,
  unitId: 'u1',
  unitName: 'Dinas Kesehatan',
  stageName: 'Kepala Bidang',
  decided: 3,
  medianHours: 2,
  p90Hours: 5,
  averageHours: 2.5,
  sla: 'P3D',
  ...over,
});

describe('cycleTimesView', () => {
  it('puts per-unit groups in items and per-stage groups in stages, keeping their order', () => {
    const rows = [
      row({ byStageOnly: true, unitId: null, unitName: null, stageName: 'Kepala Bidang', decided: 7 }),
      row({ stageName: 'Kepala Bidang' }),
      row({ stageName: 'Kepala Dinas', decided: 1 }),
      row({ byStageOnly: true, unitId: null, unitName: null, stageName: 'Kepala Dinas', decided: 1 }),
    ];
    const view = cycleTimesView(rows);
    expect(view.items.map((i) => [i.unitId, i.stageName, i.decided])).toEqual([
      ['u1', 'Kepala Bidang', 3],
      ['u1', 'Kepala Dinas', 1],
    ]);
    expect(view.stages).toEqual([
      { stageName: 'Kepala Bidang', decided: 7, medianHours: 2, p90Hours: 5, averageHours: 2.5, sla: 'P3D', slaHours: 72 },
      { stageName: 'Kepala Dinas', decided: 1, medianHours: 2, p90Hours: 5, averageHours: 2.5, sla: 'P3D', slaHours: 72 },
    ]);
  });

  it('gives the Batas Waktu in hours, and none for a stage without one or with one no longer readable', () => {
    expect(cycleTimesView([row({ sla: 'PT12H' })]).items[0]).toMatchObject({ sla: 'PT12H', slaHours: 12 });
    expect(cycleTimesView([row({ sla: null })]).items[0]).toMatchObject({ sla: null, slaHours: null });
    expect(cycleTimesView([row({ sla: 'P1M' })]).items[0]).toMatchObject({ sla: null, slaHours: null });
  });

  it('names a unit that no longer exists with an empty name', () => {
    expect(cycleTimesView([row({ unitName: null })]).items[0].unitName).toBe('');
  });
});

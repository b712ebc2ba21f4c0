import { durationToMs, isIsoDuration } from '@libs/domain/duration';
import type { CycleTimeGroupRow } from '@libs/persistence/cycle-times.queries';
import type { CycleTimeRowView, CycleTimeStageView } from './dto/cycle-time.dto';

/** The Batas Waktu in hours, to draw beside the cycle times; null without one (or with one no longer readable). */
const slaHours = (sla: string | null) => (sla && isIsoDuration(sla) ? durationToMs(sla) / 3_600_000 : null);

const stats = (r: CycleTimeGroupRow) => ({
  decided: r.decided,
  medianHours: r.medianHours,
  p90Hours: r.p90Hours,
  averageHours: r.averageHours,
  sla: r.sla && isIsoDuration(r.sla) ? r.sla : null,
  slaHours: slaHours(r.sla),
});

/** The groups as the answer lists them: per unit and stage (`items`), and per stage over every unit (`stages`), in the order read. */
export function cycleTimesView(rows: readonly CycleTimeGroupRow[]): { items: CycleTimeRowView[]; stages: CycleTimeStageView[] } {
  const items = rows
    .filter((r) => !r.byStageOnly)
    .map((r) => ({ unitId: r.unitId!, unitName: r.unitName ?? '', stageName: r.stageName, ...stats(r) }));
  const stages = rows.filter((r) => r.byStageOnly).map((r) => ({ stageName: r.stageName, ...stats(r) }));
  return { items, stages };
}

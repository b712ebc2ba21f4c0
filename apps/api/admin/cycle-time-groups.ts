import type { CycleTimeGroupRow } from '@libs/persistence/cycle-times.queries';
import type { CycleTimeRowView, CycleTimeStageView } from './dto/cycle-time.dto';

const stats = (r: CycleTimeGroupRow) => ({ decided: r.decided, medianHours: r.medianHours, p90Hours: r.p90Hours, averageHours: r.averageHours });

/** The groups as the answer lists them: per unit and stage (`items`), and per stage over every unit (`stages`), in the order read. */
export function cycleTimesView(rows: readonly CycleTimeGroupRow[]): { items: CycleTimeRowView[]; stages: CycleTimeStageView[] } {
  const items = rows
    .filter((r) => !r.byStageOnly)
    .map((r) => ({ unitId: r.unitId!, unitName: r.unitName ?? '', stageName: r.stageName, ...stats(r) }));
  const stages = rows.filter((r) => r.byStageOnly).map((r) => ({ stageName: r.stageName, ...stats(r) }));
  return { items, stages };
}

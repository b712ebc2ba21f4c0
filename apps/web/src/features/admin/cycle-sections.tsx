import { useTranslation } from 'react-i18next';
import type { CycleTimesView } from '@apps/web/src/lib/api-types';
import { formatDuration } from '@apps/web/src/lib/format';
import { CycleChart } from './bar-chart';
import { Heatmap } from './heatmap';

type StageStats = CycleTimesView['stages'][number];
type UnitStats = CycleTimesView['items'][number];

/** Hours in words, the two largest units: "1 hari 4 jam". */
function useHours() {
  const { t } = useTranslation('admin');
  return (h: number) => formatDuration(h * 3600, t);
}

/** The figures of rows as a table (the same numbers as the drawing, for screen readers and for copying). */
function CycleTable({ id, title, heads, rows }: { id: string; title: string; heads: string[]; rows: { key: string; cells: string[]; stats: StageStats }[] }) {
  const { t } = useTranslation('admin');
  const hours = useHours();
  const all = [...heads, t('stats.col.decided'), t('stats.col.median'), t('stats.col.p90'), t('stats.col.sla'), t('stats.col.average')];
  return (
    <div className="table-wrap">
      <table className="responsive" data-testid={`${id}-table`}>
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            {all.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, cells, stats: s }) => {
            const sla = s.slaHours === null ? t('stats.noSla') : hours(s.slaHours);
            const values = [...cells, String(s.decided), hours(s.medianHours), hours(s.p90Hours), sla, hours(s.averageHours)];
            return (
              <tr key={key}>
                {values.map((v, i) => (
                  <td data-label={all[i]} key={i}>
                    {v}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Per stage: the median, the 90th percentile and the Batas Waktu drawn side by side, and the table. */
export function StageSection({ stages }: { stages: StageStats[] }) {
  const { t } = useTranslation('admin');
  const hours = useHours();
  const title = t('stats.byStage');
  const valueText = (s: StageStats) =>
    [
      t('stats.medianText', { value: hours(s.medianHours) }),
      t('stats.p90Text', { value: hours(s.p90Hours) }),
      s.slaHours === null ? t('stats.noSla') : t('stats.slaText', { value: hours(s.slaHours) }),
      t('stats.decidedText', { count: s.decided }),
    ].join(' · ');
  return (
    <section aria-labelledby="stats-stage-title">
      <h2 id="stats-stage-title">{title}</h2>
      <CycleChart
        title={t('stats.chartStage')}
        bars={stages.map((s) => ({ label: s.stageName, median: s.medianHours, p90: s.p90Hours, sla: s.slaHours ?? null, valueText: valueText(s) }))}
        legend={{ median: t('stats.legend.median'), p90: t('stats.legend.p90'), sla: t('stats.legend.sla') }}
      />
      <CycleTable id="stats-stage" title={title} heads={[t('stats.col.stage')]} rows={stages.map((s) => ({ key: s.stageName, cells: [s.stageName], stats: s }))} />
    </section>
  );
}

/** Per unit and stage: a heatmap of the median (units down, stages across), and the table. */
export function UnitSection({ items, stageOrder }: { items: UnitStats[]; stageOrder: string[] }) {
  const { t } = useTranslation('admin');
  const hours = useHours();
  const title = t('stats.byUnit');
  const units = [...new Map(items.map((r) => [r.unitId, r.unitName])).entries()].map(([key, label]) => ({ key, label }));
  const columns = stageOrder.filter((s) => items.some((r) => r.stageName === s));
  return (
    <section aria-labelledby="stats-unit-title">
      <h2 id="stats-unit-title">{title}</h2>
      <Heatmap
        caption={t('stats.heatmapCaption')}
        rowHead={t('stats.col.unit')}
        rows={units}
        columns={columns}
        cells={items.map((r) => ({ rowKey: r.unitId, column: r.stageName, value: r.medianHours, valueText: hours(r.medianHours), note: t('stats.decidedText', { count: r.decided }) }))}
        format={hours}
        testId="stats-heatmap"
      />
      <CycleTable
        id="stats-unit"
        title={title}
        heads={[t('stats.col.unit'), t('stats.col.stage')]}
        rows={items.map((r) => ({ key: `${r.unitId}-${r.stageName}`, cells: [r.unitName, r.stageName], stats: r }))}
      />
    </section>
  );
}

import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { DateTime } from '@apps/web/src/components/labels';
import { Loading, Page } from '@apps/web/src/components/page';
import { query } from '@apps/web/src/lib/api';
import type { CycleTimesView, UnitListView } from '@apps/web/src/lib/api-types';
import { addDays, dateInput, endOfDay, startOfDay } from '@apps/web/src/lib/dates';
import { formatDuration } from '@apps/web/src/lib/format';
import { useApi } from '@apps/web/src/lib/use-api';
import { AdminNav, AdminOnly } from './admin-shell';
import { BarChart } from './bar-chart';
import { UnitSelect } from './unit-select';

/** The figures of one row of the cycle times. */
type Stats = Pick<CycleTimesView['stages'][number], 'decided' | 'medianHours' | 'p90Hours' | 'averageHours'>;

export function StatisticsPage() {
  return (
    <AdminOnly>
      <Statistics />
    </AdminOnly>
  );
}

/** Statistik: how long each stage takes to decide, per stage and per proposer unit (GET /api/admin/cycle-times). */
function Statistics() {
  const { t } = useTranslation('admin');
  const today = dateInput(new Date());
  const [draft, setDraft] = useState({ from: dateInput(addDays(new Date(), -90)), to: today, unitId: '' });
  const [applied, setApplied] = useState(draft);
  const [dateError, setDateError] = useState<string | null>(null);
  const units = useApi<UnitListView>('/api/units');
  const path = `/api/admin/cycle-times${query({ from: startOfDay(applied.from).toISOString(), to: endOfDay(applied.to).toISOString(), unitId: applied.unitId })}`;
  const stats = useApi<CycleTimesView>(path);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.from || !draft.to || draft.to < draft.from) {
      setDateError(t('stats.rangeError'));
      return;
    }
    setDateError(null);
    setApplied(draft);
  };
  const cols = { stage: t('stats.col.stage'), unit: t('stats.col.unit') };
  const data = stats.data;

  return (
    <Page title={t('stats.title')}>
      <AdminNav />
      <p>{t('stats.intro')}</p>
      <form className="filters" onSubmit={submit} aria-label={t('stats.filters')}>
        <div>
          <label htmlFor="stats-from">{t('stats.from')}</label>
          <input
            id="stats-from"
            type="date"
            value={draft.from}
            max={draft.to || today}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
            aria-invalid={dateError ? true : undefined}
            aria-describedby={dateError ? 'stats-range-error' : undefined}
          />
        </div>
        <div>
          <label htmlFor="stats-to">{t('stats.to')}</label>
          <input
            id="stats-to"
            type="date"
            value={draft.to}
            min={draft.from}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
            aria-invalid={dateError ? true : undefined}
            aria-describedby={dateError ? 'stats-range-error' : undefined}
          />
        </div>
        <div>
          <label htmlFor="stats-unit">{t('stats.unit')}</label>
          <UnitSelect id="stats-unit" value={draft.unitId} units={units.data?.items} onChange={(unitId) => setDraft({ ...draft, unitId })} />
        </div>
        <div className="filter-buttons">
          <button type="submit">{t('stats.show')}</button>
        </div>
        {dateError ? (
          <p id="stats-range-error" className="field-error" role="alert">
            {dateError}
          </p>
        ) : null}
      </form>
      <ErrorMessage error={stats.error} ns="admin" />
      {stats.loading ? <Loading /> : null}
      {data ? (
        <>
          <p className="muted">
            {t('stats.range')} <DateTime value={data.from} /> – <DateTime value={data.to} />
          </p>
          {data.stages.length === 0 ? (
            <p className="empty">{t('stats.empty')}</p>
          ) : (
            <>
              <CycleSection
                id="stats-stage"
                title={t('stats.byStage')}
                chartTitle={t('stats.chartStage')}
                rows={data.stages.map((s) => ({ ...s, key: s.stageName, label: s.stageName, cells: [s.stageName] }))}
                heads={[cols.stage]}
              />
              <CycleSection
                id="stats-unit"
                title={t('stats.byUnit')}
                chartTitle={t('stats.chartUnit')}
                rows={data.items.map((r) => ({ ...r, key: `${r.unitId}-${r.stageName}`, label: `${r.unitName} — ${r.stageName}`, cells: [r.unitName, r.stageName] }))}
                heads={[cols.unit, cols.stage]}
              />
            </>
          )}
        </>
      ) : null}
    </Page>
  );
}

interface CycleRow extends Stats {
  key: string;
  /** The bar's label. */
  label: string;
  /** The cells naming the row (stage; or unit and stage), before the figures. */
  cells: string[];
}

/** One breakdown: a bar chart of the median and a table of the same figures (for screen readers too). */
function CycleSection({ id, title, chartTitle, rows, heads }: { id: string; title: string; chartTitle: string; rows: CycleRow[]; heads: string[] }) {
  const { t } = useTranslation('admin');
  const hours = (h: number) => formatDuration(h * 3600, t);
  const figures = [t('stats.col.decided'), t('stats.col.median'), t('stats.col.p90'), t('stats.col.average')];
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <BarChart
        title={chartTitle}
        description={rows.map((r) => t('stats.barText', { label: r.label, value: hours(r.medianHours), count: r.decided })).join('; ')}
        bars={rows.map((r) => ({ label: r.label, value: r.medianHours, valueText: hours(r.medianHours) }))}
      />
      <div className="table-wrap">
        <table className="responsive" data-testid={`${id}-table`}>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {[...heads, ...figures].map((h) => (
                <th scope="col" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const values = [...r.cells, String(r.decided), hours(r.medianHours), hours(r.p90Hours), hours(r.averageHours)];
              return (
                <tr key={r.key}>
                  {values.map((v, i) => (
                    <td data-label={[...heads, ...figures][i]} key={i}>
                      {v}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { DateTime } from '@apps/web/src/components/labels';
import { Loading, Page } from '@apps/web/src/components/page';
import { query } from '@apps/web/src/lib/api';
import type { CycleTimesView, UnitListView } from '@apps/web/src/lib/api-types';
import { addDays, dateInput, endOfDay, startOfDay } from '@apps/web/src/lib/dates';
import { useApi } from '@apps/web/src/lib/use-api';
import { AdminNav, AdminOnly } from './admin-shell';
import { StageSection, UnitSection } from './cycle-sections';
import { UnitSelect } from './unit-select';

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
  const data = stats.data;

  return (
    <Page title={t('stats.title')}>
      <AdminNav />
      <p>{t('stats.intro')}</p>
      <form className="filter-grid" onSubmit={submit} aria-label={t('stats.filters')}>
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
      <ErrorMessage error={stats.error} ns="admin" onRetry={stats.reload} />
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
              <StageSection stages={data.stages} />
              <UnitSection items={data.items} stageOrder={data.stages.map((x) => x.stageName)} />
            </>
          )}
        </>
      ) : null}
    </Page>
  );
}

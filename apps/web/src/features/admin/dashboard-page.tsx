import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { ListTable } from '@apps/web/src/components/list-table';
import { useQueryState } from '@apps/web/src/components/forms';
import { Loading, Page } from '@apps/web/src/components/page';
import { query } from '@apps/web/src/lib/api';
import type { AdminTaskPageView, BlockedStagePageView, SummaryPageView, TrendsView, UnitListView } from '@apps/web/src/lib/api-types';
import { useApi } from '@apps/web/src/lib/use-api';
import { AdminNav, AdminOnly } from './admin-shell';
import { CsvButton } from './download-csv';
import { StuckReason } from './stuck-reason';
import { TrendChart, useWeekLabel } from './trend-chart';
import { UnitSelect } from './unit-select';

/** The counts of the dashboard, each the size of a list of the task page (or of the blocked stages below). */
const COUNTS = ['overdue', 'escalated', 'vacant', 'stuck', 'open'] as const;
const ATTENTION_ROWS = 10;

export function DashboardPage() {
  return (
    <AdminOnly>
      <Dashboard />
    </AdminOnly>
  );
}

/**
 * Ringkasan (the administrator's first page): how much work is late, escalated, unheld, stuck or
 * open, and which approvals need someone to act, each with why and for how long; stages that could
 * not be given to anyone; and how the work moved over the last weeks. One unit or all.
 */
function Dashboard() {
  const { t } = useTranslation('admin');
  const [params, go] = useQueryState();
  const unitId = params.get('unitId') ?? '';
  const units = useApi<UnitListView>('/api/units');
  const summary = useApi<SummaryPageView>(`/api/admin/summary${query({ unitId, pageSize: 1 })}`);
  const blocked = useApi<BlockedStagePageView>(`/api/admin/blocked-stages${query({ unitId, pageSize: ATTENTION_ROWS })}`);
  const attention = useApi<AdminTaskPageView>(`/api/admin/tasks${query({ view: 'attention', unitId, pageSize: ATTENTION_ROWS })}`);
  const trends = useApi<TrendsView>(`/api/admin/trends${query({ unitId, weeks: 8 })}`);

  return (
    <Page title={t('dashboard.title')}>
      <AdminNav />
      <div className="filter-grid dashboard-filter">
        <div>
          <label htmlFor="dashboard-unit">{t('tasks.filter.unit')}</label>
          <UnitSelect id="dashboard-unit" value={unitId} units={units.data?.items} onChange={(id) => go({ unitId: id || null })} />
        </div>
        <div className="filter-buttons">
          <CsvButton path={`/api/admin/summary.csv${query({ unitId })}`} label={t('csv.summary')} fileName="ringkasan-tugas.csv" />
        </div>
      </div>

      <section aria-labelledby="counts-title">
        <h2 id="counts-title">{t('dashboard.counts')}</h2>
        <ErrorMessage error={summary.error ?? blocked.error} ns="admin" onRetry={summary.reload} />
        {summary.data && blocked.data ? (
          <ul className="count-cards" data-testid="dashboard-counts">
            {COUNTS.map((c) => (
              <li key={c} data-count={c}>
                <Link to={`/admin/tugas${query({ view: c, unitId })}`}>
                  <span className="count-value">{summary.data!.totals[c]}</span>
                  <span className="count-label">{t(`dashboard.count.${c}`)}</span>
                </Link>
              </li>
            ))}
            <li data-count="blocked">
              <a href="#blocked-title">
                <span className="count-value">{blocked.data.total}</span>
                <span className="count-label">{t('dashboard.count.blocked')}</span>
              </a>
            </li>
          </ul>
        ) : (
          <Loading />
        )}
      </section>

      <AttentionSection data={attention.data} error={attention.error} reload={attention.reload} unitId={unitId} />
      <BlockedSection data={blocked.data} />
      <TrendSection data={trends.data} error={trends.error} reload={trends.reload} />
    </Page>
  );
}

/** The tasks waiting longest for someone to act (nobody holds them, or they are late), each with why. */
function AttentionSection({ data, error, reload, unitId }: { data: AdminTaskPageView | null; error: unknown; reload: () => void; unitId: string }) {
  const { t } = useTranslation('admin');
  const cols = { proposal: t('tasks.col.proposal'), stage: t('tasks.col.stage'), post: t('tasks.col.post'), reason: t('tasks.col.reason'), unit: t('tasks.col.unit') };
  return (
    <section aria-labelledby="attention-title">
      <h2 id="attention-title">{t('dashboard.attention')}</h2>
      <p className="muted">{t('dashboard.attentionIntro')}</p>
      <ErrorMessage error={error} ns="admin" onRetry={reload} />
      {!data ? (
        error ? null : <Loading />
      ) : data.items.length === 0 ? (
        <p className="empty">{t('dashboard.attentionEmpty')}</p>
      ) : (
        <>
          <ListTable caption={t('dashboard.attention')} columns={Object.values(cols)} testId="attention-table">
            {data.items.map((x) => (
              <tr key={x.taskId} data-task-id={x.taskId}>
                <td data-label={cols.proposal}>
                  <Link to={`/usulan/${x.proposalId}`}>{x.proposalTitle}</Link>
                </td>
                <td data-label={cols.stage}>{x.stageName}</td>
                <td data-label={cols.post}>{x.positionTitle}</td>
                <td data-label={cols.reason}>
                  <StuckReason reason={x.stuckReason} />
                </td>
                <td data-label={cols.unit}>{x.unitName}</td>
              </tr>
            ))}
          </ListTable>
          <p>
            <Link to={`/admin/tugas${query({ view: 'attention', unitId })}`}>{t('dashboard.attentionAll', { count: data.total })}</Link>
          </p>
        </>
      )}
    </section>
  );
}

/** Approvals whose stage could not be given to anyone: no task exists, so no task list shows them. */
function BlockedSection({ data }: { data: BlockedStagePageView | null }) {
  const { t } = useTranslation('admin');
  const cols = { proposal: t('tasks.col.proposal'), stage: t('tasks.col.stage'), reason: t('tasks.col.reason'), unit: t('tasks.col.unit') };
  return (
    <section aria-labelledby="blocked-title">
      <h2 id="blocked-title" tabIndex={-1}>
        {t('dashboard.blocked')}
      </h2>
      <p className="muted">{t('dashboard.blockedIntro')}</p>
      {!data ? null : data.items.length === 0 ? (
        <p className="empty">{t('dashboard.blockedEmpty')}</p>
      ) : (
        <ListTable caption={t('dashboard.blocked')} columns={Object.values(cols)} testId="blocked-table">
          {data.items.map((b) => (
            <tr key={b.proposalId} data-proposal-id={b.proposalId}>
              <td data-label={cols.proposal}>
                <Link to={`/usulan/${b.proposalId}`}>{b.proposalTitle}</Link>
              </td>
              <td data-label={cols.stage}>{b.stageName}</td>
              <td data-label={cols.reason}>
                <div>
                  <StuckReason reason={b.stuckReason} />
                  <span className="muted small blocked-detail">{t('dashboard.blockedDetail', { detail: b.detail })}</span>
                </div>
              </td>
              <td data-label={cols.unit}>{b.unitName}</td>
            </tr>
          ))}
        </ListTable>
      )}
    </section>
  );
}

/** The last eight weeks: work opened against work decided, and how much was late at each week's end. */
function TrendSection({ data, error, reload }: { data: TrendsView | null; error: unknown; reload: () => void }) {
  const { t } = useTranslation('admin');
  const weekLabel = useWeekLabel();
  const cols = { week: t('trends.col.week'), opened: t('trends.opened'), decided: t('trends.decided'), overdue: t('trends.overdue') };
  return (
    <section aria-labelledby="trends-title">
      <h2 id="trends-title">{t('trends.title')}</h2>
      <ErrorMessage error={error} ns="admin" onRetry={reload} />
      {data ? (
        <>
          <TrendChart weeks={data.weeks} title={t('trends.chart')} />
          <div className="table-wrap">
            {/* Four short columns fit a phone as they are: no stacking into cards. */}
            <table className="trend-table" data-testid="trends-table">
              <caption className="visually-hidden">{t('trends.title')}</caption>
              <thead>
                <tr>
                  {Object.values(cols).map((c) => (
                    <th scope="col" key={c}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.weeks.map((w) => (
                  <tr key={w.weekStart}>
                    <td data-label={cols.week}>{weekLabel(w)}</td>
                    <td data-label={cols.opened}>{w.opened}</td>
                    <td data-label={cols.decided}>{w.decided}</td>
                    <td data-label={cols.overdue}>{w.overdue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : error ? null : (
        <Loading />
      )}
    </section>
  );
}

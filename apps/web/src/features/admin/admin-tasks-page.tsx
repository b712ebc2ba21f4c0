import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { useQueryState } from '@apps/web/src/components/forms';
import { Loading, Page } from '@apps/web/src/components/page';
import { Pager } from '@apps/web/src/components/pager';
import { query } from '@apps/web/src/lib/api';
import type { AdminTaskPageView, AdminTaskView, AssignOutcomeView, UnitListView } from '@apps/web/src/lib/api-types';
import { useApi } from '@apps/web/src/lib/use-api';
import { AdminNav, AdminOnly } from './admin-shell';
import { AdminTaskRow } from './admin-task-row';
import { CsvButton } from './download-csv';
import { PostPicker } from './post-picker';
import { ReassignPanel } from './reassign-panel';
import { ReassignResults } from './reassign-results';
import { StageSelect } from './stage-select';
import { TASK_VIEWS, TaskView } from './task-views';
import { UnitSelect } from './unit-select';

const PAGE_SIZE = 20;
const STUCK_AGES = ['P1D', 'P3D', 'P7D', 'P14D', 'P30D'] as const;

export function AdminTasksPage() {
  return (
    <AdminOnly>
      <AdminTasks />
    </AdminOnly>
  );
}

/**
 * Tugas (admin): overdue, needing attention, escalated, vacant-post, stuck or all open tasks, each with
 * why it waits; filters picked from lists (unit, stage, post), the list as CSV, and pengalihan tugas
 * (reassignment) of the chosen tasks to another person.
 */
function AdminTasks() {
  const { t } = useTranslation('admin');
  const [params, go] = useQueryState();
  const view: TaskView = (TASK_VIEWS as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as TaskView) : 'overdue';
  const unitId = params.get('unitId') ?? '';
  const stage = params.get('stage') ?? '';
  const positionId = params.get('positionId') ?? '';
  const olderThan = params.get('olderThan') ?? 'P7D';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [unitDraft, setUnitDraft] = useState(unitId);
  const [stageDraft, setStageDraft] = useState(stage);
  const [postDraft, setPostDraft] = useState(positionId);
  const [selected, setSelected] = useState<Map<string, AdminTaskView>>(new Map());
  const [reassigning, setReassigning] = useState(false);
  const [results, setResults] = useState<{ results: AssignOutcomeView[]; titles: Map<string, string> } | null>(null);

  const filters = { view, unitId, stage, positionId, olderThan: view === 'stuck' ? olderThan : undefined };
  const tasks = useApi<AdminTaskPageView>(`/api/admin/tasks${query({ ...filters, page, pageSize: PAGE_SIZE })}`);
  const units = useApi<UnitListView>('/api/units');

  const applyFilters = (e: FormEvent) => {
    e.preventDefault();
    go({ unitId: unitDraft || null, stage: stageDraft || null, positionId: postDraft || null, page: null });
  };
  const clearFilters = () => {
    setUnitDraft('');
    setStageDraft('');
    setPostDraft('');
    go({ unitId: null, stage: null, positionId: null, page: null });
  };
  const toggle = (task: AdminTaskView, on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      if (on) next.set(task.taskId, task);
      else next.delete(task.taskId);
      return next;
    });
  const items = tasks.data?.items ?? [];
  const selectable = items.filter((x) => x.status === 'open');
  const allOnPage = selectable.length > 0 && selectable.every((x) => selected.has(x.taskId));

  const cols = {
    choose: t('tasks.col.choose'),
    proposal: t('tasks.col.proposal'),
    stage: t('tasks.col.stage'),
    post: t('tasks.col.post'),
    holder: t('tasks.col.holder'),
    unit: t('tasks.col.unit'),
    reason: t('tasks.col.reason'),
    age: t('tasks.col.age'),
    due: t('tasks.col.due'),
  };

  return (
    <Page title={t('tasks.title')}>
      <AdminNav />
      <nav className="view-tabs" aria-label={t('tasks.views')}>
        {TASK_VIEWS.map((v) => (
          <Link key={v} to={`/admin/tugas${query({ view: v, unitId, stage, positionId })}`} aria-current={v === view ? 'page' : undefined}>
            {t(`tasks.view.${v}`)}
          </Link>
        ))}
      </nav>
      <p className="muted">{t(`tasks.explain.${view}`)}</p>
      <form className="filter-grid" onSubmit={applyFilters} aria-label={t('tasks.filters')}>
        <div>
          <label htmlFor="filter-unit">{t('tasks.filter.unit')}</label>
          <UnitSelect id="filter-unit" value={unitDraft} units={units.data?.items} onChange={(unitId) => setUnitDraft(unitId)} />
        </div>
        <div>
          <label htmlFor="filter-stage">{t('tasks.filter.stage')}</label>
          <StageSelect id="filter-stage" value={stageDraft} onChange={setStageDraft} />
        </div>
        <PostPicker id="filter-post" value={postDraft} onChange={setPostDraft} />
        {view === 'stuck' ? (
          <div>
            <label htmlFor="filter-age">{t('tasks.filter.olderThan')}</label>
            <select id="filter-age" value={olderThan} onChange={(e) => go({ olderThan: e.target.value, page: null })}>
              {STUCK_AGES.map((a) => (
                <option key={a} value={a}>
                  {t(`tasks.age.${a}`)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="filter-buttons">
          <button type="submit">{t('tasks.filter.apply')}</button>
          {unitId || stage || positionId ? (
            <button type="button" className="link-button" onClick={clearFilters}>
              {t('tasks.filter.clear')}
            </button>
          ) : null}
        </div>
      </form>

      {results ? <ReassignResults results={results.results} titles={results.titles} onClose={() => setResults(null)} /> : null}
      {reassigning && selected.size > 0 ? (
        <ReassignPanel
          tasks={[...selected.values()]}
          onCancel={() => setReassigning(false)}
          onDone={(res) => {
            setResults({ results: res, titles: new Map([...selected.values()].map((x) => [x.taskId, x.proposalTitle])) });
            setSelected(new Map());
            setReassigning(false);
            tasks.reload();
          }}
        />
      ) : null}

      <ErrorMessage error={tasks.error} ns="admin" onRetry={tasks.reload} />
      {tasks.loading ? <Loading /> : null}
      {tasks.data ? (
        <>
          <div className="list-head">
            <p className="muted">{t('tasks.count', { count: tasks.data.total })}</p>
            <div className="button-row">
              <CsvButton path={`/api/admin/tasks.csv${query(filters)}`} label={t('csv.tasks')} fileName={`tugas-${view}.csv`} />
              <button type="button" className="primary" disabled={selected.size === 0} onClick={() => setReassigning(true)}>
                {t('tasks.reassign', { count: selected.size })}
              </button>
            </div>
          </div>
          {items.length === 0 ? (
            <p className="empty">{t('tasks.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="responsive admin-tasks">
                <caption className="visually-hidden">{t(`tasks.view.${view}`)}</caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <input
                        type="checkbox"
                        aria-label={t('tasks.chooseAll')}
                        checked={allOnPage}
                        onChange={(e) => selectable.forEach((x) => toggle(x, e.target.checked))}
                      />
                    </th>
                    <th scope="col">{cols.proposal}</th>
                    <th scope="col">{cols.stage}</th>
                    <th scope="col">{cols.post}</th>
                    <th scope="col">{cols.holder}</th>
                    <th scope="col">{cols.unit}</th>
                    <th scope="col">{cols.reason}</th>
                    <th scope="col">{cols.age}</th>
                    <th scope="col">{cols.due}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((x) => (
                    <AdminTaskRow key={x.taskId} task={x} cols={cols} selected={selected.has(x.taskId)} onToggle={(on) => toggle(x, on)} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager page={page} pageSize={PAGE_SIZE} total={tasks.data.total} onPage={(p) => go({ page: String(p) })} />
        </>
      ) : null}
    </Page>
  );
}

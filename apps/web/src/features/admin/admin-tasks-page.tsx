import { UnitSelect } from './unit-select';
import { useQueryState } from '../../components/forms';
import { FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CapacityLabel, DateTime, Loading, Page } from '../../components/common';
import { AreaError } from '../tasks/area-error';
import { Pager } from '../tasks/pager';
import type { Paged } from '../tasks/task-types';
import { query, useApi } from '../tasks/use-api';
import { AdminNav, AdminOnly } from './admin-shell';
import { AdminTask, ReassignResult, TASK_VIEWS, TaskView, Unit } from './admin-types';
import { formatDuration } from './format';
import { ReassignPanel } from './reassign-panel';

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
 * Tugas (admin): overdue, escalated, vacant-post, stuck or all open tasks, with filters, and Disposisi
 * of the chosen tasks to another person.
 */
function AdminTasks() {
  const { t } = useTranslation('admin');
  const [params, go] = useQueryState();
  const view: TaskView = (TASK_VIEWS as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as TaskView) : 'overdue';
  const unitId = params.get('unitId') ?? '';
  const stage = params.get('stage') ?? '';
  const olderThan = params.get('olderThan') ?? 'P7D';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [unitDraft, setUnitDraft] = useState(unitId);
  const [stageDraft, setStageDraft] = useState(stage);
  const [selected, setSelected] = useState<Map<string, AdminTask>>(new Map());
  const [reassigning, setReassigning] = useState(false);
  const [results, setResults] = useState<{ results: ReassignResult[]; titles: Map<string, string> } | null>(null);

  const tasks = useApi<Paged<AdminTask>>(
    `/api/admin/tasks${query({ view, unitId, stage, olderThan: view === 'stuck' ? olderThan : undefined, page, pageSize: PAGE_SIZE })}`,
  );
  const units = useApi<{ items: Unit[] }>('/api/units');
  const summary = useApi<{ items: { stageName: string }[] }>('/api/admin/summary?pageSize=100');
  const stageNames = useMemo(() => [...new Set((summary.data?.items ?? []).map((r) => r.stageName))].sort(), [summary.data]);

  const applyFilters = (e: FormEvent) => {
    e.preventDefault();
    go({ unitId: unitDraft || null, stage: stageDraft.trim() || null, page: null });
  };
  const toggle = (task: AdminTask, on: boolean) =>
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
    age: t('tasks.col.age'),
    due: t('tasks.col.due'),
  };

  return (
    <Page title={t('tasks.title')}>
      <AdminNav />
      <nav className="view-tabs" aria-label={t('tasks.views')}>
        {TASK_VIEWS.map((v) => (
          <Link key={v} to={`/admin/tugas${query({ view: v, unitId, stage })}`} aria-current={v === view ? 'page' : undefined}>
            {t(`tasks.view.${v}`)}
          </Link>
        ))}
      </nav>
      <p className="muted">{t(`tasks.explain.${view}`)}</p>
      <form className="filters" onSubmit={applyFilters} aria-label={t('tasks.filters')}>
        <div>
          <label htmlFor="filter-unit">{t('tasks.filter.unit')}</label>
          <UnitSelect id="filter-unit" value={unitDraft} units={units.data?.items} onChange={(unitId) => setUnitDraft(unitId)} />
        </div>
        <div>
          <label htmlFor="filter-stage">{t('tasks.filter.stage')}</label>
          <input id="filter-stage" list="stage-names" value={stageDraft} onChange={(e) => setStageDraft(e.target.value)} aria-describedby="filter-stage-hint" />
          <datalist id="stage-names">
            {stageNames.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <p id="filter-stage-hint" className="muted small">
            {t('tasks.filter.stageHint')}
          </p>
        </div>
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
          {unitId || stage ? (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setUnitDraft('');
                setStageDraft('');
                go({ unitId: null, stage: null, page: null });
              }}
            >
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

      <AreaError error={tasks.error} ns="admin" />
      {tasks.loading ? <Loading /> : null}
      {tasks.data ? (
        <>
          <div className="list-head">
            <p className="muted">{t('tasks.count', { count: tasks.data.total })}</p>
            <button type="button" className="primary" disabled={selected.size === 0} onClick={() => setReassigning(true)}>
              {t('tasks.reassign', { count: selected.size })}
            </button>
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
                    <th scope="col">{cols.age}</th>
                    <th scope="col">{cols.due}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((x) => (
                    <tr key={x.taskId} data-task-id={x.taskId} className={x.overdueSeconds > 0 && x.status === 'open' ? 'overdue' : undefined}>
                      <td data-label={cols.choose}>
                        {x.status === 'open' ? (
                          <input
                            type="checkbox"
                            checked={selected.has(x.taskId)}
                            onChange={(e) => toggle(x, e.target.checked)}
                            aria-label={t('tasks.choose', { title: x.proposalTitle, stage: x.stageName })}
                          />
                        ) : null}
                      </td>
                      <td data-label={cols.proposal}>
                        <div>
                          <Link to={`/usulan/${x.proposalId}`}>{x.proposalTitle}</Link>
                          {x.escalationLevel > 0 ? (
                            <span className="marker marker-escalated">
                              <span aria-hidden="true">⤴ </span>
                              {t('tasks.escalation', { level: x.escalationLevel })}
                            </span>
                          ) : null}
                        </div>
                      </td>
                      <td data-label={cols.stage}>
                        <div>
                          {x.stageName}
                          {x.round > 1 ? <span className="muted small"> · {t('tasks.round', { round: x.round })}</span> : null}
                        </div>
                      </td>
                      <td data-label={cols.post}>{x.positionTitle}</td>
                      <td data-label={cols.holder}>
                        <div>
                          {x.assigneeName ? (
                            <>
                              {x.assigneeName}
                              <span className="muted small">
                                {' '}
                                (<CapacityLabel capacity={x.capacity} onBehalfOf={t('tasks.someone')} />)
                              </span>
                            </>
                          ) : (
                            <span className="marker marker-vacant">{t('tasks.vacant')}</span>
                          )}
                        </div>
                      </td>
                      <td data-label={cols.unit}>{x.unitName}</td>
                      <td data-label={cols.age} className="age">
                        {formatDuration(x.ageSeconds, t)}
                      </td>
                      <td data-label={cols.due}>
                        <div>
                          {x.dueAt ? <DateTime value={x.dueAt} /> : t('tasks.noDue')}
                          {x.overdueSeconds > 0 ? (
                            <span className="marker marker-overdue">
                              <span aria-hidden="true">⚠ </span>
                              {t('tasks.late', { duration: formatDuration(x.overdueSeconds, t) })}
                            </span>
                          ) : null}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager page={page} pageSize={PAGE_SIZE} total={tasks.data.total} onPage={(p) => go({ page: String(p) })} label={t('pager.label', { ns: 'tasks' })} />
        </>
      ) : null}
    </Page>
  );
}

function ReassignResults({ results, titles, onClose }: { results: ReassignResult[]; titles: Map<string, string>; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const moved = results.filter((r) => r.outcome === 'moved').length;
  const cols = { proposal: t('reassign.col.proposal'), outcome: t('reassign.col.outcome'), note: t('reassign.col.note') };
  return (
    <section className="card reassign-results" aria-labelledby="reassign-results-title">
      <h2 id="reassign-results-title">{t('reassign.resultsTitle')}</h2>
      <p role="status">{t('reassign.summary', { moved, skipped: results.length - moved })}</p>
      <div className="table-wrap">
        <table className="responsive">
          <thead>
            <tr>
              <th scope="col">{cols.proposal}</th>
              <th scope="col">{cols.outcome}</th>
              <th scope="col">{cols.note}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.taskId} data-result-task-id={r.taskId}>
                <td data-label={cols.proposal}>{titles.get(r.taskId) ?? r.taskId}</td>
                <td data-label={cols.outcome}>
                  <span className={`marker ${r.outcome === 'moved' ? 'marker-ok' : 'marker-skipped'}`}>{t(`reassign.outcome.${r.outcome}`)}</span>
                </td>
                <td data-label={cols.note}>{r.message ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" onClick={onClose}>
        {t('reassign.close')}
      </button>
    </section>
  );
}

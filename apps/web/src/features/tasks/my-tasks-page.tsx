import { FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { useQueryState } from '@apps/web/src/components/forms';
import { Loading, Page } from '@apps/web/src/components/page';
import { Pager } from '@apps/web/src/components/pager';
import { query } from '@apps/web/src/lib/api';
import type { DelegationPageView, TaskPageView } from '@apps/web/src/lib/api-types';
import { useAuth } from '@apps/web/src/lib/session';
import { useApi } from '@apps/web/src/lib/use-api';
import { TaskCard } from './task-card';

const PAGE_SIZE = 20;

/**
 * Tugas Saya: the open tasks of the posts I act for, soonest due first, each opening its proposal to
 * decide there; or the tasks I decided, newest first.
 */
export function MyTasksPage() {
  const { t } = useTranslation('tasks');
  const [params, go] = useQueryState();
  const view = params.get('status') === 'done' ? 'done' : 'open';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const { reportOpenTasks } = useAuth();
  const tasks = useApi<TaskPageView>(`/api/tasks${query({ status: view === 'done' ? 'done' : undefined, q, page, pageSize: PAGE_SIZE })}`);
  // Who I stand in for, so a delegated task says "Pelimpahan dari <name>".
  const received = useApi<DelegationPageView>('/api/delegations?role=received&current=true&pageSize=100');
  const delegators = useMemo(() => {
    const now = Date.now();
    const map = new Map<string, string>();
    for (const d of received.data?.items ?? []) if (Date.parse(d.startsAt) <= now) map.set(d.positionId, d.delegatorName);
    return map;
  }, [received.data]);
  // The menu's count follows what this page reads (a task may have arrived or left meanwhile).
  const openTotal = view === 'open' && !q ? tasks.data?.total : undefined;
  useEffect(() => {
    if (openTotal !== undefined) reportOpenTasks(openTotal);
  }, [openTotal, reportOpenTasks]);

  const submitSearch = (e: FormEvent) => {
    e.preventDefault();
    go({ q: search.trim() || null, page: null });
  };
  const switchView = () => setSearch('');

  return (
    <Page
      title={t('myTasks.title')}
      actions={
        <Link to="/tugas/pelimpahan" className="button-link">
          {t('myTasks.toDelegations')}
        </Link>
      }
    >
      <nav className="view-tabs" aria-label={t('myTasks.views')}>
        <Link to="/tugas" aria-current={view === 'open' ? 'page' : undefined} onClick={switchView}>
          {t('myTasks.open')}
        </Link>
        <Link to="/tugas?status=done" aria-current={view === 'done' ? 'page' : undefined} onClick={switchView}>
          {t('myTasks.done')}
        </Link>
      </nav>
      <form className="search-row" role="search" onSubmit={submitSearch}>
        <label htmlFor="task-search">{t('myTasks.search')}</label>
        <input id="task-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        <button type="submit">{t('myTasks.searchButton')}</button>
      </form>
      <ErrorMessage error={tasks.error} ns="tasks" onRetry={tasks.reload} />
      {tasks.loading ? <Loading /> : null}
      {tasks.data ? (
        <>
          <p className="muted">{t(view === 'open' ? 'myTasks.countOpen' : 'myTasks.countDone', { count: tasks.data.total })}</p>
          {tasks.data.items.length === 0 ? (
            <p className="empty">{t(q ? 'myTasks.noneFound' : view === 'open' ? 'myTasks.emptyOpen' : 'myTasks.emptyDone')}</p>
          ) : (
            <ul className="task-list">
              {tasks.data.items.map((task) => (
                <li key={task.id}>
                  <TaskCard task={task} delegator={delegators.get(task.positionId) ?? null} />
                </li>
              ))}
            </ul>
          )}
          <Pager page={page} pageSize={PAGE_SIZE} total={tasks.data.total} onPage={(p) => go({ page: String(p) })} />
        </>
      ) : null}
    </Page>
  );
}

import { lazyPage } from '@apps/web/src/components/lazy-page';
import type { Area } from '@apps/web/src/lib/area';

/** Tugas Saya (the approver's inbox and decisions) and Pelimpahan (delegating while away). */
export const tasksArea: Area = {
  routes: [
    { path: '/tugas', element: lazyPage(async () => (await import('./my-tasks-page')).MyTasksPage) },
    { path: '/tugas/pelimpahan', element: lazyPage(async () => (await import('./delegations-page')).DelegationsPage) },
  ],
  nav: [{ to: '/tugas', label: 'nav.myTasks', namespace: 'tasks', role: 'approver', count: 'openTasks' }],
};

import type { Area } from '@apps/web/src/lib/area';
import { DelegationsPage } from './delegations-page';
import { MyTasksPage } from './my-tasks-page';

/** Tugas Saya (the approver's inbox and decisions) and Pelimpahan (delegating while away). */
export const tasksArea: Area = {
  routes: [
    { path: '/tugas', element: <MyTasksPage /> },
    { path: '/tugas/pelimpahan', element: <DelegationsPage /> },
  ],
  nav: [{ to: '/tugas', label: 'nav.myTasks', namespace: 'tasks', role: 'approver' }],
};

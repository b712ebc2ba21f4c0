import { lazyPage } from '@apps/web/src/components/lazy-page';
import type { Area } from '@apps/web/src/lib/area';

/** Administrators: an overview (Ringkasan), tasks to audit and reassign, cycle-time statistics, the organization and the chain templates. */
export const adminArea: Area = {
  routes: [
    { path: '/admin', element: lazyPage(async () => (await import('./dashboard-page')).DashboardPage) },
    { path: '/admin/tugas', element: lazyPage(async () => (await import('./admin-tasks-page')).AdminTasksPage) },
    { path: '/admin/statistik', element: lazyPage(async () => (await import('./statistics-page')).StatisticsPage) },
    { path: '/admin/organisasi', element: lazyPage(async () => (await import('./organization-page')).OrganizationPage) },
    { path: '/admin/organisasi/jabatan/:id', element: lazyPage(async () => (await import('./position-detail-page')).PositionDetailPage) },
    { path: '/admin/templat', element: lazyPage(async () => (await import('./templates-page')).TemplatesPage) },
    { path: '/admin/templat/:code', element: lazyPage(async () => (await import('./template-detail-page')).TemplateDetailPage) },
  ],
  nav: [{ to: '/admin', label: 'nav.admin', namespace: 'admin', role: 'admin' }],
};

import { Navigate } from 'react-router';
import type { Area } from '@apps/web/src/lib/area';
import { AdminOnly } from './admin-shell';
import { AdminTasksPage } from './admin-tasks-page';
import { OrganizationPage } from './organization-page';
import { PositionDetailPage } from './position-detail-page';
import { StatisticsPage } from './statistics-page';
import { TemplateDetailPage } from './template-detail-page';
import { TemplatesPage } from './templates-page';

/** Administrators: tasks to audit and reassign, cycle-time statistics, the organization and the chain templates. */
export const adminArea: Area = {
  routes: [
    {
      path: '/admin',
      element: (
        <AdminOnly>
          <Navigate to="/admin/tugas" replace />
        </AdminOnly>
      ),
    },
    { path: '/admin/tugas', element: <AdminTasksPage /> },
    { path: '/admin/statistik', element: <StatisticsPage /> },
    { path: '/admin/organisasi', element: <OrganizationPage /> },
    { path: '/admin/organisasi/jabatan/:id', element: <PositionDetailPage /> },
    { path: '/admin/templat', element: <TemplatesPage /> },
    { path: '/admin/templat/:code', element: <TemplateDetailPage /> },
  ],
  nav: [{ to: '/admin', label: 'nav.admin', namespace: 'admin', role: 'admin' }],
};

import { Navigate } from 'react-router';
import type { Area } from '../../area';
import { AdminOnly } from './admin-shell';
import { AdminTasksPage } from './admin-tasks';
import { OrganizationPage } from './organization';
import { PositionDetailPage } from './position-detail';
import { StatisticsPage } from './statistics';
import { TemplateDetailPage } from './template-detail';
import { TemplatesPage } from './templates';

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

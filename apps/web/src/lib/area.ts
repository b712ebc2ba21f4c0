import type { RouteObject } from 'react-router';
import type { Role } from './api-types';

/** One area of the app (proposals, tasks, admin): its routes and its entries in the main navigation. */
export interface Area {
  routes: RouteObject[];
  /**
   * The menu entries. `role`: shown to holders of that role. `count: 'openTasks'`: shows how many
   * open tasks the person holds, and shows the entry to anyone who holds one, with the role or not
   * (a Plt., a Plh. or a delegate decides without being an approver by role).
   */
  nav: { to: string; label: string; namespace: string; end?: boolean; role?: Role; count?: 'openTasks' }[];
}

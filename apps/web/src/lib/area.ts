import type { RouteObject } from 'react-router';
import type { Role } from './api-types';

/** One area of the app (proposals, tasks, admin): its routes and its entries in the main navigation. */
export interface Area {
  routes: RouteObject[];
  nav: { to: string; label: string; namespace: string; end?: boolean; role?: Role }[];
  /** Where a signed-in person lands, if this area offers a home page. */
  home?: string;
}

import { adminArea } from './pages/admin/area';
import { proposalsArea } from './pages/proposals/area';
import { tasksArea } from './pages/tasks/area';

/** Every area of the app, in the order of the main navigation. */
export const AREAS = [proposalsArea, tasksArea, adminArea];

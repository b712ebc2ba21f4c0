import { adminArea } from './features/admin/area';
import { proposalsArea } from './features/proposals/area';
import { tasksArea } from './features/tasks/area';

/** Every area of the app, in the order of the main navigation. */
export const AREAS = [proposalsArea, tasksArea, adminArea];

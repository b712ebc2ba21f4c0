import { InitialSchema1795445608458 } from './1795445608458-InitialSchema';
import { HistoryAppendOnly1795445700000 } from './1795445700000-HistoryAppendOnly';
import { ApprovalEngine1795447768372 } from './1795447768372-ApprovalEngine';

/** Every migration, in order. New ones are appended here after `npm run migration:generate`. */
export const MIGRATIONS = [InitialSchema1795445608458, HistoryAppendOnly1795445700000, ApprovalEngine1795447768372];

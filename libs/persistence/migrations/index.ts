import { InitialSchema1795445608458 } from './1795445608458-InitialSchema';
import { HistoryAppendOnly1795445700000 } from './1795445700000-HistoryAppendOnly';
import { ApprovalEngine1795447768372 } from './1795447768372-ApprovalEngine';
import { Continuity1795450393460 } from './1795450393460-Continuity';
import { AdminDisposition1795452488006 } from './1795452488006-AdminDisposition';
import { AdminAudit1795460750815 } from './1795460750815-AdminAudit';
import { IdempotencyKeys1796191773972 } from './1796191773972-IdempotencyKeys';
import { TemplateCategoryChanges1796193884814 } from './1796193884814-TemplateCategoryChanges';

/** Every migration, in order. New ones are appended here after `npm run migration:generate`. */
export const MIGRATIONS = [InitialSchema1795445608458, HistoryAppendOnly1795445700000, ApprovalEngine1795447768372, Continuity1795450393460, AdminDisposition1795452488006, AdminAudit1795460750815, IdempotencyKeys1796191773972, TemplateCategoryChanges1796193884814];

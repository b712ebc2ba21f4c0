export * from './approval.activities';
export type { ResolvedSlot } from './approver-resolver';
export * from './continuity.activities';

export * from './approval.activities';
export type { ResolvedSlot } from './approver-resolver';

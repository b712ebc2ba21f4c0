// The approval workflow lives in workflows/approval/; this path stays for the `import type` of it in
// libs/temporal/approval-engine.client.ts until that import names @workflows/approval/approval.workflow.
export { approvalWorkflow } from './approval/approval.workflow';

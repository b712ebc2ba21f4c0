// The approval workflow lives in workflows/approval/; this path stays for the API's `import type`
// of it (apps/api/proposals/proposals.service.ts) until that import moves to @workflows/index.
export { approvalWorkflow } from './approval/approval.workflow';

// Entry point of the workflow bundle: every workflow type the worker registers.
export { approvalWorkflow } from './approval/approval.workflow';
export { continuityWorkflow } from './continuity.workflow';

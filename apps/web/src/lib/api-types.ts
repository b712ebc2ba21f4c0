import type { components } from './api-types.gen';

/**
 * The shapes of the API, by the names of its OpenAPI schemas, as the pages import them. They come
 * from api-types.gen.ts, which `npm run api-types` generates from the document the API serves
 * (a test fails when it is out of date), so a change of the API shows up here as a type error.
 */
type Schemas = components['schemas'];

// Errors
export type ErrorBody = Schemas['ErrorBody'];
export type FieldError = Schemas['FieldError'];

// Signing in
export type AuthMethodsDto = Schemas['AuthMethodsDto'];
export type DevPersonDto = Schemas['DevPersonDto'];
export type TokenResponseDto = Schemas['TokenResponseDto'];
export type TokenPersonView = Schemas['TokenPersonView'];
export type Role = TokenPersonView['roles'][number];

// Proposals
export type ProposalView = Schemas['ProposalView'];
export type ProposalStatus = ProposalView['status'];
export type ProposalPageView = Schemas['ProposalPageView'];
export type ProposalSummaryView = Schemas['ProposalSummaryView'];
export type TaskHolderView = Schemas['TaskHolderView'];
export type TaskSummaryView = Schemas['TaskSummaryView'];
export type CustodyEntryView = Schemas['CustodyEntryView'];
export type TimelineItemView = Schemas['TimelineItemView'];
export type ChainStageView = Schemas['ChainStageView'];
export type StageStateView = Schemas['StageStateView'];
export type HistoryEventView = Schemas['HistoryEventView'];
export type VerificationView = Schemas['VerificationView'];
export type ProposalVersionView = Schemas['ProposalVersionView'];
export type CreateProposalDto = Schemas['CreateProposalDto'];
export type IndicatorDto = Schemas['IndicatorDto'];
export type AttachmentDto = Schemas['AttachmentDto'];
export type CategoryListView = Schemas['CategoryListView'];
export type CategoryView = Schemas['CategoryView'];
export type CategoryStageView = Schemas['CategoryStageView'];

// Tasks and delegations
export type InboxTaskView = Schemas['InboxTaskView'];
export type TaskPageView = Schemas['TaskPageView'];
export type Decision = Schemas['DecisionDto']['decision'];
export type DelegationView = Schemas['DelegationView'];
export type DelegationPageView = Schemas['DelegationPageView'];
export type DelegationChangeView = Schemas['DelegationChangeView'];

// People and the organization
export type PersonView = Schemas['PersonView'];
export type PersonPageView = Schemas['PersonPageView'];
export type PersonDetailView = Schemas['PersonDetailView'];
export type PersonAppointmentView = Schemas['PersonAppointmentView'];
export type UnitView = Schemas['UnitView'];
export type UnitListView = Schemas['UnitListView'];
export type PositionView = Schemas['PositionView'];
export type PositionPageView = Schemas['PositionPageView'];
export type PositionDetailView = Schemas['PositionDetailView'];
export type PositionActingView = Schemas['PositionActingView'];
export type ActiveAppointmentView = Schemas['ActiveAppointmentView'];
export type AppointmentChangeView = Schemas['AppointmentChangeView'];

// Administration
export type AdminTaskView = Schemas['AdminTaskView'];
export type AdminTaskPageView = Schemas['AdminTaskPageView'];
export type StuckReasonView = Schemas['StuckReasonView'];
export type StuckReasonKind = StuckReasonView['kind'];
export type BlockedStageView = Schemas['BlockedStageView'];
export type BlockedStagePageView = Schemas['BlockedStagePageView'];
export type StageNamesView = Schemas['StageNamesView'];
export type TrendsView = Schemas['TrendsView'];
export type TrendWeekView = Schemas['TrendWeekView'];
export type AssignTasksView = Schemas['AssignTasksView'];
export type AssignOutcomeView = Schemas['AssignOutcomeView'];
export type SummaryPageView = Schemas['SummaryPageView'];
export type CycleTimesView = Schemas['CycleTimesView'];
export type TemplateView = Schemas['TemplateView'];
export type TemplateListView = Schemas['TemplateListView'];
export type StageDefinitionDto = Schemas['StageDefinitionDto'];
export type ApproverSelectorDto = Schemas['ApproverSelectorDto'];

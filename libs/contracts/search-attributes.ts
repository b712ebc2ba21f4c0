import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes on every approval workflow, so administrators can filter in the Temporal
 * UI and with `temporal workflow list --query "EstafetStatus='in_review'"`.
 */
export const SA_STATUS = defineSearchAttributeKey('EstafetStatus', SearchAttributeType.KEYWORD);
export const SA_STAGE = defineSearchAttributeKey('EstafetStage', SearchAttributeType.KEYWORD);
export const SA_UNIT = defineSearchAttributeKey('EstafetUnit', SearchAttributeType.KEYWORD);
export const SA_TEMPLATE = defineSearchAttributeKey('EstafetTemplate', SearchAttributeType.KEYWORD);
export const SA_ESCALATED = defineSearchAttributeKey('EstafetEscalated', SearchAttributeType.BOOL);
export const SA_NEXT_DUE = defineSearchAttributeKey('EstafetNextDue', SearchAttributeType.DATETIME);
/** The proposer unit's code (`DPMPTSP-YAN`), which an administrator types, beside its id in EstafetUnit. */
export const SA_UNIT_CODE = defineSearchAttributeKey('EstafetUnitCode', SearchAttributeType.KEYWORD);
/** What the current stage waits on besides a decision: `vacant` (a task nobody acts for) or `blocked` (posts that do not resolve); absent otherwise. */
export const SA_WAITING = defineSearchAttributeKey('EstafetWaiting', SearchAttributeType.KEYWORD);
/** When the current stage round opened (or was found blocked): how long the approval has waited where it is. */
export const SA_STAGE_OPENED_AT = defineSearchAttributeKey('EstafetStageOpenedAt', SearchAttributeType.DATETIME);

export const WAITING_VACANT = 'vacant';
export const WAITING_BLOCKED = 'blocked';

/** Every attribute, in the order the README and docker-compose.yml register them. */
export const ESTAFET_SEARCH_ATTRIBUTES = [SA_STATUS, SA_STAGE, SA_UNIT, SA_TEMPLATE, SA_ESCALATED, SA_NEXT_DUE, SA_UNIT_CODE, SA_WAITING, SA_STAGE_OPENED_AT];

/** `temporal server start-dev --search-attribute` spelling of each type. */
const CLI_TYPE: Record<string, string> = {
  [SearchAttributeType.KEYWORD]: 'Keyword',
  [SearchAttributeType.TEXT]: 'Text',
  [SearchAttributeType.INT]: 'Int',
  [SearchAttributeType.DOUBLE]: 'Double',
  [SearchAttributeType.BOOL]: 'Bool',
  [SearchAttributeType.DATETIME]: 'Datetime',
  [SearchAttributeType.KEYWORD_LIST]: 'KeywordList',
};

export function searchAttributeCliArgs(): string[] {
  return ESTAFET_SEARCH_ATTRIBUTES.flatMap((k) => ['--search-attribute', `${k.name}=${CLI_TYPE[k.type]}`]);
}

import type { HistoryEventView } from '@apps/web/src/lib/api-types';

/** The fields of a proposal's content, in the order the form and the detail page show them. */
export const CONTENT_FIELDS = [
  'title',
  'problem',
  'proposedChange',
  'goals',
  'benefits',
  'category',
  'type',
  'form',
  'initiatorKind',
  'budgetEstimate',
  'pilotPlan',
  'risks',
  'indicators',
  'collaboratingUnitIds',
  'attachments',
] as const;
export type ContentField = (typeof CONTENT_FIELDS)[number];

/** One field that reads differently in the newer version: what it was, what it is now. */
export interface FieldChange {
  field: ContentField;
  before: unknown;
  after: unknown;
}

/** Empty text, an absent value and null all mean "not filled in"; a budget may come as text. */
function normalized(field: ContentField, value: unknown): unknown {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return null;
  if (field === 'budgetEstimate' && typeof value === 'string' && Number.isFinite(Number(value))) return Number(value);
  if (Array.isArray(value) && value.length === 0) return [];
  return value;
}

/** JSON with the keys of every object sorted, so that key order never reads as a change. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The fields that changed from one version of the content to another, in the form's order, each
 * with its old and new value (lists such as indicators and attachments compare as a whole, in order).
 */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  return CONTENT_FIELDS.flatMap((field) => {
    const old = normalized(field, before[field]);
    const now = normalized(field, after[field]);
    return canonical(old) === canonical(now) ? [] : [{ field, before: old, after: now }];
  });
}

/** What the current round was resubmitted with: its content version, the one of the round before, the note. */
export interface RoundComparison {
  round: number;
  version: number;
  previousVersion: number;
  note: string | null;
}

/**
 * The versions to compare for the latest round: the one its resubmission carried and the one the
 * submission before it carried (what the approvers of the last round saw), read from the record.
 * Null before any resubmission.
 */
export function latestResubmission(history: Pick<HistoryEventView, 'type' | 'data'>[]): RoundComparison | null {
  const submissions = history.filter((e) => (e.type === 'proposal.submitted' || e.type === 'proposal.resubmitted') && typeof e.data.proposalVersion === 'number');
  const last = submissions.at(-1);
  const previous = submissions.at(-2);
  if (!last || !previous || last.type !== 'proposal.resubmitted') return null;
  const note = typeof last.data.note === 'string' && last.data.note.trim() ? last.data.note : null;
  return {
    round: typeof last.data.round === 'number' ? last.data.round : submissions.length,
    version: last.data.proposalVersion as number,
    previousVersion: previous.data.proposalVersion as number,
    note,
  };
}

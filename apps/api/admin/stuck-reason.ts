import type { TimeoutOutcome } from '@libs/contracts/record.contract';
import { wholeWorkingDays } from '@libs/domain/working-days';

/**
 * Why an approval is held up, in the words an administrator acts on. Worst first: nobody can act for
 * the post, the timeout policy could not hand the task on, the task is past due. A blocked stage has
 * no task at all (its posts did not resolve), so it is listed on its own (GET /api/admin/blocked-stages).
 */
export const STUCK_REASON_KINDS = ['no-holder', 'acting-term-ended', 'escalation-cap-reached', 'escalation-unresolved', 'overdue', 'blocked-stage'] as const;
export type StuckReasonKind = (typeof STUCK_REASON_KINDS)[number];

export interface StuckReason {
  kind: StuckReasonKind;
  /** Since when the reason holds. */
  since: Date;
  /** Whole working days (Mon–Fri, Asia/Jakarta) from `since` to now. */
  workingDays: number;
}

/** What the store knows of a task that bears on why it waits. */
export interface StuckFacts {
  status: string;
  assigneePersonId: string | null;
  createdAt: Date;
  dueAt: Date | null;
  /** The post's appointment that ended last (by now), if any: when, and in which capacity. */
  lastEndedAt: Date | null;
  lastEndedCapacity: string | null;
  /** The task's last `task.timeout` event: what its policy could do, and when. */
  timeoutOutcome: string | null;
  timeoutAt: Date | null;
}

const ACTING = new Set(['plt', 'plh']);
const UNRESOLVED: ReadonlySet<string> = new Set<TimeoutOutcome>(['no-superior-post', 'escalation-target-unresolved']);

const reason = (kind: StuckReasonKind, since: Date, now: Date, holidays?: readonly string[]): StuckReason => ({
  kind,
  since,
  workingDays: wholeWorkingDays(since, now, { holidays }),
});

/** The reason an open task waits, or null when it is open and on time (a closed task waits for nothing). */
export function stuckReason(f: StuckFacts, now: Date, holidays?: readonly string[]): StuckReason | null {
  if (f.status !== 'open') return null;
  if (!f.assigneePersonId) {
    // The last person to act for the post was a Plt./Plh. whose term ran out, and nobody took over.
    if (f.lastEndedAt && f.lastEndedCapacity && ACTING.has(f.lastEndedCapacity)) return reason('acting-term-ended', f.lastEndedAt, now, holidays);
    // Vacant: it waits from whichever came later, the task or the vacancy.
    const since = f.lastEndedAt && f.lastEndedAt > f.createdAt ? f.lastEndedAt : f.createdAt;
    return reason('no-holder', since, now, holidays);
  }
  if (f.timeoutOutcome === 'escalation-cap-reached' && f.timeoutAt) return reason('escalation-cap-reached', f.timeoutAt, now, holidays);
  if (f.timeoutOutcome && UNRESOLVED.has(f.timeoutOutcome) && f.timeoutAt) return reason('escalation-unresolved', f.timeoutAt, now, holidays);
  if (f.dueAt && f.dueAt < now) return reason('overdue', f.dueAt, now, holidays);
  return null;
}

/** A stage round whose posts did not resolve, waiting since it was found blocked. */
export const blockedStageReason = (since: Date, now: Date, holidays?: readonly string[]): StuckReason => reason('blocked-stage', since, now, holidays);

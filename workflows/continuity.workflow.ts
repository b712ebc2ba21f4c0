import { condition, continueAsNew, getExternalWorkflowHandle, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { ContinuityActivities } from '@activities/continuity.activities';
import { actingChangedSignal, workflowIdForProposal } from '@libs/contracts/approval.contract';
import { CONTINUITY_CONTINUE_AS_NEW_AFTER, ContinuityInput, DEFAULT_SWEEP_EVERY, orgChangedSignal } from '@libs/contracts/continuity.contract';
import { durationToMs } from '@libs/domain/duration';

const { nextActingChange, findMisassigned } = proxyActivities<ContinuityActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Approvals signalled per page of the sweep, so one workflow task and one activity result stay small. */
const SIGNAL_BATCH = 500;

/**
 * Keeps open tasks with whoever acts for their posts, on time and without anyone calling the API: it
 * sleeps until the next moment an appointment, a Plt./Plh. term or a delegation starts or ends (or
 * until the organization changes, or the periodic check is due), then signals every approval whose
 * open tasks sit with someone else. The approvals look up who acts themselves, so a late or repeated
 * signal does no harm.
 */
export async function continuityWorkflow(input: ContinuityInput = {}): Promise<void> {
  let changed = !input.cursor;
  setHandler(orgChangedSignal, () => {
    changed = true;
  });
  const sweepMs = durationToMs(input.sweepEvery ?? DEFAULT_SWEEP_EVERY);
  let cursor = input.cursor ?? new Date(Date.now()).toISOString();

  for (;;) {
    if (!changed) {
      const next = await nextActingChange({ after: cursor });
      const until = Math.min(next ? Date.parse(next) : Infinity, Date.now() + sweepMs);
      await condition(() => changed, Math.max(1, until - Date.now()));
    }
    changed = false;
    const at = new Date(Date.now()).toISOString();
    // Page by page (an activity result stays small however many tasks must move).
    let after: string | null = null;
    do {
      const page: { items: { proposalId: string; positionIds: string[] }[]; next: string | null } = await findMisassigned({ at, after, limit: SIGNAL_BATCH });
      await Promise.all(
        page.items.map((s) =>
          getExternalWorkflowHandle(workflowIdForProposal(s.proposalId))
            .signal(actingChangedSignal, { positionIds: s.positionIds })
            // An approval that has ended since the read model was written has nothing left to move.
            .catch(() => undefined),
        ),
      );
      after = page.next;
    } while (after);
    cursor = at;
    if (!changed && (workflowInfo().historyLength >= CONTINUITY_CONTINUE_AS_NEW_AFTER || workflowInfo().continueAsNewSuggested)) {
      await continueAsNew<typeof continuityWorkflow>({ ...input, cursor });
    }
  }
}

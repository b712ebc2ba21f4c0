import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { AppConfig } from '@libs/config/app-config.service';
import { continuityWorkflowId, orgChangedSignal } from '@libs/contracts/continuity.contract';
import { TEMPORAL_CLIENT } from '@libs/temporal/temporal-client.module';
import type { continuityWorkflow } from '@workflows/continuity.workflow';

const SIGNAL_DEADLINE_MS = 3000;

/**
 * Tells the continuity workflow that who acts for some post may have changed, so open tasks move now
 * rather than at its next periodic check. The change itself is already committed: if Temporal is
 * unreachable the periodic check moves the tasks once it is back, so a failure here is only logged.
 */
@Injectable()
export class ContinuitySignal {
  private readonly logger = new Logger(ContinuitySignal.name);

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly config: AppConfig,
  ) {}

  async orgChanged(): Promise<boolean> {
    const taskQueue = this.config.get('TEMPORAL_TASK_QUEUE');
    try {
      // Bounded: the change is committed whatever happens here, so the caller should not wait long.
      await this.temporal.connection.withDeadline(Date.now() + SIGNAL_DEADLINE_MS, () =>
        this.temporal.workflow.signalWithStart<typeof continuityWorkflow, []>('continuityWorkflow', {
          taskQueue,
          workflowId: continuityWorkflowId(taskQueue),
          args: [{}],
          signal: orgChangedSignal,
          signalArgs: [],
        }),
      );
      return true;
    } catch (err) {
      this.logger.warn({ err }, 'Could not signal the continuity workflow; open tasks move at its next periodic check');
      return false;
    }
  }
}

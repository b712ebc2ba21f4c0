import { Injectable, Logger } from '@nestjs/common';
import { ApprovalEngine } from '@libs/temporal/approval-engine.client';

/**
 * Tells the continuity workflow that who acts for some post may have changed, so open tasks move now
 * rather than at its next periodic check. The change itself is already committed: if Temporal is
 * unreachable the periodic check moves the tasks once it is back, so a failure here is only logged.
 */
@Injectable()
export class ContinuitySignal {
  private readonly logger = new Logger(ContinuitySignal.name);

  constructor(private readonly engine: ApprovalEngine) {}

  async orgChanged(): Promise<boolean> {
    try {
      await this.engine.orgChanged();
      return true;
    } catch (err) {
      this.logger.warn({ err }, 'Could not signal the continuity workflow; open tasks move at its next periodic check');
      return false;
    }
  }
}

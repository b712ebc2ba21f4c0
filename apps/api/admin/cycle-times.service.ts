import { Injectable } from '@nestjs/common';
import { CycleTimeQueries } from '@libs/persistence/cycle-times.queries';
import { cycleTimesView } from './cycle-time-groups';
import { cycleTimeRange } from './cycle-time-range';
import { CycleTimeQuery, CycleTimesView } from './dto/cycle-time.dto';

/**
 * How long approvers take, from the Postgres read model; the clock of a decision starts when its
 * approver slot was first opened (see CycleTimeQueries).
 */
@Injectable()
export class CycleTimesService {
  constructor(private readonly queries: CycleTimeQueries) {}

  async cycleTimes(query: CycleTimeQuery, now = new Date()): Promise<CycleTimesView> {
    const { from, to } = cycleTimeRange(query, now);
    const rows = await this.queries.decisionGroups(from, to, query.unitId);
    return { from: from.toISOString(), to: to.toISOString(), unitId: query.unitId ?? null, ...cycleTimesView(rows) };
  }
}

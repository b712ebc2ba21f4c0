import { Injectable } from '@nestjs/common';
import { AdminTrends } from '@libs/persistence/admin-trends.queries';
import { DEFAULT_TREND_WEEKS, TrendsQuery, TrendsView } from './dto/trends.dto';
import { trendWeeks } from './trend-weeks';

/** How the workload moves week by week: opened against decided, and how much was late at each week's end. */
@Injectable()
export class TrendsService {
  constructor(private readonly trends: AdminTrends) {}

  async weekly(query: TrendsQuery, now = new Date()): Promise<TrendsView> {
    const rows = await this.trends.periods(trendWeeks(now, query.weeks ?? DEFAULT_TREND_WEEKS), query.unitId);
    return {
      weeks: rows.map((r) => ({ weekStart: r.start.toISOString(), weekEnd: r.end.toISOString(), opened: r.opened, decided: r.decided, overdue: r.overdue })),
      unitId: query.unitId ?? null,
      timeZone: 'Asia/Jakarta',
      generatedAt: now.toISOString(),
    };
  }
}

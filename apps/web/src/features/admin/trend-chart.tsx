import { useTranslation } from 'react-i18next';
import type { TrendWeekView } from '@apps/web/src/lib/api-types';
import { numberLocale } from '@apps/web/src/lib/format';

/** A week by the day it starts, in Jakarta where the weeks are cut: "2 Mar". */
export function useWeekLabel() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(numberLocale(i18n.language), { day: 'numeric', month: 'short', timeZone: 'Asia/Jakarta' });
  return (w: TrendWeekView) => format.format(new Date(w.weekStart));
}

const SLOT = 10;
const HEIGHT = 100;

/**
 * Weeks side by side: tasks opened and decided as two columns per week, tasks late at the week's end
 * as a line. The shapes stretch to any width (the labels are HTML beneath, so text never scales);
 * the drawing repeats the table that follows it, so it is hidden from screen readers, and the legend
 * names each mark by its shape as well as its colour.
 */
export function TrendChart({ weeks, title }: { weeks: TrendWeekView[]; title: string }) {
  const { t } = useTranslation('admin');
  const weekLabel = useWeekLabel();
  const max = Math.max(1, ...weeks.flatMap((w) => [w.opened, w.decided, w.overdue]));
  const y = (v: number) => HEIGHT - (v / max) * (HEIGHT - 6);
  const line = weeks.map((w, i) => `${i * SLOT + SLOT / 2},${y(w.overdue)}`).join(' ');
  return (
    <figure className="trend-chart" aria-label={title}>
      <svg viewBox={`0 0 ${weeks.length * SLOT} ${HEIGHT}`} preserveAspectRatio="none" width="100%" height="140" aria-hidden="true" focusable="false">
        {weeks.map((w, i) => (
          <g key={w.weekStart}>
            <rect x={i * SLOT + 1.2} y={y(w.opened)} width={3.6} height={HEIGHT - y(w.opened)} className="trend-opened" />
            <rect x={i * SLOT + 5.2} y={y(w.decided)} width={3.6} height={HEIGHT - y(w.decided)} className="trend-decided" />
          </g>
        ))}
        <polyline points={line} className="trend-overdue" vectorEffect="non-scaling-stroke" />
      </svg>
      <ol className="trend-axis" aria-hidden="true" style={{ gridTemplateColumns: `repeat(${weeks.length}, 1fr)` }}>
        {weeks.map((w) => (
          <li key={w.weekStart}>{weekLabel(w)}</li>
        ))}
      </ol>
      <figcaption className="muted small">
        <span className="chart-title">{title}</span>
        <span className="legend-item">
          <span className="swatch trend-opened" aria-hidden="true" /> {t('trends.opened')}
        </span>
        <span className="legend-item">
          <span className="swatch trend-decided" aria-hidden="true" /> {t('trends.decided')}
        </span>
        <span className="legend-item">
          <span className="swatch swatch-line" aria-hidden="true" /> {t('trends.overdue')}
        </span>
      </figcaption>
    </figure>
  );
}

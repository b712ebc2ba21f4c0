import { useId } from 'react';

export interface CycleBar {
  label: string;
  median: number;
  p90: number;
  /** The stage's Batas Waktu in the same unit, or null without one. */
  sla: number | null;
  /** The figures in words: "nilai tengah 2 jam · persentil ke-90 5 jam · Batas Waktu 3 hari". */
  valueText: string;
}

/** The largest value (a p90 or a Batas Waktu) reaches this share of the width. */
const MAX_BAR = 98;

/**
 * Cycle times per stage: for each stage its name and figures in words (text that wraps on a phone),
 * and under them a drawing: the median as a solid bar, the 90th percentile as a lighter bar below it,
 * the Batas Waktu as a dashed marker across both. The drawing repeats what the words say, so it is
 * hidden from screen readers and nothing depends on colour; the same numbers are in a table too.
 */
export function CycleChart({ title, bars, legend }: { title: string; bars: CycleBar[]; legend: { median: string; p90: string; sla: string } }) {
  const id = useId();
  const max = Math.max(...bars.flatMap((b) => [b.median, b.p90, b.sla ?? 0]), 0) || 1;
  const pct = (v: number) => `${Math.max(0.5, (v / max) * MAX_BAR)}%`;
  return (
    <figure className="bar-chart cycle-chart" aria-labelledby={`${id}-caption`}>
      <ul className="chart-rows">
        {bars.map((b, i) => (
          <li key={`${b.label}-${i}`} className="chart-row">
            <span className="bar-label">{b.label}</span>
            <span className="bar-value">{b.valueText}</span>
            <svg width="100%" height="30" aria-hidden="true" focusable="false">
              <rect x="0" y="3" width={pct(b.median)} height="12" rx="2" className="bar bar-median" />
              <rect x="0" y="18" width={pct(b.p90)} height="8" rx="2" className="bar bar-p90" />
              {b.sla !== null ? <line x1={pct(b.sla)} x2={pct(b.sla)} y1="0" y2="30" className="sla-marker" /> : null}
            </svg>
          </li>
        ))}
      </ul>
      <figcaption id={`${id}-caption`} className="muted small">
        <span className="chart-title">{title}</span>
        <span className="legend-item">
          <span className="swatch swatch-median" aria-hidden="true" /> {legend.median}
        </span>
        <span className="legend-item">
          <span className="swatch swatch-p90" aria-hidden="true" /> {legend.p90}
        </span>
        <span className="legend-item">
          <span className="swatch swatch-sla" aria-hidden="true" /> {legend.sla}
        </span>
      </figcaption>
    </figure>
  );
}

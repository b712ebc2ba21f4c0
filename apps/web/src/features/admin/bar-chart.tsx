import { useId } from 'react';

export interface Bar {
  label: string;
  value: number;
  valueText: string;
}

const ROW = 48;
/** The longest bar takes this share of the width; the rest is room for its value. */
const MAX_BAR = 68;

/**
 * A horizontal bar chart in plain SVG: each bar's label above it and its value at its end, so nothing
 * depends on colour. Lengths are percentages, so text keeps its size at any width. Screen readers get
 * the title and description; the same numbers are in a table next to it.
 */
export function BarChart({ title, description, bars }: { title: string; description: string; bars: Bar[] }) {
  const id = useId();
  const max = Math.max(...bars.map((b) => b.value), 0) || 1;
  return (
    <figure className="bar-chart">
      <svg width="100%" height={bars.length * ROW + 4} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {bars.map((b, i) => {
          const y = i * ROW;
          const width = Math.max(0.5, (b.value / max) * MAX_BAR);
          return (
            <g key={`${b.label}-${i}`}>
              <text x="0" y={y + 15} className="bar-label">
                {b.label}
              </text>
              <rect x="0" y={y + 22} width={`${width}%`} height="18" rx="3" className="bar" />
              <text x={`${width + 1.5}%`} y={y + 36} className="bar-value">
                {b.valueText}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted small">{title}</figcaption>
    </figure>
  );
}

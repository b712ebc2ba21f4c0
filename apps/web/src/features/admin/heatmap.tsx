import { useTranslation } from 'react-i18next';

export interface HeatCell {
  rowKey: string;
  column: string;
  value: number;
  /** The value as read in the cell: "2 jam". */
  valueText: string;
  /** A second, smaller line: "3 keputusan". */
  note: string;
}

/** Five shades, light to dark; the value is written in every cell, so the shade only helps the eye. */
export const HEAT_LEVELS = 5;

/** The shade of a value: 0 (lightest) to HEAT_LEVELS − 1, by its share of the largest value. */
export const heatLevel = (value: number, max: number): number => (max <= 0 ? 0 : Math.min(HEAT_LEVELS - 1, Math.floor((value / max) * HEAT_LEVELS)));

/**
 * A grid of rows (e.g. units) by columns (e.g. stages) as a table: each cell says its value in words
 * and is shaded by it, with a legend of the shades; a cell without data says so. On phones the table
 * becomes one card per row, each cell labelled with its column.
 */
export function Heatmap({
  caption,
  rowHead,
  rows,
  columns,
  cells,
  format,
  testId,
}: {
  caption: string;
  rowHead: string;
  rows: { key: string; label: string }[];
  columns: string[];
  cells: HeatCell[];
  format: (value: number) => string;
  testId?: string;
}) {
  const { t } = useTranslation('admin');
  const byKey = new Map(cells.map((c) => [`${c.rowKey}\u0000${c.column}`, c]));
  const max = Math.max(0, ...cells.map((c) => c.value));
  const bounds = Array.from({ length: HEAT_LEVELS }, (_, k) => [(k / HEAT_LEVELS) * max, ((k + 1) / HEAT_LEVELS) * max] as const);
  return (
    <div className="heatmap">
      {/* Many stages make the grid wider than a phone: the region scrolls, so it takes focus for keyboard users. */}
      <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
        <table className="responsive heatmap-table" data-testid={testId}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHead}</th>
              {columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row" data-label={rowHead}>
                  {r.label}
                </th>
                {columns.map((c) => {
                  const cell = byKey.get(`${r.key}\u0000${c}`);
                  return cell ? (
                    <td key={c} data-label={c} className={`heat heat-${heatLevel(cell.value, max)}`}>
                      <span className="heat-value">{cell.valueText}</span> <span className="heat-note">{cell.note}</span>
                    </td>
                  ) : (
                    <td key={c} data-label={c} className="heat heat-none">
                      {t('heatmap.none')}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="heat-legend small" aria-label={t('heatmap.legend')}>
        {bounds.map(([from, to], k) => (
          <li key={k}>
            <span className={`swatch heat-${k}`} aria-hidden="true" /> {t('heatmap.range', { from: format(from), to: format(to) })}
          </li>
        ))}
        <li>
          <span className="swatch heat-none" aria-hidden="true" /> {t('heatmap.none')}
        </li>
      </ul>
    </div>
  );
}

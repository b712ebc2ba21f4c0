import type { ReactNode } from 'react';

/**
 * A list as a table: a caption for screen readers, one header per column, the rows given. The table
 * scrolls sideways in its own box when it is wider than the page and, below 40rem, its rows become
 * stacked cards (each cell labelled by its `data-label`).
 */
export function ListTable({ caption, columns, testId, children }: { caption: string; columns: string[]; testId?: string; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="responsive" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

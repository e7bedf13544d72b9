import { type ReactNode } from 'react';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** May wrap onto several lines (a path); cells otherwise stay on one line. */
  wrap?: boolean;
}

export interface DataTableProps<Row> {
  /** Names the table for screen readers (the visible heading is the section's). */
  label: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  empty?: string;
}

function cellClass(column: Column<unknown>): string | undefined {
  return [column.numeric ? 'numeric' : '', column.wrap ? 'wrap' : ''].filter(Boolean).join(' ') || undefined;
}

/**
 * A table that scrolls sideways inside its own box when it is wider than the screen, so the page never does;
 * its first column stays in place while the others scroll under it (styles.css), so each row keeps its name
 * in view on a phone.
 */
export function DataTable<Row>({
  label,
  columns,
  rows,
  rowKey,
  empty = 'Nothing to show.',
}: DataTableProps<Row>) {
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={cellClass(column as Column<unknown>)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.header} className={cellClass(column as Column<unknown>)}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

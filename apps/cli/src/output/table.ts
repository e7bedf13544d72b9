// Aligned tables for a terminal: a header, a rule, one line per row (more where a long cell wraps), fitted
// to the terminal's width.

import { type Terminal, unstyled, visibleWidth } from './terminal';

export interface Column<Row> {
  header: string;
  /** The cell of `row`, formatted (colour allowed). */
  cell: (row: Row) => string;
  /** `right` for figures, so their digits line up; `left` (the default) for text. */
  align?: 'left' | 'right';
  /**
   * What a cell too long for the terminal does: `truncate` (cut, ending in `…`: ids, paths) or `wrap` (onto
   * more lines: descriptions). Absent: the column keeps its width (figures are never cut).
   */
  overflow?: 'truncate' | 'wrap';
  /** The narrowest a truncated or wrapped column gets [default: its header, and at least 8]. */
  minWidth?: number;
  /**
   * Columns that may be left out when the table cannot fit otherwise, the highest rank first; a line under
   * the table names them. Absent: always shown.
   */
  drop?: number;
}

/** Columns are this far apart. */
const GAP = '  ';
/** The narrowest a truncated or wrapped column gets, unless it says otherwise. */
const MIN_SHRUNK_WIDTH = 8;

/**
 * `rows` as an aligned table of `columns` that fits `terminal.width`: when too wide, long text gives way
 * first (the widest truncating or wrapping column, down to its `minWidth`), then the droppable columns go, the
 * highest `drop` first, and a line says which. A table that still does not fit is printed whole: the
 * terminal wraps it, nothing is lost.
 */
export function renderTable<Row>(
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  terminal: Terminal,
): string {
  let shown = [...columns];
  let layout = layOut(shown, rows, terminal.width);
  while (layout.total > terminal.width && shown.some((column) => column.drop !== undefined)) {
    const highest = Math.max(...shown.map((column) => column.drop ?? -Infinity));
    shown = shown.filter((column) => column.drop !== highest);
    layout = layOut(shown, rows, terminal.width);
  }
  const { style } = terminal;
  const lines = [
    joinCells(
      shown.map((column) => column.header),
      layout.widths,
      shown,
    ),
    style.dim(
      layout.widths
        .map((width, index) => (shown[index]?.header === '' ? ' ' : '─').repeat(width))
        .join(GAP)
        .trimEnd(),
    ),
  ];
  lines[0] = style.heading(lines[0] as string);
  for (const row of layout.cells) lines.push(...rowLines(row, layout.widths, shown));
  const hidden = columns.filter((column) => !shown.includes(column)).map((column) => column.header);
  if (hidden.length > 0) {
    const note = `(not shown, the terminal is too narrow: ${hidden.join(', ')}; widen it, or use --json)`;
    lines.push(...wrap(note, terminal.width).map(style.dim));
  }
  return lines.join('\n');
}

interface Layout {
  cells: string[][];
  widths: number[];
  total: number;
}

/** The cells of `columns` and their widths, long text given way until the table fits `width` (if it can). */
function layOut<Row>(columns: readonly Column<Row>[], rows: readonly Row[], width: number): Layout {
  const cells = rows.map((row) => columns.map((column) => column.cell(row)));
  const widths = columns.map((column, index) =>
    Math.max(visibleWidth(column.header), ...cells.map((row) => visibleWidth(row[index] as string))),
  );
  const total = () => widths.reduce((sum, each) => sum + each, 0) + GAP.length * (widths.length - 1);
  // One column at a time gives way by one, the widest of those that may, so long texts end up sharing
  // the room evenly rather than one of them squeezed to nothing.
  while (total() > width) {
    let widest = -1;
    columns.forEach((column, index) => {
      if (column.overflow === undefined || (widths[index] as number) <= floorOf(column)) return;
      if (widest < 0 || (widths[index] as number) > (widths[widest] as number)) widest = index;
    });
    if (widest < 0) break;
    widths[widest] = (widths[widest] as number) - 1;
  }
  return { cells, widths, total: total() };
}

/** The narrowest `column` gives way to. */
function floorOf<Row>(column: Column<Row>): number {
  return Math.max(column.minWidth ?? MIN_SHRUNK_WIDTH, visibleWidth(column.header));
}

/** One row as printed: one line, or several where a wrapping cell is longer than its column. */
function rowLines<Row>(
  row: readonly string[],
  widths: readonly number[],
  columns: readonly Column<Row>[],
): string[] {
  const fitted = row.map((cell, index) => {
    const width = widths[index] as number;
    if (visibleWidth(cell) <= width) return [cell];
    return columns[index]?.overflow === 'wrap'
      ? wrap(unstyled(cell), width)
      : [truncate(unstyled(cell), width)];
  });
  const height = Math.max(...fitted.map((lines) => lines.length));
  const lines: string[] = [];
  for (let line = 0; line < height; line++) {
    lines.push(
      joinCells(
        fitted.map((cellLines) => cellLines[line] ?? ''),
        widths,
        columns,
      ),
    );
  }
  return lines;
}

function joinCells<Row>(
  cells: readonly string[],
  widths: readonly number[],
  columns: readonly Column<Row>[],
): string {
  return cells
    .map((cell, index) => {
      const padding = ' '.repeat(Math.max(0, (widths[index] as number) - visibleWidth(cell)));
      return columns[index]?.align === 'right' ? `${padding}${cell}` : `${cell}${padding}`;
    })
    .join(GAP)
    .trimEnd();
}

/** `text` cut to `width` columns, its end replaced by `…`. */
export function truncate(text: string, width: number): string {
  const characters = [...text];
  return characters.length <= width ? text : `${characters.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/** `text` broken into lines of at most `width` columns, between words where it can be. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((each) => each !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if ([...candidate].length <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    // A word longer than the column is cut into pieces of the column's width.
    let rest = [...word];
    while (rest.length > width) {
      lines.push(rest.slice(0, width).join(''));
      rest = rest.slice(width);
    }
    line = rest.join('');
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

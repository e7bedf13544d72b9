import { renderFields } from './fields';
import { type Column, renderTable, truncate, wrap } from './table';
import { COLOR_STYLE, PLAIN_STYLE, type Terminal, unstyled, visibleWidth } from './terminal';

const terminal = (width: number, color = false): Terminal => ({
  width,
  style: color ? COLOR_STYLE : PLAIN_STYLE,
});

interface Row {
  name: string;
  value: string;
  note: string;
}

const COLUMNS: Column<Row>[] = [
  { header: 'Name', cell: (row) => row.name },
  { header: 'Value', cell: (row) => row.value, align: 'right' },
  { header: 'Note', cell: (row) => row.note, overflow: 'truncate' },
];

const ROWS: Row[] = [
  { name: 'alpha', value: '1.00 %', note: 'short' },
  { name: 'b', value: '-123.45 %', note: 'a much longer note than the others' },
];

describe('renderTable', () => {
  it('pads text left and figures right under a header and a rule, two spaces apart', () => {
    expect(renderTable(COLUMNS, ROWS, terminal(200)).split('\n')).toEqual([
      'Name       Value  Note',
      '─────  ─────────  ──────────────────────────────────',
      'alpha     1.00 %  short',
      'b      -123.45 %  a much longer note than the others',
    ]);
  });

  it('cuts a truncating column to fit, ending it in …, and never cuts figures', () => {
    // Name 5 + Value 9 + two gaps 4 = 18: the note gets 30 - 18 = 12 columns.
    const lines = renderTable(COLUMNS, ROWS, terminal(30)).split('\n');
    expect(lines[3]).toBe('b      -123.45 %  a much long…');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(30);
  });

  it('leaves out droppable columns, the highest rank first, and says which', () => {
    const columns: Column<Row>[] = [
      { header: 'Name', cell: (row) => row.name },
      { header: 'Value', cell: (row) => row.value, align: 'right', drop: 1 },
      { header: 'Note', cell: (row) => row.note, drop: 2 },
    ];
    const lines = renderTable(columns, ROWS, terminal(20)).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Name       Value',
      '─────  ─────────',
      'alpha     1.00 %',
      'b      -123.45 %',
    ]);
    // The note wraps to the terminal too.
    expect(lines.slice(4)).toEqual([
      '(not shown, the',
      'terminal is too',
      'narrow: Note; widen',
      'it, or use --json)',
    ]);
  });

  it('wraps a wrapping column onto more lines, between words', () => {
    const columns: Column<Row>[] = [
      { header: 'Name', cell: (row) => row.name },
      { header: 'Note', cell: (row) => row.note, overflow: 'wrap', minWidth: 10 },
    ];
    expect(renderTable(columns, [ROWS[1] as Row], terminal(19)).split('\n')).toEqual([
      'Name  Note',
      '────  ─────────────',
      'b     a much longer',
      '      note than the',
      '      others',
    ]);
  });

  it('measures colour as taking no room', () => {
    const columns: Column<Row>[] = [
      { header: 'Value', cell: (row) => COLOR_STYLE.negative(row.value), align: 'right' },
      { header: 'Name', cell: (row) => row.name },
    ];
    const lines = renderTable(columns, ROWS, terminal(80, true)).split('\n').map(unstyled);
    expect(lines).toEqual(['    Value  Name', '─────────  ─────', '   1.00 %  alpha', '-123.45 %  b']);
  });
});

describe('truncate and wrap', () => {
  it('cut to the width with … as the last column', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
  });

  it('break between words, and cut a word longer than the column', () => {
    expect(wrap('one two three', 7)).toEqual(['one two', 'three']);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrap('', 4)).toEqual(['']);
  });
});

describe('renderFields', () => {
  const fields = [
    ['Annual return', '-2.35 %'],
    ['Sharpe', '0.71'],
    ['Trades', '55'],
    ['Left out', undefined],
  ] as const;

  it('aligns the values after the longest label, figures to the right', () => {
    expect(renderFields(fields, terminal(80), { align: 'right' }).split('\n')).toEqual([
      'Annual return  -2.35 %',
      'Sharpe            0.71',
      'Trades              55',
    ]);
  });

  it('puts two pairs a line when they fit, one a line when they do not', () => {
    expect(renderFields(fields, terminal(80), { align: 'right', sideBySide: true }).split('\n')).toEqual([
      'Annual return  -2.35 %    Sharpe  0.71',
      'Trades              55',
    ]);
    expect(renderFields(fields, terminal(30), { sideBySide: true }).split('\n')).toHaveLength(3);
  });

  it('counts the width of what a terminal shows', () => {
    expect(visibleWidth(COLOR_STYLE.positive('1.00 %'))).toBe(6);
  });
});

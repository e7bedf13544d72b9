// Labelled values, aligned: the summaries of reports that are one thing rather than a list.

import { type Terminal, visibleWidth } from './terminal';

/** A label and its value, formatted (colour allowed). A value of `undefined` leaves the line out. */
export type Field = readonly [label: string, value: string | undefined];

export interface FieldsLayout {
  /** `right` for figures, so their digits line up; `left` (the default) for text. */
  align?: 'left' | 'right';
  /** Two pairs side by side (`Sortino 1.04    Calmar 0.79`) when they fit the terminal; one a line otherwise. */
  sideBySide?: boolean;
}

/** `fields` one a line (or two pairs a line), labels padded to the longest so the values line up. */
export function renderFields(
  fields: readonly Field[],
  terminal: Terminal,
  layout: FieldsLayout = {},
): string {
  const shown = fields.filter((field): field is readonly [string, string] => field[1] !== undefined);
  if (layout.sideBySide) {
    const left = shown.filter((_, index) => index % 2 === 0);
    const right = shown.filter((_, index) => index % 2 === 1);
    const leftLines = alignedLines(left, layout.align);
    const rightLines = alignedLines(right, layout.align);
    const leftWidth = Math.max(0, ...leftLines.map(visibleWidth));
    const rightWidth = Math.max(0, ...rightLines.map(visibleWidth));
    const gap = '    ';
    if (leftWidth + gap.length + rightWidth <= terminal.width) {
      return leftLines
        .map((line, index) => {
          const next = rightLines[index];
          return next === undefined
            ? line
            : `${line}${' '.repeat(leftWidth - visibleWidth(line))}${gap}${next}`;
        })
        .join('\n');
    }
  }
  return alignedLines(shown, layout.align).join('\n');
}

function alignedLines(
  fields: readonly (readonly [string, string])[],
  align: 'left' | 'right' = 'left',
): string[] {
  const labelWidth = Math.max(0, ...fields.map(([label]) => visibleWidth(label)));
  const valueWidth = Math.max(0, ...fields.map(([, value]) => visibleWidth(value)));
  return fields.map(([label, value]) => {
    const padding = ' '.repeat(labelWidth - visibleWidth(label) + 2);
    const valuePadding = align === 'right' ? ' '.repeat(valueWidth - visibleWidth(value)) : '';
    return `${label}${padding}${valuePadding}${value}`.trimEnd();
  });
}

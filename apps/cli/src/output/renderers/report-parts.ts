// Pieces several renderers share: the title line, the window, the run id, warnings, and blocks joined by a
// blank line.

import { renderFields } from '../fields';
import { FIGURES, figureSpec } from '@aetherquant/core';
import { figure } from '../figures';
import { formatCount, formatWindow } from '@aetherquant/core';
import { type Style, type Terminal, visibleWidth } from '../terminal';

/** Blocks of lines separated by one blank line; empty blocks left out. */
export function blocks(...parts: (string | undefined)[]): string {
  return parts.filter((part): part is string => part !== undefined && part !== '').join('\n\n');
}

/** Lines of one block; empty ones left out. */
export function lines(...parts: (string | undefined)[]): string {
  return parts.filter((part): part is string => part !== undefined && part !== '').join('\n');
}

/**
 * `parts` joined by ` · ` on as few lines as fit `width`: a new line starts where the next part would not fit
 * (a part longer than the line gets one of its own).
 */
export function dotted(parts: readonly (string | undefined)[], width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    if (part === undefined || part === '') continue;
    const joined = line === '' ? part : `${line} · ${part}`;
    if (line !== '' && visibleWidth(joined) > width) {
      lines.push(line);
      line = part;
    } else {
      line = joined;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/** `Backtest  SPY · ma-cross fast=20 slow=50`: what was run, its kind in bold. */
export function title(terminal: Terminal, what: string, ...details: (string | undefined)[]): string {
  const shown = details.filter((detail): detail is string => detail !== undefined && detail !== '');
  if (shown.length === 0) return terminal.style.heading(what);
  const [first, ...rest] = shown;
  return dotted([`${terminal.style.heading(what)}  ${first}`, ...rest], terminal.width);
}

/** `2010-01-04 → 2019-12-31 · 2,516 bars · 49 warm-up bars before · csv data`. */
export function windowLine(
  report: { first: string; last: string; rows?: number; warmup_bars?: number; provider?: string },
  terminal: Terminal,
  ...more: (string | undefined)[]
): string {
  return dotted(
    [
      formatWindow(report.first, report.last),
      report.rows === undefined ? undefined : `${formatCount(report.rows)} bars`,
      report.warmup_bars ? `${formatCount(report.warmup_bars)} warm-up bars before` : undefined,
      report.provider === undefined ? undefined : `${report.provider} data`,
      ...more,
    ],
    terminal.width,
  );
}

/** `Run 0193a1c4-…`, when the run was recorded (`db runs` lists it, `runs spec` reruns it). */
export function runLine(runId: string | null | undefined): string | undefined {
  return runId ? `Run ${runId}` : undefined;
}

/** The report's warnings, one a line, as the CLI words warnings on standard error. */
export function warningLines(warnings: readonly string[] | undefined, style: Style): string | undefined {
  return warnings && warnings.length > 0
    ? warnings.map((warning) => style.negative(`warning: ${warning}`)).join('\n')
    : undefined;
}

/**
 * A report's figures by key (`metrics`), labelled and formatted, in the order of the figures table (a figure it
 * does not know last), two pairs a line where they fit.
 */
export function figureFields(values: Readonly<Record<string, unknown>>, terminal: Terminal): string {
  const order = Object.keys(FIGURES);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const keys = Object.keys(values).sort((a, b) => rank(a) - rank(b));
  return renderFields(
    keys.map((key) => [figureSpec(key).label, figure(key, values[key], terminal.style)] as const),
    terminal,
    { align: 'right', sideBySide: true },
  );
}

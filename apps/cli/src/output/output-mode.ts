// Where a command's result goes decides how it reads: the one place that chooses.

import { type ReportRenderer, scriptText } from './report-renderer';
import { REPORT_RENDERERS, type ReportKind, type ReportViews } from './report-renderers';
import { type Terminal, terminalOf } from './terminal';

/**
 * - `json`: `--json` was given: the command's value as JSON, nothing else on standard output;
 * - `script`: standard output is a pipe or a file: exactly what the command printed before it had a human
 *   rendering (JSON for the reports), so scripts never break;
 * - `human`: standard output is a terminal: tables and summaries.
 */
export type OutputMode = 'json' | 'script' | 'human';

export function outputMode(
  json: boolean,
  stdout: Pick<NodeJS.WriteStream, 'isTTY'> = process.stdout,
): OutputMode {
  if (json) return 'json';
  return stdout.isTTY ? 'human' : 'script';
}

/** The renderer of `kind`. */
export function rendererOf<Kind extends ReportKind>(kind: Kind): ReportRenderer<ReportViews[Kind]> {
  return REPORT_RENDERERS[kind] as ReportRenderer<ReportViews[Kind]>;
}

/**
 * What `view` (of `kind`) prints as on standard output in `mode`; undefined with `--json`, where the command's
 * value is printed instead.
 */
export function renderedText<Kind extends ReportKind>(
  kind: Kind,
  view: ReportViews[Kind],
  mode: OutputMode,
  terminal: () => Terminal = () => terminalOf(process.stdout),
): string | undefined {
  const renderer = rendererOf(kind);
  if (mode === 'json') return undefined;
  return mode === 'human' ? renderer.human(view, terminal()) : scriptText(renderer, view);
}

// What a renderer is: the two ways one shape of report is printed besides `--json`.

import { type Terminal } from './terminal';

/**
 * How a report of one shape is printed. `--json` prints the command's value as JSON; without it, a script
 * (standard output not a terminal) gets {@link ReportRenderer.script}, a person at a terminal
 * {@link ReportRenderer.human}.
 */
export interface ReportRenderer<View> {
  /**
   * What scripts read, exactly as the command printed it before it had a human rendering: `json` (indented by
   * two spaces) or `json-line` (one line), which `--json` prints too, byte for byte; or the command's own text
   * (`signal`'s one word), `--json` then printing the value as indented JSON.
   */
  script: 'json' | 'json-line' | ((view: View) => string);
  /** What a person reads: tables and summaries fitted to the terminal. */
  human(view: View, terminal: Terminal): string;
}

/** How `--json` lays out a command's value: indented as oclif always has, or on one line. */
export type JsonLayout = 'indented' | 'line';

export function jsonLayoutOf(renderer: ReportRenderer<never>): JsonLayout {
  return renderer.script === 'json-line' ? 'line' : 'indented';
}

/** `value` as JSON text in `layout`, without the final new line. */
export function jsonText(value: unknown, layout: JsonLayout): string {
  return layout === 'line' ? JSON.stringify(value) : JSON.stringify(value, null, 2);
}

/** What a script reads of `view`: its JSON, or the renderer's own text. */
export function scriptText<View>(renderer: ReportRenderer<View>, view: View): string {
  const { script } = renderer;
  if (script === 'json') return jsonText(view, 'indented');
  if (script === 'json-line') return jsonText(view, 'line');
  return script(view);
}

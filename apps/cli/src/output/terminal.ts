// The terminal a report is rendered for: how wide it is and whether it shows colour.

/** Colour for what a figure says; the text always says it too (a sign, a word), colour only helps the eye. */
export interface Style {
  heading(text: string): string;
  dim(text: string): string;
  /** A gain: green. */
  positive(text: string): string;
  /** A loss or a failure: red. */
  negative(text: string): string;
}

export interface Terminal {
  /** Columns to fit a line in. */
  width: number;
  style: Style;
}

const sgr = (open: number, close: number) => (text: string) =>
  text === '' ? text : `\x1b[${open}m${text}\x1b[${close}m`;

export const PLAIN_STYLE: Style = {
  heading: (text) => text,
  dim: (text) => text,
  positive: (text) => text,
  negative: (text) => text,
};

export const COLOR_STYLE: Style = {
  heading: sgr(1, 22),
  dim: sgr(2, 22),
  positive: sgr(32, 39),
  negative: sgr(31, 39),
};

/** The width assumed when the terminal does not say (a pseudo-terminal without a size, `COLUMNS` unset). */
export const DEFAULT_WIDTH = 80;

/**
 * The terminal behind `stream`: its width (the terminal's own, else `COLUMNS`, else {@link DEFAULT_WIDTH}) and
 * colour as Node decides it for that stream and environment: `FORCE_COLOR` (`0` off, `1`…`3` on) first, then
 * `NO_COLOR`, `NODE_DISABLE_COLORS` or `TERM=dumb` switch it off, else what the terminal supports.
 */
export function terminalOf(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): Terminal {
  const fromEnv = Number.parseInt(env['COLUMNS'] ?? '', 10);
  const width = stream.columns > 0 ? stream.columns : fromEnv > 0 ? fromEnv : DEFAULT_WIDTH;
  const color = typeof stream.hasColors === 'function' && stream.hasColors(env);
  return { width, style: color ? COLOR_STYLE : PLAIN_STYLE };
}

// eslint-disable-next-line no-control-regex -- the escape sequences COLOR_STYLE writes
const STYLE_SEQUENCE = /\x1b\[\d+m/g;

/** `text` without colour. */
export function unstyled(text: string): string {
  return text.replace(STYLE_SEQUENCE, '');
}

/** How many columns `text` takes on a terminal: its characters, colour left out. */
export function visibleWidth(text: string): number {
  return [...unstyled(text)].length;
}

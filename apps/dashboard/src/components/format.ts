// How numbers read on screen: the one place that turns a figure into text, so a figure reads the same on
// every screen. The rules (docs/dashboard.md):
// - money carries its currency and thousands separators: $110,108.21 (DISPLAY_CURRENCY: the API's figures
//   are in the account's currency, which today is always US dollars);
// - ratios arrive as fractions (0.1234) and show as percentages (12.3%); a difference of two percentages is in
//   percentage points (+3.3 pp);
// - counts are whole numbers (1,234); Sharpe-like ratios have 2 decimals;
// - a figure the API could not compute (null: no variance, no trades) shows as a dash, never 0 (a claim);
// - the minus is the ASCII hyphen-minus (what Intl writes, and what a spreadsheet reads when a figure is
//   pasted into it); a value that rounds to zero shows without a sign ("0.0%", never "-0.0%").

/** What a figure that could not be computed shows. */
export const DASH = '–';

/** The currency of every amount the API reports (its reports carry none yet: see docs/dashboard.md). */
export const DISPLAY_CURRENCY = 'USD';

const LOCALE = 'en-US';

type Figure = number | null | undefined;

function isFigure(value: Figure): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

/** Formatters are costly to build: one per set of options. */
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(LOCALE, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** `digits` decimals, no sign on a value that rounds to zero, a sign on both sides when `signed`. */
function fixed(digits: number, signed: boolean): Intl.NumberFormatOptions {
  return {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: signed ? 'exceptZero' : 'negative',
  };
}

/**
 * Money with cents: `$110,108.21`, `-$5,198.56`; `signed` adds a `+` to gains. In the display currency unless
 * the API named another (`currency`, a live broker's account).
 */
export function formatMoney(
  value: Figure,
  options: { signed?: boolean; decimals?: number; currency?: string } = {},
): string {
  if (!isFigure(value)) return DASH;
  const digits = options.decimals ?? 2;
  return numberFormat({
    style: 'currency',
    currency: currencyOf(options.currency),
    ...fixed(digits, options.signed ?? false),
  }).format(value);
}

/** An ISO 4217 code as Intl takes it; anything else (absent, malformed) is the display currency. */
function currencyOf(code: string | undefined): string {
  const upper = code?.trim().toUpperCase();
  return upper !== undefined && /^[A-Z]{3}$/.test(upper) ? upper : DISPLAY_CURRENCY;
}

/**
 * A traded price in the display currency, with the decimals its size needs (prices are shown as the API sends
 * them, never rounded to a fixed number of decimals): 2 decimals at or above 10 ($487.82); below 10, 4
 * significant digits ($1.713, $0.01235) but never fewer than 2 decimals ($1.71, not $1.710).
 */
export function formatPrice(value: Figure): string {
  if (!isFigure(value)) return DASH;
  const size = Math.abs(value);
  if (size >= 10 || size === 0) return formatMoney(value);
  const wholeDigits = Math.floor(Math.log10(size)) + 1;
  const digits = Math.max(2, 4 - wholeDigits);
  return numberFormat({
    style: 'currency',
    currency: DISPLAY_CURRENCY,
    minimumFractionDigits: 2,
    maximumFractionDigits: digits,
    signDisplay: 'negative',
  }).format(value);
}

/** A fraction as a percentage: 0.1234 → `12.3%`; `signed` adds a `+` to positive values. */
export function formatPercent(value: Figure, digits = 1, options: { signed?: boolean } = {}): string {
  if (!isFigure(value)) return DASH;
  return numberFormat({ style: 'percent', ...fixed(digits, options.signed ?? false) }).format(value);
}

/**
 * The difference of two fractions in percentage points, always signed: 0.032743 → `+3.3 pp` (a strategy's
 * annual return of -20.3% against its benchmark's -23.6%).
 */
export function formatPercentagePoints(difference: Figure, digits = 1): string {
  if (!isFigure(difference)) return DASH;
  return `${numberFormat(fixed(digits, true)).format(difference * 100)} pp`;
}

/** A plain figure with `digits` decimals and thousands separators (Sharpe `0.86`, beta `0.35`). */
export function formatDecimal(value: Figure, digits = 2, options: { signed?: boolean } = {}): string {
  if (!isFigure(value)) return DASH;
  return numberFormat(fixed(digits, options.signed ?? false)).format(value);
}

/** A count as a whole number with thousands separators: `1,234`. */
export function formatCount(value: Figure): string {
  if (!isFigure(value)) return DASH;
  return numberFormat(fixed(0, false)).format(value);
}

/** Shares: whole shares as a count (`58,382`), fractional ones (`fractional: true` runs) to 4 decimals. */
export function formatQuantity(value: Figure): string {
  if (!isFigure(value)) return DASH;
  return numberFormat({ minimumFractionDigits: 0, maximumFractionDigits: 4, signDisplay: 'negative' }).format(
    value,
  );
}

/** How many times over something turned over: `13.43×`. */
export function formatMultiple(value: Figure): string {
  if (!isFigure(value)) return DASH;
  return `${formatDecimal(value, 2)}×`;
}

/** Basis points as a request names them: `1 bps`, `0.5 bps`. */
export function formatBasisPoints(value: Figure): string {
  if (!isFigure(value)) return DASH;
  return `${numberFormat({ maximumFractionDigits: 2, signDisplay: 'negative' }).format(value)} bps`;
}

/** A number of bars: `414 bars`, `1 bar`. */
export function formatBars(value: Figure): string {
  if (!isFigure(value)) return DASH;
  return `${formatCount(value)} ${Math.round(value) === 1 ? 'bar' : 'bars'}`;
}

/** How long a run took: `17 ms` under a second, else seconds to one decimal (`2.4 s`). */
export function formatDuration(milliseconds: Figure): string {
  if (!isFigure(milliseconds)) return DASH;
  if (milliseconds < 1000) return `${formatCount(milliseconds)} ms`;
  return `${formatDecimal(milliseconds / 1000, 1)} s`;
}

/** An ISO timestamp in the reader's time zone, short enough for a phone's table cell. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/**
 * The colour a figure takes: its sign as shown. `none` for a figure that could not be computed; `zero` for one
 * that shows as zero (0.00004 shows as `0.0%`: calling it a gain would be a claim the screen does not make).
 */
export type Tone = 'positive' | 'negative' | 'zero' | 'none';

/** The tone of `value` as `text` (its formatted form) shows it. */
export function toneOf(value: Figure, text: string): Tone {
  if (!isFigure(value)) return 'none';
  if (!/[1-9]/.test(text)) return 'zero';
  return value > 0 ? 'positive' : 'negative';
}

/**
 * A figure the dashboard knows nothing about (a metric added to the API since): a whole number as a count,
 * else 2 decimals, or 4 significant digits when smaller than 1 (0.003412 stays readable).
 */
export function formatFigure(value: Figure): string {
  if (!isFigure(value)) return DASH;
  if (Number.isInteger(value)) return formatCount(value);
  if (Math.abs(value) >= 1) return formatDecimal(value, 2);
  return numberFormat({ maximumSignificantDigits: 4, signDisplay: 'negative' }).format(value);
}

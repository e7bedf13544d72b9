// How figures read to a person, in the CLI's tables and in a run's report page: one function per kind of
// number, pure and locale-independent (en-US separators on every machine, so a screenshot in a bug report
// reads the same everywhere). JSON never goes through here: scripts get the numbers as the reports hold them.

/** What a figure that is not there reads as: `null` in a report (a Sharpe ratio without volatility), or NaN. */
export const MISSING = '—';

/** Intl formats by style and decimals, made once each (constructing one costs more than formatting). */
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(
  style: 'decimal' | 'percent' | 'currency',
  digits: number,
  {
    currency = 'USD',
    fewerDigits = false,
    minimumDigits = 0,
  }: { currency?: string; fewerDigits?: boolean; minimumDigits?: number } = {},
): Intl.NumberFormat {
  const key = `${style}:${digits}:${currency}:${fewerDigits}:${minimumDigits}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', {
      style,
      currency: style === 'currency' ? currency : undefined,
      minimumFractionDigits: fewerDigits ? minimumDigits : digits,
      maximumFractionDigits: digits,
      // No sign on a figure that rounds to zero: `-0.00 %` would claim a loss that is not there.
      signDisplay: 'negative',
    });
    formats.set(key, format);
  }
  return format;
}

/** A figure that has no number to show, as {@link MISSING}; infinities as `∞` and `-∞`. */
function special(value: number | null | undefined): string | undefined {
  if (value === null || value === undefined || Number.isNaN(value)) return MISSING;
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '-∞';
  return undefined;
}

/**
 * A ratio as a percentage with a space before the sign, rounded half away from zero on its decimal digits:
 * `-0.023535` → `-2.35 %`, `1.5` → `150.00 %`, `12.3456` → `1,234.56 %`. The scaling by 100 is decimal
 * (Intl's), so `0.285` is exactly `28.50 %`, never `28.499999 %`.
 */
export function formatPercent(ratio: number | null | undefined, digits = 2): string {
  return (
    special(ratio) ??
    `${numberFormat('percent', digits)
      .format(ratio as number)
      .replace('%', '')} %`
  );
}

/** {@link formatPercent} with a `+` on gains, for figures read as a difference (excess return). */
export function formatSignedPercent(ratio: number | null | undefined, digits = 2): string {
  const text = formatPercent(ratio, digits);
  // A figure that rounds to zero gets no sign either way.
  return /^[\d,.]+ %$/.test(text) && /[1-9]/.test(text) ? `+${text}` : text;
}

/** Money with its currency sign and thousands separators: `78829.41` → `$78,829.41`, `-5` → `-$5.00`. */
export function formatMoney(value: number | null | undefined, currency = 'USD'): string {
  return special(value) ?? numberFormat('currency', 2, { currency }).format(value as number);
}

/**
 * A traded price with the decimals its size needs (prices are shown as the engine used them, never rounded to
 * a fixed number of decimals): 2 decimals at or above 10 (`$487.82`); below 10, 4 significant digits
 * (`$3.142`, `$0.01235`) but never fewer than 2 decimals (`$1.71`, not `$1.710`).
 */
export function formatPrice(value: number | null | undefined, currency = 'USD'): string {
  const missing = special(value);
  if (missing !== undefined) return missing;
  const size = Math.abs(value as number);
  if (size >= 10 || size === 0) return formatMoney(value, currency);
  const digits = Math.max(2, 4 - (Math.floor(Math.log10(size)) + 1));
  return numberFormat('currency', digits, { currency, fewerDigits: true, minimumDigits: 2 }).format(
    value as number,
  );
}

/** A plain number with thousands separators and fixed decimals: `0.707268` → `0.71`, `1234.5` → `1,234.50`. */
export function formatDecimal(value: number | null | undefined, digits = 2): string {
  return special(value) ?? numberFormat('decimal', digits).format(value as number);
}

/** A count with thousands separators: `2516` → `2,516`. A fraction (shares) keeps up to 4 decimals. */
export function formatCount(value: number | null | undefined): string {
  return special(value) ?? numberFormat('decimal', 4, { fewerDigits: true }).format(value as number);
}

/**
 * A time as a person reads it, in UTC (the reports' zone, so it matches the JSON): a date stays a date
 * (`2019-12-31`), midnight UTC is a date too (recorded runs store a daily bar that way), any other moment is
 * `2026-12-03 18:37:21` (seconds dropped when `minutes`). Anything that is not ISO-8601 is shown as it is.
 */
export function formatTime(
  iso: string | null | undefined,
  precision: 'seconds' | 'minutes' = 'seconds',
): string {
  if (iso === null || iso === undefined || iso === '') return MISSING;
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2})(?:\.\d+)?Z)?$/.exec(iso);
  if (!match) return iso;
  const [, date, hoursMinutes, seconds] = match;
  if (hoursMinutes === undefined || iso.slice(11).startsWith('00:00:00.000')) return date as string;
  return `${date} ${hoursMinutes}${precision === 'seconds' ? seconds : ''}`;
}

/** A window of bars: `2010-01-04 → 2019-12-31`. */
export function formatWindow(first: string | null | undefined, last: string | null | undefined): string {
  return `${formatTime(first)} → ${formatTime(last)}`;
}

/** A duration given in milliseconds: `64 ms`, `1.2 s`, `3 min 5 s`, `2 h 3 min`. */
export function formatDuration(milliseconds: number | null | undefined): string {
  const missing = special(milliseconds);
  if (missing !== undefined) return missing;
  const ms = milliseconds as number;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${formatDecimal(ms / 1000, 1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}

/** Strategy parameters as `--param` takes them: `{fast: 20, slow: 50}` → `fast=20 slow=50`. */
export function formatParams(params: Readonly<Record<string, number>> | undefined): string {
  const entries = Object.entries(params ?? {});
  return entries.length === 0
    ? '(no parameters)'
    : entries.map(([name, value]) => `${name}=${value}`).join(' ');
}

// How numbers read on screen. Ratios arrive as fractions (0.1234) and show as percentages; a ratio the API
// could not compute (null: no variance, no trades) shows as a dash rather than 0, which would be a claim.

const DASH = '–';

export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return `${(value * 100).toFixed(digits)}%`;
}

export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatMoney(value: number | null | undefined): string {
  return formatNumber(value, 2);
}

/** A price as traded: small prices (synthetic data, penny stocks) keep four decimals. */
export function formatPrice(value: number | null | undefined): string {
  if (value === null || value === undefined) return DASH;
  return formatNumber(value, Math.abs(value) < 10 ? 4 : 2);
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

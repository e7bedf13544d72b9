import { type FigureKind } from '../model/tearsheet-input';

/** What an undefined figure shows. */
export const MISSING = '—';
const MINUS = '−';

/** Formatters per currency, made once: building an Intl.NumberFormat costs far more than using one. */
const moneyFormats = new Map<string, Intl.NumberFormat>();
const percentFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const ratioFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function moneyFormat(currency: string): Intl.NumberFormat {
  let format = moneyFormats.get(currency);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency, currencySign: 'standard' });
    moneyFormats.set(currency, format);
  }
  return format;
}

/** A true minus sign (U+2212), which lines up with digits and reads as one in every font. */
const signed = (text: string) => (text.startsWith('-') ? MINUS + text.slice(1) : text);

/**
 * A figure as a reader sees it: `percent` ×100 with 2 decimals and `%` (−2.35 %), `money` in the currency with
 * cents and thousands separators ($78,829.41), `ratio` with 2 decimals (0.92), `count` whole with separators.
 * Null, NaN and infinities show as "—": undefined figures (no trades, no volatility) are not zero.
 */
export function formatFigure(value: number | null | undefined, kind: FigureKind, currency = 'USD'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  switch (kind) {
    case 'percent':
      return signed(`${percentFormat.format(value * 100)} %`);
    case 'money':
      return signed(moneyFormat(currency).format(value));
    case 'ratio':
      return signed(ratioFormat.format(value));
    case 'count':
      return signed(countFormat.format(value));
  }
}

/**
 * A price with the digits it needs: two decimals from $1 up (a cent is the tick), else four significant digits
 * ($0.004321), so a $3.14159 stock is not shown as a round number and a penny stock not as $0.00.
 */
export function formatPrice(value: number, currency = 'USD'): string {
  if (!Number.isFinite(value)) return MISSING;
  if (Math.abs(value) >= 1 || value === 0) return signed(moneyFormat(currency).format(value));
  // Four significant digits: as many decimals as reach the fourth, at least two (trailing zeros dropped).
  const decimals = Math.min(12, Math.max(2, 3 - Math.floor(Math.log10(Math.abs(value)))));
  const digits = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: decimals,
  });
  return signed(digits.format(value));
}

/** A quantity of units: whole numbers with separators, fractions to 4 decimals. */
export function formatQuantity(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  return signed(
    new Intl.NumberFormat('en-US', { maximumFractionDigits: Number.isInteger(value) ? 0 : 4 }).format(value),
  );
}

/** The CSS class of a figure's sign: colour follows the sign of the number itself, nothing else. */
export function signClass(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value) || value === 0) return 'zero';
  return value > 0 ? 'up' : 'down';
}

import { AetherError } from '../errors/aether-error';

/**
 * Ticker rule (as the data issue specifies): a letter or digit, then up to 14 of letters, digits and
 * `. - ^ =` (SPY, BRK.B, EURUSD=X, GC=F). A leading caret (Yahoo's `^GSPC` index form) is refused.
 */
export const SYMBOL_PATTERN = /^[A-Z0-9][A-Z0-9.\-^=]{0,14}$/;

/** Trims and upper-cases a ticker, then checks it against {@link SYMBOL_PATTERN}. */
export function normalizeSymbol(text: string, field = 'symbol'): string {
  const symbol = text.trim().toUpperCase();
  if (SYMBOL_PATTERN.test(symbol)) return symbol;
  throw AetherError.invalid([
    {
      field,
      rule: `must be 1 to 15 letters, digits or . - ^ =, starting with a letter or digit (got ${JSON.stringify(text)})`,
    },
  ]);
}

import { z } from 'zod';
import { normalizeSymbol } from '../symbols/symbol';

/**
 * The benchmark of a portfolio or universe backtest when its request names none, as reports name it: equal
 * weights of its symbols (a portfolio: rebalanced on its schedule with its costs; a universe backtest: 1/N
 * of the cash in each symbol at the first close, held, without costs). Lower case, so it never reads as a
 * ticker (symbols are upper case).
 */
export const EQUAL_WEIGHT_BENCHMARK = 'equal-weight';

const TICKER =
  'a ticker of 1 to 15 letters, digits or . - ^ =, starting with a letter or digit (e.g. SPY, BRK.B)';

/** Every benchmark that is not a ticker (in any case, it never reads as one). */
const KEYWORDS = [EQUAL_WEIGHT_BENCHMARK];

/**
 * A benchmark as a request names it: one of `keywords` (in any case), else a ticker, trimmed and upper-cased
 * as the data layer normalises symbols (so `spy` and `SPY` are one request); anything else, another run
 * type's keyword included, breaks `rule`.
 */
function benchmarkSymbol(keywords: readonly string[], rule: string) {
  return z.string().transform((text, context) => {
    const keyword = KEYWORDS.find((name) => name === text.trim().toLowerCase());
    if (keyword !== undefined && keywords.includes(keyword)) return keyword;
    const symbol = keyword === undefined ? tickerOf(text) : undefined;
    if (symbol !== undefined) return symbol;
    context.issues.push({ code: 'custom', message: rule, input: text });
    return z.NEVER;
  });
}

/** The ticker `text` names, normalised, or undefined when it names none. */
function tickerOf(text: string): string | undefined {
  try {
    return normalizeSymbol(text, 'benchmark');
  } catch {
    return undefined;
  }
}

/**
 * The `benchmark` of a single-symbol run (backtest, walk-forward, papertrade): a symbol whose buy-and-hold,
 * over the same bars from the same provider, the run is measured against (its `benchmark_*` figures, beta
 * and alpha, the chart's benchmark curve). Absent, the traded symbol itself: plain buy-and-hold.
 */
export const benchmarkField = benchmarkSymbol(
  [],
  `must be ${TICKER}; ${EQUAL_WEIGHT_BENCHMARK} is for several symbols`,
)
  .optional()
  .describe(
    'A symbol whose buy-and-hold (same provider, interval and bars, no costs) the run is measured against; defaults to the traded symbol.',
  );

/**
 * The `benchmark` of a portfolio or universe backtest: a symbol (buy-and-hold, as for one symbol), or
 * {@link EQUAL_WEIGHT_BENCHMARK}, the default.
 */
export const portfolioBenchmarkField = benchmarkSymbol(
  [EQUAL_WEIGHT_BENCHMARK],
  `must be ${EQUAL_WEIGHT_BENCHMARK} or ${TICKER}`,
)
  .optional()
  .describe(
    'A symbol whose buy-and-hold (same provider, interval and bars, no costs) the portfolio is measured against, or `equal-weight` (the default: the equal-weight portfolio, rebalanced the same way; for a universe backtest 1/N of each symbol bought at the first close and held).',
  );

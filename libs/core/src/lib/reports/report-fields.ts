import { z } from 'zod';

// Field schemas several reports share, so one rule and one description serve them all.

/** A bar's time as reports print it (GUIDE §2). */
export const barTimeSchema = z
  .union([z.iso.date(), z.iso.datetime()])
  .describe('An ISO date (`2024-12-31`) for daily and longer bars, a full UTC timestamp for intraday bars.');

/** A moment something was recorded: `2024-12-31T21:05:09.123Z`. */
export const timestampSchema = z.iso.datetime();

/** Strategy parameters by name, as the run used them (defaults filled in). */
export const strategyParamsSchema = z
  .record(z.string(), z.number())
  .describe('Strategy parameters by name (`fast`, `slow`, `period`, …), defaults filled in.');

/** A ratio rounded to 6 decimals, `null` where it is undefined (a Sharpe ratio without volatility). */
export const ratioSchema = z.number().nullable();

/**
 * The bars loaded before the requested window to warm the strategy up (as many as it needs, fewer where the
 * data begins later: a warning then names the first bar it is ready on). They feed the strategy only: every
 * figure covers the requested window. Absent from runs recorded before warm-up bars were loaded.
 */
export const warmupBarsSchema = z
  .number()
  .int()
  .min(0)
  .optional()
  .describe(
    'Bars loaded before the requested window so the strategy is ready on its first bar; they feed the strategy only, every figure covers the window (`first` to `last`). Fewer than the strategy needs when the data begins later, with a warning naming the first bar it is ready on.',
  );

/**
 * What a run's `benchmark_*` figures, its `beta` and `alpha` and its chart's benchmark curve measure: a symbol
 * (buy-and-hold of it: bought with the initial cash at the close of the first bar measured, held without
 * costs, its bars from the same provider and interval aligned to the run's, a missing bar's close carried
 * forward), or, for a portfolio or universe backtest by default, `equal-weight`.
 */
export const benchmarkSchema = z
  .string()
  .describe(
    "What the `benchmark_*` figures, `beta`, `alpha` and the chart's benchmark measure: a symbol, bought with the initial cash at the first measured close and held without costs (its bars from the same provider and interval, aligned to the run's: a missing bar's close is carried forward).",
  );

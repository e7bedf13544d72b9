import { type RequestLimits } from '@aetherquant/workflows';
import { type RecentBarsOptions } from '@aetherquant/workflows/server';

/** The largest JSON body the API reads. */
export const MAX_BODY_BYTES = 100 * 1024;

/** Points in the chart series of backtest and papertrade responses: enough for a screen, small on a phone. */
export const CHART_POINTS = 2_000;

/**
 * What one request may ask of the server, so that no single request can exhaust it (GUIDE §7). Each is
 * checked before the work it bounds, from what the request implies (libs/workflows `request-limits.ts`).
 */
export const REQUEST_LIMITS: Required<RequestLimits> = {
  maxSymbols: 50,
  maxSweepCombinations: 20_000,
  // 30 years of daily bars is 7,560; a year of 5-minute bars is about 20,000. At 48 bytes a bar (six
  // float64 columns), 4.8 MB per symbol.
  maxBars: 100_000,
  // 50 symbols × 60,000 bars: half a year of 1-minute bars for each of 50 symbols (~144 MB of columns).
  maxPortfolioBars: 3_000_000,
  // 30 years of monthly test windows is 360; each window searches the whole grid.
  maxWalkForwardWindows: 500,
};

/**
 * The in-memory cache of recently loaded bars: at most 64 MiB of columns (about 1.4 M bars) and 128 series,
 * each served for a minute (libs/data `RecentBars`).
 */
export const RECENT_BARS: Required<Omit<RecentBarsOptions, 'now'>> = {
  maxEntries: 128,
  maxBytes: 64 * 1024 * 1024,
  ttlMs: 60_000,
};

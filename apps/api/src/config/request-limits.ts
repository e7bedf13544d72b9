import { type RecentBarsOptions } from '@aetherquant/workflows/server';

/** The largest JSON body the API reads. */
export const MAX_BODY_BYTES = 100 * 1024;

/** Points in the chart series of backtest and papertrade responses: enough for a screen, small on a phone. */
export const CHART_POINTS = 2_000;

/**
 * The in-memory cache of recently loaded bars: at most 64 MiB of columns (about 1.4 M bars) and 128 series,
 * each served for a minute (libs/data `RecentBars`).
 */
export const RECENT_BARS: Required<Omit<RecentBarsOptions, 'now'>> = {
  maxEntries: 128,
  maxBytes: 64 * 1024 * 1024,
  ttlMs: 60_000,
};

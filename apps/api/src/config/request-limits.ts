import { type RequestLimits } from '@aetherquant/workflows';

/** The largest JSON body the API reads. */
export const MAX_BODY_BYTES = 100 * 1024;

/** Points in the chart series of backtest and papertrade responses: enough for a screen, small on a phone. */
export const CHART_POINTS = 2_000;

/** What one request may ask of the server, so that no single request can exhaust it (GUIDE §7). */
export const REQUEST_LIMITS: Required<RequestLimits> = {
  maxSymbols: 50,
  maxSweepCombinations: 20_000,
  // 30 years of daily bars is 7,560; a year of 5-minute bars is about 20,000.
  maxBars: 100_000,
};

import { type BarSeries } from '@aetherquant/core';

/** A stretch of bars with exposure of one sign: from the close where it was taken to the close where it ended. */
export interface Trade {
  side: 'long' | 'short';
  entryIndex: number;
  exitIndex: number;
  entryTime: number;
  exitTime: number;
  /** Closes at entry and exit (the prices the exposure was decided at). */
  entryPrice: number;
  exitPrice: number;
  /**
   * What the strategy earned over the trade, costs included: equity[exit] / equity[entry] − 1. This holds for
   * shorts and fractional exposures alike; the cost of a reversal is counted in the trade it closes.
   */
  return: number;
  barsHeld: number;
  /** Still open at the last bar: its exit is that bar's close. */
  open: boolean;
}

/**
 * The trades of a target series: a trade opens where the target's sign becomes non-zero (or flips) and
 * closes where it returns to zero or flips; changes of size within one sign do not split a trade.
 */
export function extractTrades(series: BarSeries, targets: Float64Array, equity: Float64Array): Trade[] {
  const trades: Trade[] = [];
  const n = targets.length;
  let side = 0;
  let entry = -1;
  const close = (exit: number, open: boolean) => {
    trades.push({
      side: side > 0 ? 'long' : 'short',
      entryIndex: entry,
      exitIndex: exit,
      entryTime: series.time[entry] as number,
      exitTime: series.time[exit] as number,
      entryPrice: series.close[entry] as number,
      exitPrice: series.close[exit] as number,
      return: (equity[exit] as number) / (equity[entry] as number) - 1,
      barsHeld: exit - entry,
      open,
    });
  };
  for (let t = 0; t < n; t++) {
    const target = targets[t] as number;
    const sign = target > 0 ? 1 : target < 0 ? -1 : 0;
    if (sign === side) continue;
    if (side !== 0) close(t, false);
    side = sign;
    entry = t;
  }
  if (side !== 0 && entry < n - 1) close(n - 1, true);
  return trades;
}

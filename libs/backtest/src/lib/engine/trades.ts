import { type BarSeries } from '@aetherquant/core';

/** A stretch of bars with exposure of one sign: from the close where it was taken to the close where it ended. */
export interface Trade {
  side: 'long' | 'short';
  entryIndex: number;
  exitIndex: number;
  entryTime: number;
  exitTime: number;
  /** Closes at entry and exit (the prices the exposure was decided at), exactly as the engine used them. */
  entryPrice: number;
  exitPrice: number;
  /**
   * The units taken at entry: |target[entry]| × equity[entry] ÷ close[entry], the position the exposure
   * decided at the entry close amounts to (equity after that bar's cost). Positive for longs and shorts
   * (`side` says which). The vectorised engine holds a constant fraction of equity, not a number of units:
   * within a trade the units it implies stay constant only for a +1 exposure without size changes, and drift
   * with equity and price otherwise.
   */
  size: number;
  /**
   * What the strategy earned over the trade, costs included: equity[exit] / equity[entry] − 1. This holds for
   * shorts and fractional exposures alike; the cost of a reversal is counted in the trade it closes.
   */
  return: number;
  /**
   * The same in the account's currency: equity[exit] − equity[entry] (= return × equity[entry]), costs
   * included as in `return`.
   */
  pnl: number;
  barsHeld: number;
  /** Still open at the last bar: its exit is that bar's close. */
  open: boolean;
}

/** Where the trades of a target series begin and end, and what each earned: typed arrays, no objects. */
export interface TradeSpans {
  count: number;
  entry: Int32Array;
  exit: Int32Array;
  /** +1 long, −1 short. */
  side: Int8Array;
  /** equity[exit] / equity[entry] − 1. */
  returns: Float64Array;
  /** Whether the last trade is still open at the last bar. */
  lastOpen: boolean;
}

/**
 * The trades of a target series: a trade opens where the target's sign becomes non-zero (or flips) and
 * closes where it returns to zero or flips; changes of size within one sign do not split a trade. One pass,
 * typed arrays only (a million bars can hold tens of thousands of trades); see {@link tradesFromSpans}.
 */
export function tradeSpans(targets: Float64Array, equity: Float64Array): TradeSpans {
  const n = targets.length;
  // A trade needs a sign change to open, so there are at most ⌈n/2⌉ + 1 of them; grow instead of reserving.
  let capacity = 64;
  let entry = new Int32Array(capacity);
  let exit = new Int32Array(capacity);
  let sides = new Int8Array(capacity);
  let count = 0;
  let side = 0;
  let start = -1;
  const push = (end: number) => {
    if (count === capacity) {
      capacity *= 2;
      entry = grow(entry, capacity);
      exit = grow(exit, capacity);
      sides = grow(sides, capacity);
    }
    entry[count] = start;
    exit[count] = end;
    sides[count] = side;
    count++;
  };
  for (let t = 0; t < n; t++) {
    const target = targets[t] as number;
    const sign = target > 0 ? 1 : target < 0 ? -1 : 0;
    if (sign === side) continue;
    if (side !== 0) push(t);
    side = sign;
    start = t;
  }
  const lastOpen = side !== 0 && start < n - 1;
  if (lastOpen) push(n - 1);
  const returns = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    returns[k] = (equity[exit[k] as number] as number) / (equity[entry[k] as number] as number) - 1;
  }
  return { count, entry, exit, side: sides, returns, lastOpen };
}

/** The trades as objects, for reports and people (`targets` and `equity` those the spans were found in). */
export function tradesFromSpans(
  series: BarSeries,
  spans: TradeSpans,
  targets: Float64Array,
  equity: Float64Array,
): Trade[] {
  const trades: Trade[] = [];
  for (let k = 0; k < spans.count; k++) {
    const entry = spans.entry[k] as number;
    const exit = spans.exit[k] as number;
    const entryPrice = series.close[entry] as number;
    const entryEquity = equity[entry] as number;
    trades.push({
      side: spans.side[k] === 1 ? 'long' : 'short',
      entryIndex: entry,
      exitIndex: exit,
      entryTime: series.time[entry] as number,
      exitTime: series.time[exit] as number,
      entryPrice,
      exitPrice: series.close[exit] as number,
      size: (Math.abs(targets[entry] as number) * entryEquity) / entryPrice,
      return: spans.returns[k] as number,
      pnl: (equity[exit] as number) - entryEquity,
      barsHeld: exit - entry,
      open: spans.lastOpen && k === spans.count - 1,
    });
  }
  return trades;
}

/** The trades of a target series as objects (see {@link tradeSpans} for the rule). */
export function extractTrades(series: BarSeries, targets: Float64Array, equity: Float64Array): Trade[] {
  return tradesFromSpans(series, tradeSpans(targets, equity), targets, equity);
}

function grow<T extends Int32Array | Int8Array>(array: T, capacity: number): T {
  const larger = new (array.constructor as new (length: number) => T)(capacity);
  larger.set(array);
  return larger;
}

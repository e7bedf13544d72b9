import { outputColumn, requirePeriod, requireSameLength } from '../validation/validation';

const NOT_DEFINED = Number.NaN;

/**
 * The true range of bar t ≥ 1: `max(high − low, |high − close[t − 1]|, |low − close[t − 1]|)` (Wilder).
 */
export function trueRangeAt(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  t: number,
): number {
  const h = high[t] as number;
  const l = low[t] as number;
  const previous = close[t - 1] as number;
  return Math.max(h - l, Math.abs(h - previous), Math.abs(l - previous));
}

/**
 * Wilder's average true range (J. Welles Wilder, 1978; TA-Lib's `ATR`). The true range is defined from
 * bar 1 on (it needs the previous close); the first ATR, at bar `period`, is the simple mean of the true
 * ranges of bars 1 … period, then `atr = (prev·(period − 1) + tr) / period`.
 *
 * Warm-up: `period` leading NaN (see {@link atrWarmup}). O(n). (TradingView and trading-signals count
 * `high − low` as bar 0's true range, so their first ATR is one bar earlier; the difference fades by a
 * factor (1 − 1/period) a bar.)
 *
 * @param high - highs
 * @param low - lows, as many as highs
 * @param close - closes, as many as highs
 * @param period - bars of Wilder's smoothing, an integer ≥ 1
 * @param out - where to write, one slot per bar; a new array when left out
 */
export function atr(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  period: number,
  out?: Float64Array,
): Float64Array {
  requirePeriod('atr', 'period', period);
  const n = requireSameLength('atr', { high, low, close });
  const result = outputColumn('atr', 'out', n, out);
  wilderAverageTrueRange(high, low, close, period, result);
  return result;
}

/** Leading NaN bars of {@link atr}: `period`. */
export function atrWarmup(period: number): number {
  requirePeriod('atr', 'period', period);
  return period;
}

/** {@link atr} without the checks, for Keltner channels. */
export function wilderAverageTrueRange(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  period: number,
  out: Float64Array,
): void {
  const n = close.length;
  let average = 0;
  if (n > 0) out[0] = NOT_DEFINED;
  for (let t = 1; t < n; t++) {
    const range = trueRangeAt(high, low, close, t);
    if (t < period) {
      average += range;
      out[t] = NOT_DEFINED;
      continue;
    }
    average = t === period ? (average + range) / period : (average * (period - 1) + range) / period;
    out[t] = average;
  }
}

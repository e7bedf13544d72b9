import { compensatedAdd, compensatedValue } from '../summation/compensated-sum';
import { outputColumn, requirePeriod, requireSameLength } from '../validation/validation';

const NOT_DEFINED = Number.NaN;

/**
 * Cumulative volume-weighted average price, anchored at bar 0: `Σ TP·volume / Σ volume` over bars 0 … t,
 * with the typical price TP = (high + low + close) / 3. NaN while no volume has traded yet. For a session
 * VWAP on intraday bars, pass one session's bars (a `subarray` of each column costs no copy).
 *
 * Warm-up: 0 leading NaN when bar 0 has volume (see {@link vwapWarmup}). O(n), compensated sums.
 *
 * @param high - highs
 * @param low - lows, as many as highs
 * @param close - closes, as many as highs
 * @param volume - volumes, as many as highs
 * @param out - where to write, one slot per bar; a new array when left out
 */
export function vwap(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  volume: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  const n = requireSameLength('vwap', { high, low, close, volume });
  const result = outputColumn('vwap', 'out', n, out);
  volumeWeighted(high, low, close, volume, undefined, result);
  return result;
}

/** Leading NaN bars of {@link vwap}: 0 (when bar 0 has volume). */
export function vwapWarmup(): number {
  return 0;
}

/**
 * Rolling volume-weighted average price over the last `period` bars, bar t included:
 * `Σ TP·volume / Σ volume` over bars t − period + 1 … t, TP = (high + low + close) / 3. NaN where no volume
 * traded in the window.
 *
 * Warm-up: `period − 1` leading NaN (see {@link rollingVwapWarmup}). O(n), compensated rolling sums.
 *
 * @param period - bars in the window, an integer ≥ 1
 */
export function rollingVwap(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  volume: ArrayLike<number>,
  period: number,
  out?: Float64Array,
): Float64Array {
  requirePeriod('rollingVwap', 'period', period);
  const n = requireSameLength('rollingVwap', { high, low, close, volume });
  const result = outputColumn('rollingVwap', 'out', n, out);
  volumeWeighted(high, low, close, volume, period, result);
  return result;
}

/** Leading NaN bars of {@link rollingVwap}: `period − 1`. */
export function rollingVwapWarmup(period: number): number {
  requirePeriod('rollingVwap', 'period', period);
  return period - 1;
}

/** Both VWAPs: a window of `period` bars, or every bar so far when `period` is undefined. */
function volumeWeighted(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  volume: ArrayLike<number>,
  period: number | undefined,
  out: Float64Array,
): void {
  const n = close.length;
  const weighted = new Float64Array(2);
  const traded = new Float64Array(2);
  for (let t = 0; t < n; t++) {
    const size = volume[t] as number;
    compensatedAdd(weighted, (((high[t] as number) + (low[t] as number) + (close[t] as number)) / 3) * size);
    compensatedAdd(traded, size);
    if (period !== undefined && t >= period) {
      const j = t - period;
      const oldSize = volume[j] as number;
      compensatedAdd(
        weighted,
        -((((high[j] as number) + (low[j] as number) + (close[j] as number)) / 3) * oldSize),
      );
      compensatedAdd(traded, -oldSize);
    }
    const total = compensatedValue(traded);
    const defined = period === undefined || t >= period - 1;
    out[t] = defined && total > 0 ? compensatedValue(weighted) / total : NOT_DEFINED;
  }
}

import { outputColumn, requirePeriod } from '../validation/validation';

const NOT_DEFINED = Number.NaN;
/** Held in a module constant: under Jest every `Math.x` is a global lookup, far slower than a local. */
const { abs } = Math;

/**
 * Wilder's relative strength index (J. Welles Wilder, "New Concepts in Technical Trading Systems", 1978).
 *
 * With changes d[t] = values[t] − values[t − 1], gains max(d, 0) and losses max(−d, 0): the first average
 * gain and loss (at bar `period`) are the simple means of the first `period` changes (bars 1 … period);
 * after that `avg = (prev·(period − 1) + x) / period`. `RSI = 100 − 100 / (1 + avgGain / avgLoss)`;
 * 100 when the average loss is 0, and 50 when both averages are 0 (no movement at all: neutral).
 *
 * Warm-up: `period` leading NaN (see {@link rsiWarmup}). O(n). This is the arithmetic the rsi-reversion
 * strategy has always used, operation for operation, so its targets do not change by a bit.
 *
 * @param values - closes
 * @param period - bars of Wilder's smoothing, an integer ≥ 1
 * @param out - where to write, one slot per bar; a new array when left out
 */
export function rsi(values: ArrayLike<number>, period: number, out?: Float64Array): Float64Array {
  requirePeriod('rsi', 'period', period);
  const n = values.length;
  const result = outputColumn('rsi', 'out', n, out);
  const keep = period - 1;
  let averageGain = 0;
  let averageLoss = 0;
  if (n > 0) result[0] = NOT_DEFINED;
  for (let t = 1; t < n; t++) {
    const change = (values[t] as number) - (values[t - 1] as number);
    // Branch-free and exact: for change > 0, (change + change) / 2 = change; for change < 0,
    // (−change − change) / 2 = −change.
    const size = abs(change);
    const gain = (size + change) * 0.5;
    const loss = (size - change) * 0.5;
    if (t < period) {
      averageGain += gain;
      averageLoss += loss;
      result[t] = NOT_DEFINED;
      continue;
    }
    if (t === period) {
      averageGain = (averageGain + gain) / period;
      averageLoss = (averageLoss + loss) / period;
    } else {
      averageGain = (averageGain * keep + gain) / period;
      averageLoss = (averageLoss * keep + loss) / period;
    }
    result[t] =
      averageLoss === 0 ? (averageGain === 0 ? 50 : 100) : 100 - 100 / (1 + averageGain / averageLoss);
  }
  return result;
}

/** Leading NaN bars of {@link rsi}: `period` (the first change is at bar 1). */
export function rsiWarmup(period: number): number {
  requirePeriod('rsi', 'period', period);
  return period;
}

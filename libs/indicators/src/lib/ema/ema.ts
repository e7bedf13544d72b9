import { compensatedAdd, compensatedValue } from '../summation/compensated-sum';
import { outputColumn, requirePeriod } from '../validation/validation';

const NOT_DEFINED = Number.NaN;

/**
 * Exponential moving average with α = 2 / (period + 1), seeded with the simple mean of the first `period`
 * values (as TA-Lib seeds it):
 *
 * `ema[period − 1] = mean(values[0 … period − 1])`, then `ema[t] = ema[t − 1] + α·(values[t] − ema[t − 1])`
 *
 * Warm-up: `period − 1` leading NaN (see {@link emaWarmup}). O(n). Seeding with the first value instead
 * (pandas' `ewm(adjust=False)`, trading-signals' `EMA`) gives values that differ by a factor (1 − α)^t of
 * the seed difference, which fades after a few multiples of `period`.
 *
 * @param values - the column to smooth
 * @param period - bars of the smoothing, an integer ≥ 1 (1 returns the values)
 * @param out - where to write, one slot per bar; a new array when left out
 */
export function ema(values: ArrayLike<number>, period: number, out?: Float64Array): Float64Array {
  requirePeriod('ema', 'period', period);
  const n = values.length;
  const result = outputColumn('ema', 'out', n, out);
  exponentialSmoothing(values, 0, period, 2 / (period + 1), result);
  return result;
}

/** Leading NaN bars of {@link ema}: `period − 1`. */
export function emaWarmup(period: number): number {
  requirePeriod('ema', 'period', period);
  return period - 1;
}

/**
 * The EMA of `values` from bar `first` on (bars before `first` are taken as undefined): NaN for bars
 * < first + period − 1, the simple mean of `values[first … first + period − 1]` at the last of them, then
 * `prev + alpha·(x − prev)`. Shared by MACD's signal line (an EMA of a line that starts late) and Keltner.
 */
export function exponentialSmoothing(
  values: ArrayLike<number>,
  first: number,
  period: number,
  alpha: number,
  out: Float64Array,
): void {
  const n = values.length;
  const seedAt = first + period - 1;
  const sum = new Float64Array(2);
  let average = 0;
  for (let t = 0; t < n; t++) {
    if (t < seedAt) {
      if (t >= first) compensatedAdd(sum, values[t] as number);
      out[t] = NOT_DEFINED;
      continue;
    }
    const value = values[t] as number;
    if (t === seedAt) {
      compensatedAdd(sum, value);
      average = compensatedValue(sum) / period;
    } else {
      average += alpha * (value - average);
    }
    out[t] = average;
  }
}

import { compensatedAdd, compensatedValue } from '../summation/compensated-sum';
import { outputColumn, requirePeriod } from '../validation/validation';

/** A module constant: under Jest a global such as `NaN` is a slow lookup through the sandbox. */
const NOT_DEFINED = Number.NaN;

/**
 * Simple moving average: the mean of the last `period` values, bar t included.
 *
 * `sma[t] = (values[t − period + 1] + … + values[t]) / period`
 *
 * Warm-up: `period − 1` leading NaN (see {@link smaWarmup}). O(n) with one rolling sum kept with
 * Neumaier's compensation, so the average does not drift however long the series (a plain running sum
 * drifts by about 1e-16 × bars of the price).
 *
 * @param values - the column to average (closes, typically)
 * @param period - bars in the window, an integer ≥ 1
 * @param out - where to write, one slot per bar; a new array when left out
 * @throws AetherError INVALID_ARGUMENT naming `period` or `out`
 */
export function sma(values: ArrayLike<number>, period: number, out?: Float64Array): Float64Array {
  requirePeriod('sma', 'period', period);
  const n = values.length;
  const result = outputColumn('sma', 'out', n, out);
  const sum = new Float64Array(2);
  for (let t = 0; t < n; t++) {
    compensatedAdd(sum, values[t] as number);
    if (t >= period) compensatedAdd(sum, -(values[t - period] as number));
    result[t] = t >= period - 1 ? compensatedValue(sum) / period : NOT_DEFINED;
  }
  return result;
}

/** Leading NaN bars of {@link sma}: `period − 1`. */
export function smaWarmup(period: number): number {
  requirePeriod('sma', 'period', period);
  return period - 1;
}

/**
 * The simple moving mean of `values` from bar `first` on (bars before it taken as undefined): NaN for bars
 * < first + period − 1, then the compensated rolling mean. Shared by the stochastic oscillator, whose %K
 * and %D average columns that start late.
 */
export function movingMeanFrom(
  values: ArrayLike<number>,
  first: number,
  period: number,
  out: Float64Array,
): void {
  const n = values.length;
  const sum = new Float64Array(2);
  for (let t = 0; t < n; t++) {
    if (t < first) {
      out[t] = NOT_DEFINED;
      continue;
    }
    compensatedAdd(sum, values[t] as number);
    if (t >= first + period) compensatedAdd(sum, -(values[t - period] as number));
    out[t] = t >= first + period - 1 ? compensatedValue(sum) / period : NOT_DEFINED;
  }
}

import { rollingMoments } from '../moments/rolling-moments';
import { outputColumn, requirePeriod } from '../validation/validation';

/**
 * Which standard deviation: `'sample'` divides the squared deviations by period − 1 (ddof 1, the
 * workspace's default for statistics, GUIDE §2); `'population'` by period (ddof 0, Bollinger's bands).
 */
export type DeviationEstimator = 'sample' | 'population';

/**
 * Rolling standard deviation of the last `period` values, bar t included:
 * `sqrt(Σ(x − mean)² / (period − ddof))`, ddof 1 for `'sample'` (the default) and 0 for `'population'`.
 *
 * Warm-up: `period − 1` leading NaN (see {@link rollingStandardDeviationWarmup}). O(n): Welford's
 * replacement update as the window slides, re-summed (two-pass) every `period` bars so that a long series
 * does not drift. 0 for a flat window.
 *
 * @param values - the column (returns, typically)
 * @param period - bars in the window, an integer ≥ 2
 * @param estimator - `'sample'` (ddof 1, default) or `'population'` (ddof 0)
 * @param out - where to write, one slot per bar; a new array when left out
 */
export function rollingStandardDeviation(
  values: ArrayLike<number>,
  period: number,
  estimator: DeviationEstimator = 'sample',
  out?: Float64Array,
): Float64Array {
  requirePeriod('rollingStandardDeviation', 'period', period, 2);
  const n = values.length;
  const result = outputColumn('rollingStandardDeviation', 'out', n, out);
  rollingMoments(values, period, new Float64Array(n), result);
  const divisor = estimator === 'sample' ? period - 1 : period;
  for (let t = period - 1; t < n; t++) result[t] = Math.sqrt((result[t] as number) / divisor);
  return result;
}

/** Leading NaN bars of {@link rollingStandardDeviation}: `period − 1`. */
export function rollingStandardDeviationWarmup(period: number): number {
  requirePeriod('rollingStandardDeviation', 'period', period, 2);
  return period - 1;
}

import { rollingMoments } from '../moments/rolling-moments';
import type { DeviationEstimator } from '../standard-deviation/standard-deviation';
import { outputColumn, requirePeriod } from '../validation/validation';

/**
 * Rolling z-score: how many standard deviations the value at bar t lies from the mean of the last `period`
 * values (bar t included): `(values[t] − mean) / stdev`, the standard deviation as
 * {@link rollingStandardDeviation} computes it (`'sample'`, ddof 1, by default). 0 where the window is
 * flat (the value is then the mean; the ratio itself would be 0 / 0).
 *
 * Warm-up: `period − 1` leading NaN (see {@link zScoreWarmup}). O(n).
 *
 * @param values - the column
 * @param period - bars in the window, an integer ≥ 2
 * @param estimator - `'sample'` (ddof 1, default) or `'population'` (ddof 0)
 * @param out - where to write, one slot per bar; a new array when left out
 */
export function zScore(
  values: ArrayLike<number>,
  period: number,
  estimator: DeviationEstimator = 'sample',
  out?: Float64Array,
): Float64Array {
  requirePeriod('zScore', 'period', period, 2);
  const n = values.length;
  const result = outputColumn('zScore', 'out', n, out);
  const mean = new Float64Array(n);
  rollingMoments(values, period, mean, result);
  const divisor = estimator === 'sample' ? period - 1 : period;
  for (let t = period - 1; t < n; t++) {
    const deviation = Math.sqrt((result[t] as number) / divisor);
    result[t] = deviation > 0 ? ((values[t] as number) - (mean[t] as number)) / deviation : 0;
  }
  return result;
}

/** Leading NaN bars of {@link zScore}: `period − 1`. */
export function zScoreWarmup(period: number): number {
  requirePeriod('zScore', 'period', period, 2);
  return period - 1;
}

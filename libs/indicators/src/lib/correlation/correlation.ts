import { rollingCoMoments } from '../moments/rolling-moments';
import { outputColumn, requirePeriod, requireSameLength } from '../validation/validation';

const NOT_DEFINED = Number.NaN;

/**
 * Rolling Pearson correlation of `x` and `y` over the last `period` bars, bar t included:
 * `Σ(x − x̄)(y − ȳ) / sqrt(Σ(x − x̄)² · Σ(y − ȳ)²)` (the ddof cancels), clamped to [−1, 1] against
 * rounding. NaN where either window is flat (the correlation is undefined there).
 *
 * Warm-up: `period − 1` leading NaN (see {@link rollingCorrelationWarmup}). O(n): Welford-style
 * co-moment updates, re-summed (two-pass) every `period` bars so that a long series does not drift.
 *
 * @param x - one column (returns, typically)
 * @param y - the other, as many values as x
 * @param period - bars in the window, an integer ≥ 2
 * @param out - where to write, one slot per bar; a new array when left out
 */
export function rollingCorrelation(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  period: number,
  out?: Float64Array,
): Float64Array {
  requirePeriod('rollingCorrelation', 'period', period, 2);
  const n = requireSameLength('rollingCorrelation', { x, y });
  const result = outputColumn('rollingCorrelation', 'out', n, out);
  const xx = new Float64Array(n);
  const yy = new Float64Array(n);
  rollingCoMoments(x, y, period, { xy: result, xx, yy });
  for (let t = period - 1; t < n; t++) {
    const scale = Math.sqrt((xx[t] as number) * (yy[t] as number));
    const correlation = scale > 0 ? (result[t] as number) / scale : NOT_DEFINED;
    result[t] = correlation > 1 ? 1 : correlation < -1 ? -1 : correlation;
  }
  return result;
}

/** Leading NaN bars of {@link rollingCorrelation}: `period − 1`. */
export function rollingCorrelationWarmup(period: number): number {
  requirePeriod('rollingCorrelation', 'period', period, 2);
  return period - 1;
}

import { rollingCoMoments } from '../moments/rolling-moments';
import { outputColumn, requirePeriod, requireSameLength } from '../validation/validation';

const NOT_DEFINED = Number.NaN;

/**
 * Rolling beta of `asset` on `benchmark` over the last `period` bars, bar t included:
 * `cov(asset, benchmark) / var(benchmark)` = `Σ(a − ā)(b − b̄) / Σ(b − b̄)²` (the ddof cancels), the slope of
 * the least-squares line of asset on benchmark. Pass returns, not prices. NaN where the benchmark's window
 * is flat.
 *
 * Warm-up: `period − 1` leading NaN (see {@link rollingBetaWarmup}). O(n), as {@link rollingCorrelation}.
 *
 * @param asset - the asset's returns
 * @param benchmark - the benchmark's returns, as many values as asset
 * @param period - bars in the window, an integer ≥ 2
 * @param out - where to write, one slot per bar; a new array when left out
 */
export function rollingBeta(
  asset: ArrayLike<number>,
  benchmark: ArrayLike<number>,
  period: number,
  out?: Float64Array,
): Float64Array {
  requirePeriod('rollingBeta', 'period', period, 2);
  const n = requireSameLength('rollingBeta', { asset, benchmark });
  const result = outputColumn('rollingBeta', 'out', n, out);
  const variance = new Float64Array(n);
  rollingCoMoments(benchmark, asset, period, { xy: result, xx: variance });
  for (let t = period - 1; t < n; t++) {
    const spread = variance[t] as number;
    result[t] = spread > 0 ? (result[t] as number) / spread : NOT_DEFINED;
  }
  return result;
}

/** Leading NaN bars of {@link rollingBeta}: `period − 1`. */
export function rollingBetaWarmup(period: number): number {
  requirePeriod('rollingBeta', 'period', period, 2);
  return period - 1;
}

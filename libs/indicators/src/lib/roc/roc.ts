import { outputColumn, requirePeriod } from '../validation/validation';

const NOT_DEFINED = Number.NaN;

/**
 * Rate of change in percent, as TA-Lib's `ROC`: `100 × (values[t] / values[t − period] − 1)`.
 *
 * Computed as written (the ratio first), so its sign is that of the return `values[t] / values[t − period]
 * − 1` a backtest reports, even where the division rounds a one-ulp difference to 0 (the momentum strategy
 * relies on it). Warm-up: `period` leading NaN (see {@link rocWarmup}). O(n).
 *
 * @param values - closes
 * @param period - bars back to the value compared with, an integer ≥ 1
 * @param out - where to write, one slot per bar; a new array when left out (it may be `values` itself
 *   only if the caller no longer needs them: the kernel reads `values[t − period]` after writing bar t − period)
 */
export function roc(values: ArrayLike<number>, period: number, out?: Float64Array): Float64Array {
  requirePeriod('roc', 'period', period);
  const n = values.length;
  const result = outputColumn('roc', 'out', n, out);
  for (let t = 0; t < n; t++) {
    result[t] = t < period ? NOT_DEFINED : ((values[t] as number) / (values[t - period] as number) - 1) * 100;
  }
  return result;
}

/** Leading NaN bars of {@link roc}: `period`. */
export function rocWarmup(period: number): number {
  requirePeriod('roc', 'period', period);
  return period;
}

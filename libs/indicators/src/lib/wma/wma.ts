import { outputColumn, requirePeriod } from '../validation/validation';

const NOT_DEFINED = Number.NaN;

/**
 * Linearly weighted moving average: weights 1 … period, the newest bar weighted most.
 *
 * `wma[t] = Σ_{j=1..period} j·values[t − period + j] / (period·(period + 1)/2)`
 *
 * Warm-up: `period − 1` leading NaN (see {@link wmaWarmup}). O(n): the weighted sum W and the plain sum S
 * of the window slide together (`W' = W + period·x_new − S`, `S' = S + x_new − x_old`), and both are
 * re-summed from the window every `period` bars, so rounding cannot accumulate over a long series.
 *
 * @param values - the column to average
 * @param period - bars in the window, an integer ≥ 1
 * @param out - where to write, one slot per bar; a new array when left out
 */
export function wma(values: ArrayLike<number>, period: number, out?: Float64Array): Float64Array {
  requirePeriod('wma', 'period', period);
  const n = values.length;
  const result = outputColumn('wma', 'out', n, out);
  const divisor = (period * (period + 1)) / 2;
  let weighted = 0;
  let plain = 0;
  for (let t = 0; t < n; t++) {
    if (t < period - 1) {
      result[t] = NOT_DEFINED;
      continue;
    }
    if ((t - period + 1) % period === 0) {
      weighted = 0;
      plain = 0;
      for (let j = 1; j <= period; j++) {
        const value = values[t - period + j] as number;
        weighted += j * value;
        plain += value;
      }
    } else {
      const value = values[t] as number;
      weighted += period * value - plain;
      plain += value - (values[t - period] as number);
    }
    result[t] = weighted / divisor;
  }
  return result;
}

/** Leading NaN bars of {@link wma}: `period − 1`. */
export function wmaWarmup(period: number): number {
  requirePeriod('wma', 'period', period);
  return period - 1;
}

import { compensatedAdd, compensatedValue } from '../summation/compensated-sum';
import { outputColumn, requireSameLength } from '../validation/validation';

/**
 * On-balance volume (Joseph Granville, 1963): 0 at bar 0, then the volume of each bar added when the close
 * rose, subtracted when it fell, and nothing when it was unchanged.
 *
 * Warm-up: none, 0 leading NaN (see {@link obvWarmup}). O(n), a compensated running sum. (TA-Lib starts
 * from the first bar's volume instead of 0: its OBV is this one plus volume[0].)
 *
 * @param close - closes
 * @param volume - volumes, as many as closes
 * @param out - where to write, one slot per bar; a new array when left out
 */
export function obv(close: ArrayLike<number>, volume: ArrayLike<number>, out?: Float64Array): Float64Array {
  const n = requireSameLength('obv', { close, volume });
  const result = outputColumn('obv', 'out', n, out);
  const sum = new Float64Array(2);
  if (n > 0) result[0] = 0;
  for (let t = 1; t < n; t++) {
    const current = close[t] as number;
    const previous = close[t - 1] as number;
    if (current > previous) compensatedAdd(sum, volume[t] as number);
    else if (current < previous) compensatedAdd(sum, -(volume[t] as number));
    result[t] = compensatedValue(sum);
  }
  return result;
}

/** Leading NaN bars of {@link obv}: 0. */
export function obvWarmup(): number {
  return 0;
}

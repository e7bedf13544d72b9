import { compensatedAdd, compensatedValue } from '../summation/compensated-sum';
import { outputColumn, requirePeriod, requireSameLength } from '../validation/validation';

const NOT_DEFINED = Number.NaN;
/** Lambert's constant, so that about 70–80 % of values fall within ±100. */
const LAMBERT = 0.015;

/**
 * Commodity channel index (Donald Lambert, 1980). With the typical price TP = (high + low + close) / 3,
 * its mean m over the last `period` bars and their mean absolute deviation MD = Σ|TP − m| / period:
 * `CCI = (TP − m) / (0.015·MD)`, 0 when MD = 0 (a flat window, where TP − m is 0 too).
 *
 * Warm-up: `period − 1` leading NaN (see {@link cciWarmup}). The mean is a compensated rolling sum, but the
 * mean absolute deviation about a moving mean has no O(1) update (every |TP − m| changes with m), so this
 * kernel is O(n × period), the one kernel here that is not O(n); 20 bars (Lambert's) cost 20 reads a bar.
 *
 * @param high - highs
 * @param low - lows, as many as highs
 * @param close - closes, as many as highs
 * @param period - bars in the window, an integer ≥ 1 (20 is Lambert's)
 * @param out - where to write, one slot per bar; a new array when left out
 */
export function cci(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  period: number,
  out?: Float64Array,
): Float64Array {
  requirePeriod('cci', 'period', period);
  const n = requireSameLength('cci', { high, low, close });
  const result = outputColumn('cci', 'out', n, out);
  const typical = new Float64Array(n);
  const sum = new Float64Array(2);
  for (let t = 0; t < n; t++) {
    const price = ((high[t] as number) + (low[t] as number) + (close[t] as number)) / 3;
    typical[t] = price;
    compensatedAdd(sum, price);
    if (t >= period) compensatedAdd(sum, -(typical[t - period] as number));
    if (t < period - 1) {
      result[t] = NOT_DEFINED;
      continue;
    }
    const mean = compensatedValue(sum) / period;
    let deviation = 0;
    for (let j = t - period + 1; j <= t; j++) deviation += Math.abs((typical[j] as number) - mean);
    deviation /= period;
    result[t] = deviation > 0 ? (price - mean) / (LAMBERT * deviation) : 0;
  }
  return result;
}

/** Leading NaN bars of {@link cci}: `period − 1`. */
export function cciWarmup(period: number): number {
  requirePeriod('cci', 'period', period);
  return period - 1;
}

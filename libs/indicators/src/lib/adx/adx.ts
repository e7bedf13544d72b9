import { trueRangeAt } from '../atr/atr';
import { outputColumn, requirePeriod, requireSameLength } from '../validation/validation';

const NOT_DEFINED = Number.NaN;

/** The columns of {@link adx}. */
export interface AdxColumns {
  /** Average directional index, 0 … 100. */
  adx: Float64Array;
  /** Positive directional indicator +DI, 0 … 100. */
  plusDi: Float64Array;
  /** Negative directional indicator −DI, 0 … 100. */
  minusDi: Float64Array;
}

/**
 * Wilder's directional movement system (J. Welles Wilder, 1978; TA-Lib's `ADX`, `PLUS_DI`, `MINUS_DI`).
 *
 * From bar 1 on, with up = high[t] − high[t − 1] and down = low[t − 1] − low[t]: +DM = up when up > down
 * and up > 0, else 0; −DM = down when down > up and down > 0, else 0 (a tie counts for neither); TR the
 * true range. +DM, −DM and TR are smoothed the Wilder way (first value at bar `period` the mean of bars
 * 1 … period, then `(prev·(period − 1) + x) / period`); `+DI = 100·sm(+DM)/sm(TR)`,
 * `−DI = 100·sm(−DM)/sm(TR)` (0 when the smoothed range is 0); `DX = 100·|+DI − −DI| / (+DI + −DI)` (0 when
 * both are 0); ADX is DX smoothed the same way, its first value at bar 2·period − 1 the mean of DX over
 * bars period … 2·period − 1.
 *
 * Warm-up: +DI and −DI have `period` leading NaN, ADX `2·period − 1` (see {@link adxWarmup}). O(n).
 *
 * @param high - highs
 * @param low - lows, as many as highs
 * @param close - closes, as many as highs
 * @param period - bars of Wilder's smoothing, an integer ≥ 1 (14 is Wilder's)
 * @param out - columns to write, one slot per bar each; new ones when left out
 */
export function adx(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  period: number,
  out?: AdxColumns,
): AdxColumns {
  requirePeriod('adx', 'period', period);
  const n = requireSameLength('adx', { high, low, close });
  const result = outputColumn('adx', 'out.adx', n, out?.adx);
  const plusDi = outputColumn('adx', 'out.plusDi', n, out?.plusDi);
  const minusDi = outputColumn('adx', 'out.minusDi', n, out?.minusDi);
  const keep = period - 1;
  let range = 0;
  let plus = 0;
  let minus = 0;
  let average = 0;
  if (n > 0) {
    result[0] = NOT_DEFINED;
    plusDi[0] = NOT_DEFINED;
    minusDi[0] = NOT_DEFINED;
  }
  for (let t = 1; t < n; t++) {
    const up = (high[t] as number) - (high[t - 1] as number);
    const down = (low[t - 1] as number) - (low[t] as number);
    const plusMove = up > down && up > 0 ? up : 0;
    const minusMove = down > up && down > 0 ? down : 0;
    const trueRange = trueRangeAt(high, low, close, t);
    if (t < period) {
      range += trueRange;
      plus += plusMove;
      minus += minusMove;
      result[t] = NOT_DEFINED;
      plusDi[t] = NOT_DEFINED;
      minusDi[t] = NOT_DEFINED;
      continue;
    }
    if (t === period) {
      range = (range + trueRange) / period;
      plus = (plus + plusMove) / period;
      minus = (minus + minusMove) / period;
    } else {
      range = (range * keep + trueRange) / period;
      plus = (plus * keep + plusMove) / period;
      minus = (minus * keep + minusMove) / period;
    }
    const positive = range > 0 ? (100 * plus) / range : 0;
    const negative = range > 0 ? (100 * minus) / range : 0;
    plusDi[t] = positive;
    minusDi[t] = negative;
    const total = positive + negative;
    const directional = total > 0 ? (100 * Math.abs(positive - negative)) / total : 0;
    if (t < 2 * period - 1) {
      average += directional;
      result[t] = NOT_DEFINED;
    } else {
      average =
        t === 2 * period - 1 ? (average + directional) / period : (average * keep + directional) / period;
      result[t] = average;
    }
  }
  return { adx: result, plusDi, minusDi };
}

/** Leading NaN bars of every column of {@link adx}: `2·period − 1` (+DI and −DI alone: `period`). */
export function adxWarmup(period: number): number {
  requirePeriod('adx', 'period', period);
  return 2 * period - 1;
}

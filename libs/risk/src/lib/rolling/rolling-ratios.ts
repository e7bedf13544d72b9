// Sharpe ratio and volatility over a moving window: how steady a strategy was, not only on average.
import type { FieldViolation } from '@aetherquant/core';
import { checkFinite, checkPeriodsPerYear, throwIfInvalid } from '../input/check-input';
import { meanOf, sumOfSquaredDeviations } from '../returns/returns';

// Module constants: under Jest's sandbox every lookup of the global `Math` is slow.
const { sqrt } = Math;
/** Below this share of Σx², Σx² − mean·Σx is mostly rounding error. */
const CANCELLATION = 1e-8;

/**
 * The annualised Sharpe ratio of each window of `window` consecutive returns, as {@link sharpe} defines it
 * (mean over sample deviation, × √periodsPerYear; 0 without deviation). `out[t]` covers returns
 * `t − window + 1 … t`; the first `window − 1` values are NaN (no full window yet).
 *
 * @param returns - simple returns per bar, each finite.
 * @param window - returns per window, an integer of at least 2 (a sample deviation needs two).
 * @throws AetherError INVALID_ARGUMENT for a return that is not finite, a bad window or periodsPerYear.
 */
export function rollingSharpe(
  returns: ArrayLike<number>,
  window: number,
  periodsPerYear: number,
): Float64Array {
  checkRolling(returns, window, periodsPerYear, 'rollingSharpe');
  const scale = sqrt(periodsPerYear);
  return rolling(returns, window, (mean, deviation) => (deviation === 0 ? 0 : (mean / deviation) * scale));
}

/**
 * The annualised volatility of each window of `window` consecutive returns, as {@link annualVolatility}
 * defines it; the first `window − 1` values are NaN.
 *
 * @throws AetherError INVALID_ARGUMENT for a return that is not finite, a bad window or periodsPerYear.
 */
export function rollingVolatility(
  returns: ArrayLike<number>,
  window: number,
  periodsPerYear: number,
): Float64Array {
  checkRolling(returns, window, periodsPerYear, 'rollingVolatility');
  const scale = sqrt(periodsPerYear);
  return rolling(returns, window, (_mean, deviation) => deviation * scale);
}

/**
 * Applies `measure(mean, sample deviation)` to every full window in O(n): the window's sum and sum of squares
 * slide by one return at a time, and are computed afresh (two passes, as the whole-series metrics are) at the
 * first window and every `window` bars after, so rounding cannot build up. A tearsheet's half-year window over a
 * year of one-minute bars is 49,140 returns: measuring each window afresh would take billions of additions.
 */
function rolling(
  returns: ArrayLike<number>,
  window: number,
  measure: (mean: number, deviation: number) => number,
): Float64Array {
  const values = Float64Array.from(returns);
  const out = new Float64Array(values.length).fill(Number.NaN);
  let sum = 0;
  let squares = 0;
  for (let end = window; end <= values.length; end++) {
    if ((end - window) % window === 0) {
      const slice = values.subarray(end - window, end);
      sum = 0;
      squares = 0;
      for (let i = 0; i < window; i++) {
        sum += slice[i] as number;
        squares += (slice[i] as number) * (slice[i] as number);
      }
      const mean = meanOf(slice);
      out[end - 1] = measure(mean, sqrt(sumOfSquaredDeviations(slice, mean) / (window - 1)));
      continue;
    }
    const entering = values[end - 1] as number;
    const leaving = values[end - 1 - window] as number;
    sum += entering - leaving;
    squares += entering * entering - leaving * leaving;
    let mean = sum / window;
    // Σ(x − mean)² = Σx² − mean·Σx, unless that difference is lost in rounding (returns nearly equal, a flat
    // window): then the window is measured afresh, as the whole-series metrics would.
    let deviations = squares - mean * sum;
    if (deviations <= squares * CANCELLATION) {
      const slice = values.subarray(end - window, end);
      mean = meanOf(slice);
      deviations = sumOfSquaredDeviations(slice, mean);
    }
    out[end - 1] = measure(mean, sqrt(deviations / (window - 1)));
  }
  return out;
}

function checkRolling(returns: ArrayLike<number>, window: number, periodsPerYear: number, name: string) {
  const violations: FieldViolation[] = [];
  checkFinite(returns, 'returns', violations);
  checkPeriodsPerYear(periodsPerYear, violations);
  if (!(Number.isInteger(window) && window >= 2)) {
    violations.push({ field: 'window', rule: `must be an integer of at least 2 (got ${String(window)})` });
  }
  throwIfInvalid(violations, name);
}

// Sharpe ratio and volatility over a moving window: how steady a strategy was, not only on average.
import type { FieldViolation } from '@aetherquant/core';
import { checkFinite, checkPeriodsPerYear, throwIfInvalid } from '../input/check-input';
import { sharpeOf } from '../ratios/ratios';
import { annualVolatilityOf } from '../returns/returns';

/**
 * The annualised Sharpe ratio of each window of `window` consecutive returns, exactly {@link sharpe} of that
 * window (same sums, same order, so the last value equals `sharpe` of the last `window` returns to the bit).
 * `out[t]` covers returns `t − window + 1 … t`; the first `window − 1` values are NaN (no full window yet).
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
  return rolling(returns, window, (slice) => sharpeOf(slice, periodsPerYear));
}

/**
 * The annualised volatility of each window of `window` consecutive returns, exactly {@link annualVolatility}
 * of that window; the first `window − 1` values are NaN.
 *
 * @throws AetherError INVALID_ARGUMENT for a return that is not finite, a bad window or periodsPerYear.
 */
export function rollingVolatility(
  returns: ArrayLike<number>,
  window: number,
  periodsPerYear: number,
): Float64Array {
  checkRolling(returns, window, periodsPerYear, 'rollingVolatility');
  return rolling(returns, window, (slice) => annualVolatilityOf(slice, periodsPerYear));
}

/**
 * Applies `measure` to every full window. Each window is measured afresh (two passes over `window` values)
 * rather than by updating running sums: O(n·window), which for a tearsheet's 126-bar windows over decades of
 * daily bars is a few million additions, and exact where subtracting running sums would drift.
 */
function rolling(
  returns: ArrayLike<number>,
  window: number,
  measure: (slice: Float64Array) => number,
): Float64Array {
  const values = Float64Array.from(returns);
  const out = new Float64Array(values.length).fill(Number.NaN);
  for (let end = window; end <= values.length; end++)
    out[end - 1] = measure(values.subarray(end - window, end));
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

// Returns of an equity curve, and the return and volatility a year of them amounts to.
import type { FieldViolation } from '@aetherquant/core';
import { checkEquity, checkFinite, checkPeriodsPerYear, throwIfInvalid } from '../input/check-input';

// Module constants: under Jest's sandbox every lookup of the global `Math` is slow.
const { pow, sqrt } = Math;

/**
 * The n − 1 simple returns of an equity curve of n points: `r[t − 1] = equity[t] / equity[t − 1] − 1`.
 *
 * @param equity - equity (or prices) per bar; at least one point, every point finite and above 0.
 * @param out - where to write the returns, reused to avoid an allocation; it needs at least n − 1 elements.
 * @returns `out` (or a view of its first n − 1 elements when it is longer), else a new Float64Array. One point
 *   gives no returns (an empty array).
 * @throws AetherError INVALID_ARGUMENT naming `equity[i]` or `out` when the input breaks those rules.
 */
export function equityReturns(equity: ArrayLike<number>, out?: Float64Array): Float64Array {
  const violations: FieldViolation[] = [];
  checkEquity(equity, 'equity', violations);
  const count = equity.length > 0 ? equity.length - 1 : 0;
  if (out !== undefined && out.length < count) {
    violations.push({ field: 'out', rule: `must have room for ${count} returns (got ${out.length})` });
  }
  throwIfInvalid(violations, 'equityReturns');
  const returns = out === undefined ? new Float64Array(count) : out;
  let previous = equity[0];
  for (let t = 1; t < equity.length; t++) {
    const value = equity[t];
    returns[t - 1] = value / previous - 1;
    previous = value;
  }
  return returns.length === count ? returns : returns.subarray(0, count);
}

/**
 * Total return of an equity curve: `equity[n − 1] / equity[0] − 1`. One point gives 0.
 *
 * @throws AetherError INVALID_ARGUMENT when equity is empty or holds a point that is not finite and above 0.
 */
export function totalReturn(equity: ArrayLike<number>): number {
  const violations: FieldViolation[] = [];
  checkEquity(equity, 'equity', violations);
  throwIfInvalid(violations, 'totalReturn');
  return equity[equity.length - 1] / equity[0] - 1;
}

/**
 * Annualised (compound) return: `(equity[n − 1] / equity[0]) ^ (periodsPerYear / n) − 1`, where n is the
 * number of equity POINTS (not of returns), as the seed and c-reference.c compute it. One point gives 0. A short
 * curve with many periods per year can overflow to Infinity (a 50% gain over two 5-minute bars compounds over
 * 9 828 "years" of two bars); that is what the formula gives, and it is not clamped.
 *
 * @param periodsPerYear - bars per year: 252 for daily bars, 52 weekly, 12 monthly.
 * @throws AetherError INVALID_ARGUMENT for bad equity or a periodsPerYear that is not finite and above 0.
 */
export function annualReturn(equity: ArrayLike<number>, periodsPerYear: number): number {
  const violations: FieldViolation[] = [];
  checkEquity(equity, 'equity', violations);
  checkPeriodsPerYear(periodsPerYear, violations);
  throwIfInvalid(violations, 'annualReturn');
  return annualReturnOf(equity, periodsPerYear);
}

/** {@link annualReturn} without argument checks (the caller has made them). */
export function annualReturnOf(equity: ArrayLike<number>, periodsPerYear: number): number {
  return pow(equity[equity.length - 1] / equity[0], periodsPerYear / equity.length) - 1;
}

/**
 * Annualised volatility: the sample standard deviation of the returns (ddof = 1, two-pass) times
 * `√periodsPerYear`, as empyrical's `annual_volatility` and c-reference.c. Fewer than two returns give 0 (the
 * sample deviation is undefined there; no variation has been observed).
 *
 * @param returns - simple returns per bar, each finite.
 * @throws AetherError INVALID_ARGUMENT for a return that is not finite or a bad periodsPerYear.
 */
export function annualVolatility(returns: ArrayLike<number>, periodsPerYear: number): number {
  const violations: FieldViolation[] = [];
  checkFinite(returns, 'returns', violations);
  checkPeriodsPerYear(periodsPerYear, violations);
  throwIfInvalid(violations, 'annualVolatility');
  return annualVolatilityOf(returns, periodsPerYear);
}

/** {@link annualVolatility} without argument checks (the caller has made them). */
export function annualVolatilityOf(returns: ArrayLike<number>, periodsPerYear: number): number {
  const count = returns.length;
  if (count < 2) return 0;
  const mean = meanOf(returns);
  return sqrt(sumOfSquaredDeviations(returns, mean) / (count - 1)) * sqrt(periodsPerYear);
}

/** Arithmetic mean, summed front to back as every other metric here does (so results agree to the bit). */
export function meanOf(values: ArrayLike<number>): number {
  const count = values.length;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += values[i];
  return sum / count;
}

/** `Σ (x − mean)²`, the second pass of the two-pass variance. */
export function sumOfSquaredDeviations(values: ArrayLike<number>, mean: number): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const deviation = values[i] - mean;
    sum += deviation * deviation;
  }
  return sum;
}

// Risk-adjusted return ratios: Sharpe, Sortino, Calmar.
import type { FieldViolation } from '@aetherquant/core';
import { drawdownOf } from '../drawdown/drawdown';
import { checkEquity, checkFinite, checkPeriodsPerYear, throwIfInvalid } from '../input/check-input';
import { annualReturnOf, meanOf, sumOfSquaredDeviations } from '../returns/returns';

// Module constants: under Jest's sandbox every lookup of the global `Math` is slow.
const { abs, sqrt } = Math;

/**
 * Annualised Sharpe ratio with a zero risk-free rate: `mean(r) / std(r, ddof = 1) × √periodsPerYear`, over
 * simple returns, as empyrical's `sharpe_ratio` and c-reference.c.
 *
 * Edge cases: 0 when there are fewer than two returns (no sample deviation) or when the deviation is 0 (flat
 * or perfectly constant returns), rather than ±Infinity or NaN, which JSON cannot carry.
 *
 * @param returns - simple returns per bar, each finite.
 * @param periodsPerYear - bars per year: 252 for daily bars.
 * @throws AetherError INVALID_ARGUMENT for a return that is not finite or a bad periodsPerYear.
 */
export function sharpe(returns: ArrayLike<number>, periodsPerYear: number): number {
  const violations: FieldViolation[] = [];
  checkFinite(returns, 'returns', violations);
  checkPeriodsPerYear(periodsPerYear, violations);
  throwIfInvalid(violations, 'sharpe');
  return sharpeOf(returns, periodsPerYear);
}

/** {@link sharpe} without argument checks (the caller has made them). */
export function sharpeOf(returns: ArrayLike<number>, periodsPerYear: number): number {
  const count = returns.length;
  if (count < 2) return 0;
  const mean = meanOf(returns);
  const deviation = sqrt(sumOfSquaredDeviations(returns, mean) / (count - 1));
  if (deviation === 0) return 0;
  return (mean / deviation) * sqrt(periodsPerYear);
}

/**
 * Annualised Sortino ratio with a zero target: `mean(r) × √periodsPerYear / √(Σ min(r, 0)² / k)`, k being the
 * number of ALL returns (not only the negative ones), as empyrical's `downside_risk` and c-reference.c.
 *
 * Edge cases: `null` when the downside deviation is 0 (no negative return, flat equity, or no returns at all):
 * the ratio is undefined there and JSON has no Infinity. With only negative returns it is negative and finite.
 *
 * @param returns - simple returns per bar, each finite.
 * @throws AetherError INVALID_ARGUMENT for a return that is not finite or a bad periodsPerYear.
 */
export function sortino(returns: ArrayLike<number>, periodsPerYear: number): number | null {
  const violations: FieldViolation[] = [];
  checkFinite(returns, 'returns', violations);
  checkPeriodsPerYear(periodsPerYear, violations);
  throwIfInvalid(violations, 'sortino');
  const count = returns.length;
  let sum = 0;
  let downside = 0;
  for (let i = 0; i < count; i++) {
    const value = returns[i];
    const loss = value < 0 ? value : 0;
    sum += value;
    downside += loss * loss;
  }
  if (downside === 0) return null;
  return (sum / count / sqrt(downside / count)) * sqrt(periodsPerYear);
}

/**
 * Calmar ratio: `annualReturn / |maxDrawdown|`, with the annual return of {@link annualReturn}
 * (`(equity[n − 1] / equity[0]) ^ (periodsPerYear / n) − 1`) over the whole curve, as empyrical's
 * `calmar_ratio` (which also uses the whole period rather than the last 36 months).
 *
 * Edge case: `null` when the maximum drawdown is 0 (equity never below a peak, flat equity, one point): the
 * ratio is undefined there. Negative when the curve loses money.
 *
 * @throws AetherError INVALID_ARGUMENT for bad equity or a bad periodsPerYear.
 */
export function calmar(equity: ArrayLike<number>, periodsPerYear: number): number | null {
  const violations: FieldViolation[] = [];
  checkEquity(equity, 'equity', violations);
  checkPeriodsPerYear(periodsPerYear, violations);
  throwIfInvalid(violations, 'calmar');
  const deepest = drawdownOf(equity).maxDrawdown;
  if (deepest === 0) return null;
  return annualReturnOf(equity, periodsPerYear) / abs(deepest);
}

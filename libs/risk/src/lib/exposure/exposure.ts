// How much of the time a strategy is in the market, and how much it trades.
import type { FieldViolation } from '@aetherquant/core';
import { checkFinite, checkPeriodsPerYear, throwIfInvalid } from '../input/check-input';

// Module constants: under Jest's sandbox every lookup of the global `Math` is slow.
const { abs } = Math;

/** {@link exposure} without argument checks (the caller has made them). */
export function exposureOf(positions: ArrayLike<number>): number | null {
  const count = positions.length;
  if (count === 0) return null;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += abs(positions[i]);
  return sum / count;
}

/**
 * Exposure and turnover of a target series in one pass, without argument checks: the positions are the
 * targets held one bar later (the exposure decided at the close of bar t is held over bar t+1), so exposure
 * averages |target[t]| over t < n − 1; turnover is {@link turnoverOf}.
 */
export function exposureAndTurnoverOf(
  targets: ArrayLike<number>,
  periodsPerYear: number,
): { exposure: number | null; turnover: number | null } {
  const count = targets.length;
  if (count === 0) return { exposure: null, turnover: null };
  let held = 0;
  let traded = 0;
  let previous = 0;
  for (let t = 0; t < count; t++) {
    const target = targets[t];
    traded += abs(target - previous);
    held += abs(previous); // held over bar t: the target of bar t − 1 (none before bar 0)
    previous = target;
  }
  return { exposure: count > 1 ? held / (count - 1) : null, turnover: (traded * periodsPerYear) / count };
}

/** {@link turnover} without argument checks (the caller has made them). */
export function turnoverOf(targets: ArrayLike<number>, periodsPerYear: number): number | null {
  const count = targets.length;
  if (count === 0) return null;
  let traded = 0;
  let previous = 0;
  for (let t = 0; t < count; t++) {
    const target = targets[t];
    traded += abs(target - previous);
    previous = target;
  }
  return (traded * periodsPerYear) / count;
}

/**
 * Exposure: the mean of |position| over the bars given, `Σ |position[t]| / n`. For positions of ±1 and 0 it is
 * the fraction of bars spent in the market, long or short; 0.5 long on every bar gives 0.5.
 * Edge case: `null` for no bars (undefined, not 0).
 *
 * @param positions - the position held on each bar as a fraction of equity (in [−1, 1] unlevered), each finite.
 * @throws AetherError INVALID_ARGUMENT for a position that is not finite.
 */
export function exposure(positions: ArrayLike<number>): number | null {
  const violations: FieldViolation[] = [];
  checkFinite(positions, 'positions', violations);
  throwIfInvalid(violations, 'exposure');
  return exposureOf(positions);
}

/**
 * Turnover: average one-way turnover per year as a multiple of equity,
 * `Σ_t |target[t] − target[t − 1]| × periodsPerYear / n` with `target[−1] = 0` (entering the first position
 * counts as trading), the same |Δ target| on which costs are charged (GUIDE §2). Going from flat to fully long
 * once over a year of daily bars gives 1; flipping from −1 to +1 counts 2.
 * Edge case: `null` for no bars (undefined, not 0).
 *
 * @param targets - target exposure per bar (a strategy's output, in [−1, 1]), each finite.
 * @param periodsPerYear - bars per year: 252 for daily bars.
 * @throws AetherError INVALID_ARGUMENT for a target that is not finite or a bad periodsPerYear.
 */
export function turnover(targets: ArrayLike<number>, periodsPerYear: number): number | null {
  const violations: FieldViolation[] = [];
  checkFinite(targets, 'targets', violations);
  checkPeriodsPerYear(periodsPerYear, violations);
  throwIfInvalid(violations, 'turnover');
  return turnoverOf(targets, periodsPerYear);
}

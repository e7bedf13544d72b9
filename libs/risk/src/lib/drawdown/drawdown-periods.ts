// The drawdown curve and the underwater periods behind it: when each fall began, bottomed out and recovered.
import type { FieldViolation } from '@aetherquant/core';
import { checkEquity, throwIfInvalid } from '../input/check-input';

/**
 * Drawdown at every bar: `equity[t] / max(equity[0..t]) − 1`, the curve whose minimum is {@link maxDrawdown}.
 *
 * @throws AetherError INVALID_ARGUMENT when equity is empty or holds a point that is not finite and above 0.
 */
export function drawdownCurve(equity: ArrayLike<number>): Float64Array {
  const violations: FieldViolation[] = [];
  checkEquity(equity, 'equity', violations);
  throwIfInvalid(violations, 'drawdownCurve');
  return drawdownCurveOf(equity);
}

/** {@link drawdownCurve} without argument checks (the caller has made them). */
export function drawdownCurveOf(equity: ArrayLike<number>): Float64Array {
  const drawdown = new Float64Array(equity.length);
  let peak = -Infinity;
  for (let t = 0; t < equity.length; t++) {
    const value = equity[t];
    if (value > peak) peak = value;
    drawdown[t] = value / peak - 1;
  }
  return drawdown;
}

/** One underwater period: from a peak, through the trough, until equity is back at the peak. */
export interface DrawdownPeriod {
  /** Index of the peak the fall started from (the last bar at the high-water mark). */
  peak: number;
  /** Index of the lowest point (the first one, if the low repeats). */
  trough: number;
  /** Index of the first bar back at or above the peak; null while still under water at the last bar. */
  recovery: number | null;
  /** `equity[trough] / equity[peak] − 1`: below 0. */
  depth: number;
}

/**
 * The underwater periods of an equity curve, deepest first (ties: earliest first), at most `limit` of them, as
 * quantstats' drawdown details: a period opens on the first bar below the running peak and closes on the first
 * bar back at or above it (a bar level with the peak has recovered). Unlike {@link maxDrawdownDuration}, which
 * counts bars below the peak as c-reference.c does, a period here is bounded by dates a reader can look up.
 *
 * @param limit - the most periods to return, an integer of at least 1 (Infinity for all).
 * @throws AetherError INVALID_ARGUMENT for bad equity or a bad limit.
 */
export function drawdownPeriods(equity: ArrayLike<number>, limit = Infinity): DrawdownPeriod[] {
  const violations: FieldViolation[] = [];
  checkEquity(equity, 'equity', violations);
  if (!(limit === Infinity || (Number.isInteger(limit) && limit >= 1))) {
    violations.push({ field: 'limit', rule: `must be an integer of at least 1 (got ${String(limit)})` });
  }
  throwIfInvalid(violations, 'drawdownPeriods');

  const periods: DrawdownPeriod[] = [];
  let peak = 0;
  let open: DrawdownPeriod | null = null;
  for (let t = 1; t < equity.length; t++) {
    const value = equity[t];
    const high = equity[peak];
    if (value >= high) {
      if (open !== null) {
        open.recovery = t;
        periods.push(open);
        open = null;
      }
      peak = t;
    } else if (open === null) {
      open = { peak, trough: t, recovery: null, depth: value / high - 1 };
    } else if (value < equity[open.trough]) {
      open.trough = t;
      open.depth = value / high - 1;
    }
  }
  if (open !== null) periods.push(open);
  periods.sort((a, b) => a.depth - b.depth || a.peak - b.peak);
  return periods.length > limit ? periods.slice(0, limit) : periods;
}

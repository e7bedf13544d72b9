// Drawdown: how far, and for how long, an equity curve sits below its running peak.
import type { FieldViolation } from '@aetherquant/core';
import { checkEquity, throwIfInvalid } from '../input/check-input';

/** Depth and longest duration of the drawdowns of one equity curve. */
export interface Drawdown {
  /** `min_t equity[t] / max(equity[0..t]) − 1`: 0 or below. */
  maxDrawdown: number;
  /** The longest run of bars strictly below the running peak, counted as c-reference.c does. */
  maxDrawdownDuration: number;
}

/**
 * Both drawdown figures in one pass, without argument checks (the caller has made them).
 *
 * The run counter follows c-reference.c exactly: a bar strictly above the running peak sets a new peak and
 * resets the run to 0; a bar strictly below it extends the run by one; a bar EQUAL to the peak neither resets nor
 * extends the run (so 100, 90, 100, 90 counts a run of 2, not 1).
 */
export function drawdownOf(equity: ArrayLike<number>): Drawdown {
  const n = equity.length;
  let peak = equity[0];
  let deepest = 0;
  let run = 0;
  let longest = 0;
  for (let t = 1; t < n; t++) {
    const value = equity[t];
    if (value > peak) {
      peak = value;
      run = 0;
    } else if (value < peak) {
      run++;
      if (run > longest) longest = run;
      // Only a bar below the peak can deepen the drawdown: at or above it, equity / peak − 1 is 0.
      const drawdown = value / peak - 1;
      if (drawdown < deepest) deepest = drawdown;
    }
  }
  return { maxDrawdown: deepest, maxDrawdownDuration: longest };
}

/**
 * Maximum drawdown: `min over t of equity[t] / max(equity[0..t]) − 1`, as empyrical's `max_drawdown` and
 * c-reference.c. It is 0 or negative (−0.25 is a 25% fall from a peak); 0 when equity never falls below a
 * previous peak, which includes flat equity and a single point.
 *
 * @throws AetherError INVALID_ARGUMENT when equity is empty or holds a point that is not finite and above 0.
 */
export function maxDrawdown(equity: ArrayLike<number>): number {
  const violations: FieldViolation[] = [];
  checkEquity(equity, 'equity', violations);
  throwIfInvalid(violations, 'maxDrawdown');
  return drawdownOf(equity).maxDrawdown;
}

/**
 * Longest drawdown in bars: the longest run of consecutive bars strictly below the running peak, exactly as
 * c-reference.c counts it. A bar above the peak ends the run; a bar equal to the peak neither ends nor extends
 * it (100, 90, 100, 90, 101 gives 2). Equity that never falls below its peak, or a single point, gives 0; equity
 * that only falls gives n − 1.
 *
 * @throws AetherError INVALID_ARGUMENT when equity is empty or holds a point that is not finite and above 0.
 */
export function maxDrawdownDuration(equity: ArrayLike<number>): number {
  const violations: FieldViolation[] = [];
  checkEquity(equity, 'equity', violations);
  throwIfInvalid(violations, 'maxDrawdownDuration');
  return drawdownOf(equity).maxDrawdownDuration;
}

import { rollingMax, rollingMin } from '@aetherquant/indicators';

/** A module constant: under Jest a global such as `NaN` is a slow lookup through the sandbox. */
const NOT_DEFINED = Number.NaN;

/**
 * For each bar t, the highest of `values[t − window .. t − 1]`: the `window` values BEFORE t, bar t itself
 * excluded (a Donchian channel a breakout is measured against). NaN while fewer than `window` values
 * precede t (t < window).
 *
 * `rollingMax` of @aetherquant/indicators (the window ending AT t, by a monotonic deque, O(n)) moved one bar
 * later in place: the maximum of the window ending at t − 1. Only comparisons, so the values are the exact
 * highs the old deque of this file returned.
 */
export function trailingMax(values: Float64Array, window: number, out?: Float64Array): Float64Array {
  return shiftOneBar(rollingMax(values, window, out));
}

/** As {@link trailingMax}, the lowest of the `window` values before each bar. */
export function trailingMin(values: Float64Array, window: number, out?: Float64Array): Float64Array {
  return shiftOneBar(rollingMin(values, window, out));
}

/** `column[t] = column[t − 1]`, NaN at bar 0, in place. */
function shiftOneBar(column: Float64Array): Float64Array {
  if (column.length === 0) return column;
  column.copyWithin(1, 0, column.length - 1);
  column[0] = NOT_DEFINED;
  return column;
}

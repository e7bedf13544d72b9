import { outputColumn, requirePeriod } from '../validation/validation';

const NOT_DEFINED = Number.NaN;

/**
 * The highest of the last `period` values, bar t included (`max(values[t − period + 1 … t])`): the upper
 * Donchian channel of highs, the highest high of the stochastic oscillator.
 *
 * Warm-up: `period − 1` leading NaN (see {@link rollingExtremeWarmup}). O(n) with a monotonic deque
 * (indices whose values decrease from front to back, so the front is the window's maximum) in an
 * `Int32Array` ring allocated once per call. Exact: it only compares, so results equal a brute-force scan.
 *
 * @param values - the column (highs, typically)
 * @param period - bars in the window, an integer ≥ 1
 * @param out - where to write, one slot per bar; a new array when left out
 */
export function rollingMax(values: ArrayLike<number>, period: number, out?: Float64Array): Float64Array {
  requirePeriod('rollingMax', 'period', period);
  const result = outputColumn('rollingMax', 'out', values.length, out);
  rollingExtreme(values, period, 1, result);
  return result;
}

/** As {@link rollingMax}, the lowest of the last `period` values, bar t included. */
export function rollingMin(values: ArrayLike<number>, period: number, out?: Float64Array): Float64Array {
  requirePeriod('rollingMin', 'period', period);
  const result = outputColumn('rollingMin', 'out', values.length, out);
  rollingExtreme(values, period, -1, result);
  return result;
}

/** Leading NaN bars of {@link rollingMax} and {@link rollingMin}: `period − 1`. */
export function rollingExtremeWarmup(period: number): number {
  requirePeriod('rollingMax', 'period', period);
  return period - 1;
}

/**
 * The deque behind {@link rollingMax} (`direction` 1) and {@link rollingMin} (−1): comparing
 * `direction × value` turns the minimum into a maximum without a second copy of the loop. Multiplying by
 * ±1 is exact, and the value written is read back from `values`, so no rounding enters.
 */
export function rollingExtreme(
  values: ArrayLike<number>,
  period: number,
  direction: 1 | -1,
  out: Float64Array,
): void {
  const n = values.length;
  // After a push and before the expired front leaves, the deque may hold period + 1 indices.
  const capacity = period + 1;
  const deque = new Int32Array(capacity);
  let head = 0;
  let size = 0;
  for (let t = 0; t < n; t++) {
    const value = direction * (values[t] as number);
    // Values no better than the newcomer can never be the extreme again.
    while (size > 0) {
      let back = head + size - 1;
      if (back >= capacity) back -= capacity;
      if (direction * (values[deque[back] as number] as number) <= value) size--;
      else break;
    }
    let tail = head + size;
    if (tail >= capacity) tail -= capacity;
    deque[tail] = t;
    size++;
    while ((deque[head] as number) <= t - period) {
      head++;
      if (head === capacity) head = 0;
      size--;
    }
    out[t] = t >= period - 1 ? (values[deque[head] as number] as number) : NOT_DEFINED;
  }
}

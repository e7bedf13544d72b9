/** A module constant: under Jest a global such as `NaN` is a slow lookup through the sandbox. */
const NOT_DEFINED = Number.NaN;

/**
 * For each bar t, the highest of `values[t − window .. t − 1]`: the `window` values BEFORE t, bar t itself
 * excluded (a Donchian channel a breakout is measured against). NaN while fewer than `window` values
 * precede t (t < window).
 *
 * O(n) with a monotonic deque (indices whose values decrease from front to back, so the front is the
 * window's maximum), kept in an `Int32Array` ring buffer allocated once per call: no allocation per bar.
 */
export function trailingMax(values: Float64Array, window: number, out?: Float64Array): Float64Array {
  const n = values.length;
  const result = out ?? new Float64Array(n);
  // Right after a push and before the expired front leaves, the deque may hold window + 1 indices.
  const capacity = window + 1;
  const deque = new Int32Array(capacity);
  let head = 0;
  let size = 0;
  for (let t = 0; t < n; t++) {
    if (t > 0) {
      const index = t - 1;
      const value = values[index];
      // Values no larger than the newcomer can never be the maximum again.
      while (size > 0) {
        let back = head + size - 1;
        if (back >= capacity) back -= capacity;
        if (values[deque[back]] <= value) size--;
        else break;
      }
      let tail = head + size;
      if (tail >= capacity) tail -= capacity;
      deque[tail] = index;
      size++;
      while (deque[head] < t - window) {
        head++;
        if (head === capacity) head = 0;
        size--;
      }
    }
    result[t] = t >= window ? values[deque[head]] : NOT_DEFINED;
  }
  return result;
}

/** As {@link trailingMax}, the lowest of the `window` values before each bar. */
export function trailingMin(values: Float64Array, window: number, out?: Float64Array): Float64Array {
  const n = values.length;
  const result = out ?? new Float64Array(n);
  const capacity = window + 1;
  const deque = new Int32Array(capacity);
  let head = 0;
  let size = 0;
  for (let t = 0; t < n; t++) {
    if (t > 0) {
      const index = t - 1;
      const value = values[index];
      while (size > 0) {
        let back = head + size - 1;
        if (back >= capacity) back -= capacity;
        if (values[deque[back]] >= value) size--;
        else break;
      }
      let tail = head + size;
      if (tail >= capacity) tail -= capacity;
      deque[tail] = index;
      size++;
      while (deque[head] < t - window) {
        head++;
        if (head === capacity) head = 0;
        size--;
      }
    }
    result[t] = t >= window ? values[deque[head]] : NOT_DEFINED;
  }
  return result;
}

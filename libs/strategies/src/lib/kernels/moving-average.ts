/** A module constant: under Jest a global such as `NaN` is a slow lookup through the sandbox. */
const NOT_DEFINED = Number.NaN;

/**
 * Simple moving average of `values` over `window`, NaN until the window is full (indices < window − 1).
 * O(n) with one running sum, exactly as ma-cross computes it (`s += v[i]; if (i ≥ w) s −= v[i − w];
 * sma = s / w`), so averages from here compare bit for bit with the ones ma-cross compares.
 *
 * A plain running sum rather than Kahan summation or a periodic re-sum: its rounding error grows with the
 * number of bars, but relative to prices it stays near 1e-16 × n (1e-10 after a million bars), far below a
 * tick, and the backtest goldens are computed with the same plain sum.
 *
 * Not `sma` of @aetherquant/indicators on purpose: that one keeps its sum with Neumaier's compensation, so
 * its averages differ from these by an ulp here and there, and where ma-cross's fast and slow averages
 * are equal (flat stretches, whole-tick prices) an ulp decides between targets −1, 0 and +1. This kernel
 * stays the reference that ma-cross's targets are checked against bit for bit.
 */
export function simpleMovingAverage(values: Float64Array, window: number, out?: Float64Array): Float64Array {
  const n = values.length;
  const average = out ?? new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += values[i];
    if (i >= window) sum -= values[i - window];
    average[i] = i >= window - 1 ? sum / window : NOT_DEFINED;
  }
  return average;
}

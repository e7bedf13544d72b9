// The KKT conditions of a box-and-budget QP, checked from the outside (no solver internals): what makes the
// optimality of a mean-variance or min-variance result a fact rather than an assumption.

export interface KktReport {
  /** |Σw − 1|. */
  budget: number;
  /** The largest violation of lower ≤ w ≤ upper (0 when within). */
  bounds: number;
  /** Stationarity on the free assets, max |gᵢ − ν|, over the gradient's scale. */
  stationarity: number;
  /** Multipliers of the wrong sign on assets at a bound, the largest, over the gradient's scale. */
  sign: number;
}

/**
 * For `min ½w'Hw − c'w  s.t.  Σw = 1, lower ≤ w ≤ upper` at w: the gradient g = Hw − c; assets within 1e-10 of a
 * bound are at it, the rest free. The budget multiplier ν is the mean of g over the free assets; then free assets
 * need gᵢ = ν, those at the lower bound gᵢ − ν ≥ 0, at the upper bound gᵢ − ν ≤ 0. With no free asset (a vertex),
 * ν may be anything in [max over upper-bound gᵢ, min over lower-bound gᵢ]: the sign violation is that interval's
 * emptiness. Residuals are relative to the gradient's scale, max over i of |cᵢ| + Σⱼ|Hᵢⱼwⱼ|.
 */
export function kktReport(
  hessian: Float64Array,
  linear: Float64Array,
  weights: Float64Array,
  lower: number,
  upper: number,
): KktReport {
  const n = weights.length;
  const gradient = new Float64Array(n);
  let scale = 0;
  for (let i = 0; i < n; i++) {
    let product = 0;
    let magnitude = Math.abs(linear[i] as number);
    for (let j = 0; j < n; j++) {
      const term = (hessian[i * n + j] as number) * (weights[j] as number);
      product += term;
      magnitude += Math.abs(term);
    }
    gradient[i] = product - (linear[i] as number);
    scale = Math.max(scale, magnitude);
  }
  const state = Array.from(weights, (w) =>
    w - lower <= 1e-10 ? 'lower' : upper - w <= 1e-10 ? 'upper' : 'free',
  );
  const free = state.flatMap((s, i) => (s === 'free' ? [gradient[i] as number] : []));
  const atLower = state.flatMap((s, i) => (s === 'lower' ? [gradient[i] as number] : []));
  const atUpper = state.flatMap((s, i) => (s === 'upper' ? [gradient[i] as number] : []));
  let stationarity = 0;
  let sign = 0;
  if (free.length > 0) {
    const nu = free.reduce((total, g) => total + g, 0) / free.length;
    stationarity = Math.max(...free.map((g) => Math.abs(g - nu)));
    sign = Math.max(0, ...atLower.map((g) => nu - g), ...atUpper.map((g) => g - nu));
  } else {
    sign = Math.max(0, Math.max(...atUpper, -Infinity) - Math.min(...atLower, Infinity));
  }
  const sum = weights.reduce((total, w) => total + w, 0);
  const bounds = Math.max(0, ...Array.from(weights, (w) => Math.max(lower - w, w - upper)));
  return { budget: Math.abs(sum - 1), bounds, stationarity: stationarity / scale, sign: sign / scale };
}

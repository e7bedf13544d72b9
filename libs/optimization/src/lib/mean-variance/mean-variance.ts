// Mean-variance and minimum-variance portfolios: one convex QP each, solved to optimality by the active-set
// solver from a vertex of the feasible set.
import {
  AT_LOWER,
  AT_UPPER,
  FREE,
  solveQuadraticProgram,
  type QuadraticProgram,
} from '../quadratic-program/active-set';

/**
 * The covariance divided by its mean variance (trace / n), and that divisor. The optimisers work on this scaled
 * matrix so that their tolerances are relative: scaling the inputs by any k > 0 scales the divisor by k and leaves
 * the scaled problem, hence the weights, unchanged.
 */
export function scaledCovariance(
  covariance: Float64Array,
  n: number,
): { sigma: Float64Array; scale: number } {
  let trace = 0;
  for (let i = 0; i < n; i++) trace += covariance[i * n + i];
  const scale = trace / n;
  const sigma = new Float64Array(n * n);
  for (let index = 0; index < n * n; index++) sigma[index] = covariance[index] / scale;
  return { sigma, scale };
}

/** The budget row 1' (one equality, right-hand side 1). */
export function budgetRow(n: number): { equalityRows: Float64Array; equalityRhs: Float64Array } {
  return { equalityRows: new Float64Array(n).fill(1), equalityRhs: Float64Array.of(1) };
}

/** Asset indices sorted by `key` descending, ties by index (a stable, deterministic order). */
export function orderByDescending(key: Float64Array, n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => key[b] - key[a] || a - b);
}

/**
 * A vertex of {lower ≤ x ≤ upper, Σx = 1}: every asset at its lower bound, then the assets raised to their upper
 * bounds in `order` until the budget is spent, the last one partly. That is the solution of the LP max k'x when
 * `order` sorts k descending (the greedy fill is optimal for one budget row over a box). The partly filled asset
 * is left free (the others are held at their bounds), which makes it a valid start for the active-set solver.
 */
export function fillVertex(
  lower: Float64Array,
  upper: Float64Array,
  n: number,
  order: Int32Array,
): { x: Float64Array; bounds: Int8Array; partial: number } {
  const x = Float64Array.from(lower);
  const bounds = new Int8Array(n).fill(AT_LOWER);
  let remaining = 1;
  for (let i = 0; i < n; i++) remaining -= lower[i];
  let partial = -1;
  let lastFilled = -1;
  for (let position = 0; position < n; position++) {
    const i = order[position];
    const room = upper[i] - lower[i];
    if (room === 0) continue;
    if (remaining >= room) {
      x[i] = upper[i];
      bounds[i] = AT_UPPER;
      remaining -= room;
      lastFilled = i;
    } else {
      x[i] = lower[i] + (remaining > 0 ? remaining : 0);
      bounds[i] = FREE;
      partial = i;
      break;
    }
  }
  if (partial < 0) {
    // Spent exactly on filled assets: the last of them stays free (at its upper bound).
    partial = lastFilled;
    bounds[partial] = FREE;
  }
  return { x, bounds, partial };
}

/**
 * The mean-variance optimum: maximise `μ'w − λ·w'Σw` subject to `Σw = 1`, `lower ≤ w ≤ upper`, i.e. the convex QP
 * `min ½w'(2λΣ)w − μ'w`, solved exactly by {@link solveQuadraticProgram} (primal active set; terminates when every
 * bound held has a multiplier of the right sign, the KKT conditions). Both μ and Σ are divided by Σ's mean variance
 * first, so the result is invariant to their common scale (daily or annualised moments give the same weights).
 *
 * The start is the LP vertex maximising μ'w (the λ → 0 optimum); the optimum usually holds few assets long-only,
 * so the solver only frees the few it needs.
 */
export function meanVarianceWeights(
  mean: Float64Array,
  covariance: Float64Array,
  n: number,
  lower: Float64Array,
  upper: Float64Array,
  riskAversion: number,
): Float64Array {
  const { sigma, scale } = scaledCovariance(covariance, n);
  const factor = 2 * riskAversion;
  for (let index = 0; index < n * n; index++) sigma[index] *= factor;
  const linear = new Float64Array(n);
  for (let i = 0; i < n; i++) linear[i] = mean[i] / scale;
  const { x, bounds } = fillVertex(lower, upper, n, orderByDescending(mean, n));
  const problem: QuadraticProgram = { size: n, hessian: sigma, linear, lower, upper, ...budgetRow(n) };
  return solveQuadraticProgram(problem, x, bounds).x;
}

/**
 * The minimum-variance portfolio: `min w'Σw` subject to `Σw = 1`, `lower ≤ w ≤ upper` — the mean-variance QP with
 * μ = 0, solved the same way, from the vertex that fills the lowest-variance assets first.
 */
export function minVarianceWeights(
  covariance: Float64Array,
  n: number,
  lower: Float64Array,
  upper: Float64Array,
): Float64Array {
  const { sigma } = scaledCovariance(covariance, n);
  const negativeVariance = new Float64Array(n);
  for (let i = 0; i < n; i++) negativeVariance[i] = -sigma[i * n + i];
  const { x, bounds } = fillVertex(lower, upper, n, orderByDescending(negativeVariance, n));
  const problem: QuadraticProgram = {
    size: n,
    hessian: sigma,
    linear: new Float64Array(n),
    lower,
    upper,
    ...budgetRow(n),
  };
  return solveQuadraticProgram(problem, x, bounds).x;
}

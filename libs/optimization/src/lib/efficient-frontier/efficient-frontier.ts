// The efficient frontier: minimum-variance portfolios for evenly spaced target returns, from the
// minimum-variance portfolio's return to the highest feasible return.
import {
  AT_LOWER,
  AT_UPPER,
  solveQuadraticProgram,
  type QuadraticProgram,
} from '../quadratic-program/active-set';
import {
  budgetRow,
  fillVertex,
  minVarianceWeights,
  orderByDescending,
  scaledCovariance,
} from '../mean-variance/mean-variance';

const { abs, max } = Math;

/**
 * `points` portfolios on the efficient frontier under `Σw = 1`, `lower ≤ w ≤ upper`, by target return.
 *
 * - The first is the minimum-variance portfolio (return r₀), exactly {@link minVarianceWeights}.
 * - The last has the highest feasible return r₁, the LP `max μ'w` over the box and the budget, solved by the
 *   greedy fill of {@link fillVertex}. When several assets tie at the fill's threshold mean, every split between
 *   them earns r₁: the last point is then the minimum-variance one among them (the QP with the other assets held
 *   where the fill put them).
 * - Point k in between is `min w'Σw` subject to the budget, the bounds and `μ'w = r₀ + k/(points − 1)·(r₁ − r₀)`
 *   (a second equality row, written as `((μ − r₀)/(r₁ − r₀))'w = k/(points − 1)` to keep the rows well scaled),
 *   solved by the active-set solver from the feasible mix of the two ends.
 *
 * Along it the return rises by equal steps and the volatility does not fall (the frontier is convex above the
 * minimum-variance point). When r₁ − r₀ is negligible (≤ 10⁻¹² of the largest |μ|: the minimum-variance portfolio
 * already has the highest return, e.g. equal means), every point is the minimum-variance portfolio.
 */
export function efficientFrontierWeights(
  mean: Float64Array,
  covariance: Float64Array,
  n: number,
  lower: Float64Array,
  upper: Float64Array,
  points: number,
): Float64Array[] {
  const lowest = minVarianceWeights(covariance, n, lower, upper);
  const lowestReturn = dot(mean, lowest, n);
  const highest = maxReturnWeights(mean, covariance, n, lower, upper);
  const highestReturn = dot(mean, highest, n);
  let largestMean = 0;
  for (let i = 0; i < n; i++) largestMean = max(largestMean, abs(mean[i]));
  const spread = highestReturn - lowestReturn;
  if (!(spread > 1e-12 * largestMean)) return Array.from({ length: points }, () => Float64Array.from(lowest));

  const { sigma } = scaledCovariance(covariance, n);
  const { equalityRows: ones } = budgetRow(n);
  const equalityRows = new Float64Array(2 * n);
  equalityRows.set(ones);
  for (let i = 0; i < n; i++) equalityRows[n + i] = (mean[i] - lowestReturn) / spread;
  const linear = new Float64Array(n);
  const frontier: Float64Array[] = [Float64Array.from(lowest)];
  const start = new Float64Array(n);
  // Assets at the same bound at both ends stay there along the mix: hold them from the start (fewer free
  // variables, fewer iterations), provided the free ones keep the two rows independent (two distinct means).
  const startBounds = new Int8Array(n);
  let firstFreeMean = Number.NaN;
  let independent = false;
  for (let i = 0; i < n; i++) {
    if (lowest[i] === lower[i] && highest[i] === lower[i]) startBounds[i] = AT_LOWER;
    else if (lowest[i] === upper[i] && highest[i] === upper[i]) startBounds[i] = AT_UPPER;
    else if (firstFreeMean !== firstFreeMean) firstFreeMean = mean[i];
    else if (mean[i] !== firstFreeMean) independent = true;
  }
  for (let k = 1; k < points - 1; k++) {
    const fraction = k / (points - 1);
    for (let i = 0; i < n; i++) start[i] = (1 - fraction) * lowest[i] + fraction * highest[i];
    const problem: QuadraticProgram = {
      size: n,
      hessian: sigma,
      linear,
      lower,
      upper,
      equalityRows,
      equalityRhs: Float64Array.of(1, fraction),
    };
    frontier.push(solveQuadraticProgram(problem, start, independent ? startBounds : undefined).x);
  }
  frontier.push(highest);
  return frontier;
}

/**
 * The highest-return portfolio (the LP over the box and the budget), and among ties the one of least variance.
 */
export function maxReturnWeights(
  mean: Float64Array,
  covariance: Float64Array,
  n: number,
  lower: Float64Array,
  upper: Float64Array,
): Float64Array {
  const { x, bounds, partial } = fillVertex(lower, upper, n, orderByDescending(mean, n));
  let largestMean = 0;
  for (let i = 0; i < n; i++) largestMean = max(largestMean, abs(mean[i]));
  const threshold = mean[partial];
  const tolerance = 1e-12 * largestMean;
  // The face of the LP optimum: assets off the threshold mean are held where the fill put them.
  const faceLower = new Float64Array(n);
  const faceUpper = new Float64Array(n);
  let ties = 0;
  for (let i = 0; i < n; i++) {
    if (abs(mean[i] - threshold) <= tolerance) {
      faceLower[i] = lower[i];
      faceUpper[i] = upper[i];
      ties++;
    } else {
      faceLower[i] = x[i];
      faceUpper[i] = x[i];
    }
  }
  if (ties === 1) return x;
  const { sigma } = scaledCovariance(covariance, n);
  const problem: QuadraticProgram = {
    size: n,
    hessian: sigma,
    linear: new Float64Array(n),
    lower: faceLower,
    upper: faceUpper,
    ...budgetRow(n),
  };
  return solveQuadraticProgram(problem, x, bounds).x;
}

function dot(a: Float64Array, b: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += a[i] * b[i];
  return sum;
}

// The maximum-Sharpe (tangency) portfolio under the budget and per-asset bounds, as one convex QP.
import { AetherError } from '@aetherquant/core';
import { solveQuadraticProgram, type QuadraticProgram } from '../quadratic-program/active-set';
import { fillVertex, orderByDescending, scaledCovariance } from '../mean-variance/mean-variance';

/**
 * Maximises the Sharpe ratio `(μ'w − r_f) / √(w'Σw)` subject to `Σw = 1` and `[0, maxWeight]` bounds (or
 * `[−maxWeight, maxWeight]` with `allowShort`), exactly, by the transformation of Cornuéjols & Tütüncü,
 * *Optimization Methods in Finance* (2007), §8.2: with excess returns e = μ − r_f and y = κw (κ = Σy > 0),
 *
 *   `min y'Σy  s.t.  e'y = 1,  lᵢ·Σy ≤ yᵢ ≤ uᵢ·Σy`,
 *
 * a strictly convex QP (the bounds scale with κ, so they are homogeneous rows `yᵢ − uᵢ·1'y ≤ 0`, and `yᵢ ≥ 0`
 * long-only; the rows are dropped where implied: long-only with maxWeight ≥ 1 keeps only y ≥ 0). Its solution
 * gives the tangency portfolio `w = y / Σy`. It is solved by the same active-set solver, from the feasible point
 * `y₀ = w₊ / e'w₊`, w₊ the LP vertex of greatest excess return.
 *
 * @param riskFreePerPeriod - the risk-free return per period (the annual rate / periods per year).
 * @throws AetherError INFEASIBLE when no feasible portfolio earns more than the risk-free rate (e'w₊ ≤ 0), for
 *   example when no asset does, long-only: the Sharpe ratio then has no positive maximum.
 */
export function maxSharpeWeights(
  mean: Float64Array,
  covariance: Float64Array,
  n: number,
  lower: Float64Array,
  upper: Float64Array,
  riskFreePerPeriod: number,
  maxWeight: number,
  allowShort: boolean,
): Float64Array {
  const excess = new Float64Array(n);
  for (let i = 0; i < n; i++) excess[i] = mean[i] - riskFreePerPeriod;
  const { x: best } = fillVertex(lower, upper, n, orderByDescending(excess, n));
  let bestExcess = 0;
  for (let i = 0; i < n; i++) bestExcess += excess[i] * best[i];
  if (!(bestExcess > 0)) {
    throw new AetherError(
      'INFEASIBLE',
      'max-sharpe needs a feasible portfolio expecting more than the risk-free rate, and none does ' +
        `(the best expects ${(bestExcess >= 0 ? '+' : '') + bestExcess.toPrecision(4)} per period over it)`,
      { field: 'risk_free_rate' },
    );
  }
  // Scale e so that the start y₀ = w₊ meets e'y = 1 exactly; w = y/Σy does not depend on that scale.
  const equalityRows = new Float64Array(n);
  for (let i = 0; i < n; i++) equalityRows[i] = excess[i] / bestExcess;

  const rowCount = allowShort ? 2 * n : maxWeight < 1 ? n : 0;
  const inequalityRows = new Float64Array(rowCount * n);
  for (let r = 0; r < rowCount; r++) {
    const asset = r % n;
    const sign = r < n ? 1 : -1; // yᵢ − m·1'y ≤ 0, then −yᵢ − m·1'y ≤ 0
    const offset = r * n;
    for (let j = 0; j < n; j++) inequalityRows[offset + j] = -maxWeight;
    inequalityRows[offset + asset] += sign;
  }
  const problem: QuadraticProgram = {
    size: n,
    hessian: scaledCovariance(covariance, n).sigma,
    linear: new Float64Array(n),
    lower: new Float64Array(n).fill(allowShort ? -Infinity : 0),
    upper: new Float64Array(n).fill(Infinity),
    equalityRows,
    equalityRhs: Float64Array.of(1),
    inequalityRows,
    inequalityRhs: new Float64Array(rowCount),
  };
  const y = solveQuadraticProgram(problem, best).x;
  let total = 0;
  for (let i = 0; i < n; i++) total += y[i];
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = y[i] / total;
  return weights;
}

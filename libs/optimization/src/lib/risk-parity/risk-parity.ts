// Risk parity (equal risk contributions, or contributions in given budgets), solved exactly by Newton's
// method on a strictly convex problem, with the closest feasible budget when a weight cap binds.
import { AetherError } from '@aetherquant/core';
import { choleskyInPlace, choleskySolveInPlace } from '../linear-algebra/cholesky';

const { abs, exp, log, max, min, sqrt } = Math;

/** Newton stops once every risk contribution is within this of its budget, relative to the largest budget. */
export const RISK_PARITY_TOLERANCE = 1e-12;
const MAX_NEWTON_STEPS = 200;

/**
 * Long-only risk parity: weights w ≥ 0, Σw = 1, with risk contributions `wᵢ(Σw)ᵢ / w'Σw = bᵢ`.
 *
 * Uncapped: Newton's method with backtracking on the strictly convex `f(y) = ½y'Σy − Σ bᵢ log yᵢ` over y > 0
 * (Spinu 2013, "An algorithm for computing risk parity weights"; Roncalli, *Introduction to Risk Parity and
 * Budgeting*, 2013, §2.3). Its unique minimiser has `yᵢ(Σy)ᵢ = bᵢ`, so `w = y / Σy` has contributions exactly b.
 * Newton stops when `max |yᵢ(Σy)ᵢ − bᵢ| ≤ 10⁻¹² · max b` (at the optimum y'Σy = Σb = 1, so that is the gap of the
 * risk contributions), or when a step no longer shrinks that gap (round-off, near 10⁻¹⁵).
 *
 * With a cap c = maxWeight that the solution above breaks, no feasible portfolio has contributions b; the closest
 * feasible budget is taken to be the one of the convex problem `min ½w'Σw − κ Σ bᵢ log wᵢ` over 0 < w ≤ c, whose
 * KKT conditions say exactly: an asset below the cap contributes in proportion to its budget
 * (`wᵢ(Σw)ᵢ = κbᵢ`), an asset at the cap no more than that (`wᵢ(Σw)ᵢ ≤ κbᵢ`: it would take more weight if it
 * could), with κ chosen so that the weights sum to 1. For a given κ it is solved by an active set over the caps —
 * Newton as above on the uncapped assets (the capped ones entering through `c·Σ_RC 1`), then the uncapped assets
 * above c join the capped set, or else the capped asset whose KKT multiplier `κbᵢ/c − (Σw)ᵢ` is most negative
 * leaves it, until neither happens; and κ by Newton's method on `log Σw(κ) = 0` in log κ (the derivative
 * `κ·1'H⁻¹(b/w) / Σw` from the Newton Hessian on the uncapped assets), safeguarded by bisection, to 10⁻¹⁴.
 * When n·c = 1 every asset sits at the cap.
 *
 * @param covariance - n×n row-major, positive definite.
 * @param budgets - n positive budgets summing to 1.
 * @param maxWeight - the cap, with n·maxWeight ≥ 1 (checked by the caller).
 */
export function riskParityWeights(
  covariance: Float64Array,
  n: number,
  budgets: Float64Array,
  maxWeight: number,
): Float64Array {
  // Scale Σ to a mean variance of 1: the weights do not change, the tolerances become absolute.
  let trace = 0;
  for (let i = 0; i < n; i++) trace += covariance[i * n + i];
  const scale = n / trace;
  const sigma = new Float64Array(n * n);
  for (let index = 0; index < n * n; index++) sigma[index] = covariance[index] * scale;

  const solver = new BarrierNewton(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = sqrt(budgets[i] / sigma[i * n + i]);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  solver.solve(sigma, n, all, n, new Float64Array(n), budgets, y, 1);
  const weights = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) total += y[i];
  let above = false;
  for (let i = 0; i < n; i++) {
    weights[i] = y[i] / total;
    if (weights[i] > maxWeight * (1 + CAP_TOLERANCE)) above = true;
  }
  if (!above) return weights;
  if (n * maxWeight <= 1 + CAP_TOLERANCE) return weights.fill(maxWeight);
  return cappedRiskBudget(sigma, n, budgets, maxWeight, weights, solver);
}

/** A weight within this fraction above the cap is at the cap (round-off). */
const CAP_TOLERANCE = 1e-12;

/** The capped problem of {@link riskParityWeights}, from the uncapped weights `start`. */
function cappedRiskBudget(
  sigma: Float64Array,
  n: number,
  budgets: Float64Array,
  cap: number,
  start: Float64Array,
  solver: BarrierNewton,
): Float64Array {
  const weights = Float64Array.from(start);
  const capped = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (weights[i] > cap) {
      capped[i] = 1;
      weights[i] = cap;
    }
  }
  const work = { free: new Int32Array(n), x: new Float64Array(n), linear: new Float64Array(n), f: 0 };
  // Start κ where the current weights balance best on the uncapped assets: Σ wᵢ(Σw)ᵢ / Σ bᵢ.
  let numerator = 0;
  let budgetSum = 0;
  for (let i = 0; i < n; i++) {
    if (capped[i] === 1) continue;
    const row = i * n;
    let product = 0;
    for (let j = 0; j < n; j++) product += sigma[row + j] * weights[j];
    numerator += weights[i] * product;
    budgetSum += budgets[i];
  }
  let logKappa = log(numerator / budgetSum);
  let low = -Infinity;
  let high = Infinity;
  let sum = 0;
  for (let round = 0; round < 100; round++) {
    const kappa = exp(logKappa);
    solveAtKappa(sigma, n, budgets, cap, kappa, weights, capped, solver, work);
    sum = 0;
    for (let i = 0; i < n; i++) sum += weights[i];
    const gap = log(sum);
    if (abs(gap) <= 1e-14) break;
    if (gap > 0) high = logKappa;
    else low = logKappa;
    // d log(Σw) / d log κ = κ·1'H⁻¹(b/w) / Σw over the uncapped assets (the capped ones do not move).
    const slope =
      work.f === 0 ? 0 : (kappa * solver.growth(sigma, n, work.free, work.f, budgets, work.x, kappa)) / sum;
    let next = logKappa - gap / slope;
    if (!(slope > 0) || !(next > low && next < high)) {
      next = low > -Infinity && high < Infinity ? (low + high) / 2 : logKappa - 2 * gap;
    }
    if (next === logKappa) break;
    logKappa = next;
  }
  for (let i = 0; i < n; i++) {
    const value = weights[i] / sum;
    weights[i] = value > cap ? cap : value;
  }
  return weights;
}

/**
 * For a fixed κ, `min ½w'Σw − κ Σ bᵢ log wᵢ` over 0 < w ≤ c by an active set over the caps (see
 * {@link riskParityWeights}); `weights` and `capped` hold the start and receive the result, and `work` the last
 * free set and its weights (for the derivative in κ). At most 3n changes of the capped set.
 */
function solveAtKappa(
  sigma: Float64Array,
  n: number,
  budgets: Float64Array,
  cap: number,
  kappa: number,
  weights: Float64Array,
  capped: Uint8Array,
  solver: BarrierNewton,
  work: { free: Int32Array; x: Float64Array; linear: Float64Array; f: number },
): void {
  const { free, x, linear } = work;
  for (let change = 0; change < 3 * n; change++) {
    let f = 0;
    for (let i = 0; i < n; i++) if (capped[i] === 0) free[f++] = i;
    work.f = f;
    if (f > 0) {
      for (let a = 0; a < f; a++) {
        const row = free[a] * n;
        let pull = 0;
        for (let j = 0; j < n; j++) if (capped[j] === 1) pull += sigma[row + j] * cap;
        linear[a] = pull;
        x[a] = weights[free[a]];
      }
      solver.solve(sigma, n, free, f, linear, budgets, x, kappa);
      for (let a = 0; a < f; a++) weights[free[a]] = x[a];
    }
    let added = false;
    for (let a = 0; a < f; a++) {
      if (x[a] > cap * (1 + CAP_TOLERANCE)) {
        capped[free[a]] = 1;
        weights[free[a]] = cap;
        added = true;
      }
    }
    if (added) continue;
    // The capped asset that most wants less weight: multiplier κbᵢ/c − (Σw)ᵢ < 0.
    let release = -1;
    let worst = -CAP_TOLERANCE;
    for (let i = 0; i < n; i++) {
      if (capped[i] === 0) continue;
      const row = i * n;
      let product = 0;
      for (let j = 0; j < n; j++) product += sigma[row + j] * weights[j];
      const pull = (kappa * budgets[i]) / cap;
      const multiplier = (pull - product) / pull;
      if (multiplier < worst) {
        worst = multiplier;
        release = i;
      }
    }
    if (release < 0) return;
    capped[release] = 0;
  }
}

/**
 * Newton's method with backtracking for `min ½x'Qx + q'x − κ Σ bᵢ log xᵢ` over x > 0, Q the principal submatrix of
 * Σ on `indices`. Strictly convex (Q positive definite, the barrier strictly convex), so the minimiser is unique
 * and damped Newton converges to it, quadratically near it. Work arrays are allocated once per solver.
 */
class BarrierNewton {
  private readonly hessian: Float64Array;
  private readonly gradient: Float64Array;
  private readonly step: Float64Array;
  private readonly product: Float64Array;
  private readonly trial: Float64Array;

  constructor(capacity: number) {
    this.hessian = new Float64Array(capacity * capacity);
    this.gradient = new Float64Array(capacity);
    this.step = new Float64Array(capacity);
    this.product = new Float64Array(capacity);
    this.trial = new Float64Array(capacity);
  }

  /**
   * Minimises in place from the positive start `x` (length f). Stops when `max |xᵢ(Qx + q)ᵢ − κbᵢ| ≤ 10⁻¹² · κ ·
   * max b` — the risk-contribution gap, since at the optimum x'(Qx + q) = κΣb — or when a Newton step stops
   * shrinking that gap (round-off).
   *
   * @throws AetherError INTERNAL if neither happens within 200 steps.
   */
  solve(
    sigma: Float64Array,
    n: number,
    indices: Int32Array,
    f: number,
    linear: Float64Array,
    budgets: Float64Array,
    x: Float64Array,
    kappa: number,
  ): void {
    const { hessian, gradient, step, product, trial } = this;
    let largestBudget = 0;
    let smallestBudget = Infinity;
    for (let a = 0; a < f; a++) {
      largestBudget = max(largestBudget, budgets[indices[a]]);
      smallestBudget = min(smallestBudget, budgets[indices[a]]);
    }
    const tolerance = RISK_PARITY_TOLERANCE * kappa * largestBudget;

    // Scale the start so that x'(Qx + q) ≈ κΣb, the balance the optimum has: a much better first Newton step.
    this.multiply(sigma, n, indices, f, linear, x, product);
    let balance = 0;
    let linearPart = 0;
    let budgetSum = 0;
    for (let a = 0; a < f; a++) {
      balance += x[a] * (product[a] - linear[a]);
      linearPart += x[a] * linear[a];
      budgetSum += kappa * budgets[indices[a]];
    }
    // s²·balance + s·linearPart = budgetSum, s > 0.
    const s = (-linearPart + sqrt(linearPart * linearPart + 4 * balance * budgetSum)) / (2 * balance);
    for (let a = 0; a < f; a++) x[a] *= s;

    let previousGap = Infinity;
    for (let iteration = 0; iteration < MAX_NEWTON_STEPS; iteration++) {
      this.multiply(sigma, n, indices, f, linear, x, product);
      let gap = 0;
      for (let a = 0; a < f; a++) {
        const target = kappa * budgets[indices[a]];
        gap = max(gap, abs(x[a] * product[a] - target));
        gradient[a] = product[a] - target / x[a];
      }
      if (gap <= tolerance || (gap >= previousGap && previousGap <= 1e3 * tolerance)) return;
      previousGap = gap;

      // Hessian Q + diag(κb/x²), its Cholesky factor, and the Newton step d = −H⁻¹∇.
      for (let a = 0; a < f; a++) {
        const row = indices[a] * n;
        for (let c = 0; c <= a; c++) hessian[a * f + c] = sigma[row + indices[c]];
        hessian[a * f + a] += (kappa * budgets[indices[a]]) / (x[a] * x[a]);
      }
      if (!choleskyInPlace(hessian, f))
        throw new AetherError('INTERNAL', 'risk parity: singular Newton system');
      for (let a = 0; a < f; a++) step[a] = -gradient[a];
      choleskySolveInPlace(hessian, f, step);

      // Step length. Divided by κ·min b, the objective is self-concordant (a quadratic plus log barriers with
      // coefficients ≥ 1), so once its Newton decrement λ² = −∇'d / (κ·min b) is below 0.1 the full step stays
      // inside x > 0 and converges quadratically (Nesterov & Nemirovskii; Boyd & Vandenberghe §9.6). Before that:
      // backtracking (Armijo, factor ½) from the largest step keeping x > 0.
      let slope = 0;
      let t = 1;
      for (let a = 0; a < f; a++) {
        slope += gradient[a] * step[a];
        if (step[a] < 0) t = min(t, (-0.99 * x[a]) / step[a]);
      }
      if (-slope < 0.1 * kappa * smallestBudget && t === 1) {
        for (let a = 0; a < f; a++) trial[a] = x[a] + step[a];
      } else {
        const current = this.objective(x, product, linear, budgets, indices, f, kappa);
        for (let attempt = 0; attempt < 60; attempt++) {
          for (let a = 0; a < f; a++) trial[a] = x[a] + t * step[a];
          this.multiply(sigma, n, indices, f, linear, trial, product);
          if (
            this.objective(trial, product, linear, budgets, indices, f, kappa) <=
            current + 1e-4 * t * slope
          )
            break;
          t *= 0.5;
        }
      }
      for (let a = 0; a < f; a++) x[a] = trial[a];
    }
    throw new AetherError('INTERNAL', `risk parity: Newton did not converge in ${MAX_NEWTON_STEPS} steps`);
  }

  /**
   * `1'H⁻¹(b/x)`, H = Q + diag(κb/x²) the Hessian at x: how fast Σx grows with κ at the solution (differentiate
   * `Qx + q = κb/x` in κ: `H·dx/dκ = b/x`). Used by the outer iteration on κ.
   */
  growth(
    sigma: Float64Array,
    n: number,
    indices: Int32Array,
    f: number,
    budgets: Float64Array,
    x: Float64Array,
    kappa: number,
  ): number {
    const { hessian, step } = this;
    for (let a = 0; a < f; a++) {
      const row = indices[a] * n;
      for (let c = 0; c <= a; c++) hessian[a * f + c] = sigma[row + indices[c]];
      hessian[a * f + a] += (kappa * budgets[indices[a]]) / (x[a] * x[a]);
      step[a] = budgets[indices[a]] / x[a];
    }
    if (!choleskyInPlace(hessian, f))
      throw new AetherError('INTERNAL', 'risk parity: singular Newton system');
    choleskySolveInPlace(hessian, f, step);
    let sum = 0;
    for (let a = 0; a < f; a++) sum += step[a];
    return sum;
  }

  /** out = Qx + q. */
  private multiply(
    sigma: Float64Array,
    n: number,
    indices: Int32Array,
    f: number,
    linear: Float64Array,
    x: Float64Array,
    out: Float64Array,
  ): void {
    for (let a = 0; a < f; a++) {
      const row = indices[a] * n;
      let sum = linear[a];
      for (let c = 0; c < f; c++) sum += sigma[row + indices[c]] * x[c];
      out[a] = sum;
    }
  }

  /** ½x'Qx + q'x − κΣ bᵢ log xᵢ, given product = Qx + q. */
  private objective(
    x: Float64Array,
    product: Float64Array,
    linear: Float64Array,
    budgets: Float64Array,
    indices: Int32Array,
    f: number,
    kappa: number,
  ): number {
    let value = 0;
    for (let a = 0; a < f; a++) {
      value += 0.5 * x[a] * (product[a] + linear[a]) - kappa * budgets[indices[a]] * log(x[a]);
    }
    return value;
  }
}

// The public entry points: check the moments and options once, dispatch to the method's exact solver, and
// report the allocation with its annual return, volatility and risk contributions.
import { AetherError, type FieldViolation, OPTIMIZATION_METHODS } from '@aetherquant/core';
import { isPositiveDefinite } from '../linear-algebra/cholesky';
import type { Moments } from '../moments/moments';
import { riskParityWeights } from '../risk-parity/risk-parity';
import { meanVarianceWeights, minVarianceWeights } from '../mean-variance/mean-variance';
import { maxSharpeWeights } from '../max-sharpe/max-sharpe';
import { capWeights, hrpWeights } from '../hrp/hrp';
import { efficientFrontierWeights } from '../efficient-frontier/efficient-frontier';

const { abs, max, sqrt } = Math;

// The methods' names are the request schemas' (core), so the API and the CLI accept exactly these.
export { OPTIMIZATION_METHODS };
export type OptimizationMethod = (typeof OPTIMIZATION_METHODS)[number];

export interface OptimizeOptions {
  method: OptimizationMethod;
  /** The largest |weight| per asset; default 1; must be > 0 (and ≥ 1/n to be feasible). */
  maxWeight?: number;
  /** Default false: bounds [0, maxWeight]; true: [−maxWeight, maxWeight] (mean-variance, min-variance, max-sharpe). */
  allowShort?: boolean;
  /** Mean-variance λ in μ'w − λ·w'Σw; default 3; must be > 0. */
  riskAversion?: number;
  /** Annual risk-free rate for max-sharpe; default 0. */
  riskFreeRate?: number;
  /** Risk-parity target contributions, one per asset, positive; normalised to sum 1. Default equal. */
  riskBudgets?: readonly number[];
}

export interface Allocation {
  method: OptimizationMethod;
  /** Sum to 1 (to 1e-12), within the bounds. */
  weights: Float64Array;
  /** Annual: μ'w × periodsPerYear. */
  expectedReturn: number;
  /** Annual: √(w'Σw × periodsPerYear). */
  volatility: number;
  /** wᵢ(Σw)ᵢ / w'Σw, summing to 1. */
  riskContributions: Float64Array;
}

interface CheckedOptions {
  maxWeight: number;
  allowShort: boolean;
  riskAversion: number;
  riskFreeRate: number;
  budgets: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
}

/**
 * The optimal portfolio of `options.method` for the moments, under the budget constraint (weights sum to 1) and
 * per-asset bounds `[0, maxWeight]`, or `[−maxWeight, maxWeight]` with `allowShort`:
 *
 * | method          | solves                                                 | how (see each solver's TSDoc)                          |
 * | --------------- | ------------------------------------------------------ | ------------------------------------------------------ |
 * | `risk-parity`   | wᵢ(Σw)ᵢ / w'Σw = bᵢ (equal, or `riskBudgets`)          | Newton on ½y'Σy − Σbᵢ log yᵢ; caps: closest budget      |
 * | `mean-variance` | max μ'w − λ·w'Σw                                       | primal active-set QP, exact (KKT)                      |
 * | `min-variance`  | min w'Σw                                               | the same QP with μ = 0                                 |
 * | `max-sharpe`    | max (μ'w − r_f) / √(w'Σw)                              | Cornuéjols–Tütüncü QP in y = κw                        |
 * | `hrp`           | López de Prado's hierarchical risk parity              | clustering + recursive bisection, then capped          |
 *
 * Edge cases, by choice: risk parity and HRP are long-only whatever `allowShort` says (with positive budgets the
 * risk-parity portfolio is long-only, and HRP's bisection only produces positive weights); their weights stay
 * within [0, maxWeight] ⊂ [−maxWeight, maxWeight]. When the cap binds, risk parity returns the closest feasible
 * budget (capped assets at the cap, the others in their budgets' proportions) and HRP clips and redistributes.
 *
 * @throws AetherError INVALID_ARGUMENT naming each bad field: `symbols` (fewer than two assets), `mean`,
 *   `covariance` (wrong size, not finite, not symmetric, or not positive definite — estimate it with
 *   'ledoit-wolf'), `periods_per_year`, `method`, `max_weight`, `allow_short`, `risk_aversion`, `risk_free_rate`,
 *   `risk_budgets`.
 * @throws AetherError INFEASIBLE when the bounds admit no portfolio (n·maxWeight < 1), or for max-sharpe when no
 *   feasible portfolio expects more than the risk-free rate.
 */
export function optimize(moments: Moments, options: OptimizeOptions): Allocation {
  const violations: FieldViolation[] = [];
  if (!(OPTIMIZATION_METHODS as readonly string[]).includes(options?.method)) {
    violations.push({
      field: 'method',
      rule: `must be one of ${OPTIMIZATION_METHODS.join(', ')} (got ${String(options?.method)})`,
    });
  }
  const checked = checkInputs(moments, options ?? {}, violations, 'optimize');
  const { method } = options;
  const n = moments.assets;
  const { covariance, mean } = moments;
  const { maxWeight, allowShort, lower, upper } = checked;
  let weights: Float64Array;
  if (n * maxWeight <= 1 + 1e-12) {
    // The bounds leave one feasible portfolio, every asset at the cap: the answer of every method.
    return allocationOf(method, moments, new Float64Array(n).fill(1 / n), lower, upper);
  }
  switch (method) {
    case 'risk-parity':
      weights = riskParityWeights(covariance, n, checked.budgets, maxWeight);
      break;
    case 'mean-variance':
      weights = meanVarianceWeights(mean, covariance, n, lower, upper, checked.riskAversion);
      break;
    case 'min-variance':
      weights = minVarianceWeights(covariance, n, lower, upper);
      break;
    case 'max-sharpe':
      weights = maxSharpeWeights(
        mean,
        covariance,
        n,
        lower,
        upper,
        checked.riskFreeRate / moments.periodsPerYear,
        maxWeight,
        allowShort,
      );
      break;
    case 'hrp':
      weights = capWeights(hrpWeights(covariance, n), n, maxWeight);
      break;
  }
  return allocationOf(method, moments, weights, lower, upper);
}

/**
 * `points` portfolios on the efficient frontier, from the minimum-variance portfolio (the first, identical to
 * `optimize(moments, { method: 'min-variance', … })`) to the highest feasible return (the last), evenly spaced in
 * expected return; each is the minimum-variance portfolio for its target return, so each allocation's `method`
 * is `'min-variance'`. Returns rise and volatilities do not fall along the list. See `efficientFrontierWeights`.
 *
 * @throws AetherError INVALID_ARGUMENT as {@link optimize} (`riskBudgets` and `riskFreeRate` are checked though
 *   unused), and `points` unless an integer ≥ 2; INFEASIBLE when n·maxWeight < 1.
 */
export function efficientFrontier(
  moments: Moments,
  options: Omit<OptimizeOptions, 'method'> & { points: number },
): Allocation[] {
  const violations: FieldViolation[] = [];
  const points = options?.points;
  if (!(Number.isInteger(points) && points >= 2)) {
    violations.push({ field: 'points', rule: `must be an integer at least 2 (got ${String(points)})` });
  }
  const { lower, upper, maxWeight } = checkInputs(
    moments,
    options ?? { points },
    violations,
    'efficientFrontier',
  );
  const n = moments.assets;
  if (n * maxWeight <= 1 + 1e-12) {
    const only = allocationOf('min-variance', moments, new Float64Array(n).fill(1 / n), lower, upper);
    return Array.from({ length: points }, () => ({
      ...only,
      weights: only.weights.slice(),
      riskContributions: only.riskContributions.slice(),
    }));
  }
  return efficientFrontierWeights(moments.mean, moments.covariance, n, lower, upper, points).map((weights) =>
    allocationOf('min-variance', moments, weights, lower, upper),
  );
}

/** Checks the moments and the options (throwing every violation at once, then infeasibility); the bounds. */
function checkInputs(
  moments: Moments,
  options: Omit<OptimizeOptions, 'method'>,
  violations: FieldViolation[],
  context: string,
): CheckedOptions {
  const n = checkMoments(moments, violations);
  const { maxWeight = 1, allowShort = false, riskAversion = 3, riskFreeRate = 0, riskBudgets } = options;
  if (!isPositiveFinite(maxWeight)) {
    violations.push({
      field: 'max_weight',
      rule: `must be a finite number above 0 (got ${String(maxWeight)})`,
    });
  }
  if (typeof allowShort !== 'boolean') {
    violations.push({ field: 'allow_short', rule: `must be true or false (got ${String(allowShort)})` });
  }
  if (!isPositiveFinite(riskAversion)) {
    violations.push({
      field: 'risk_aversion',
      rule: `must be a finite number above 0 (got ${String(riskAversion)})`,
    });
  }
  if (!(typeof riskFreeRate === 'number' && riskFreeRate - riskFreeRate === 0)) {
    violations.push({
      field: 'risk_free_rate',
      rule: `must be a finite number (got ${String(riskFreeRate)})`,
    });
  }
  const budgets = new Float64Array(n > 0 ? n : 0);
  if (riskBudgets === undefined) {
    budgets.fill(1 / n);
  } else if (!isArrayLike(riskBudgets) || riskBudgets.length !== n) {
    const got = isArrayLike(riskBudgets) ? `${riskBudgets.length} budgets` : String(riskBudgets);
    violations.push({ field: 'risk_budgets', rule: `must list one budget per asset (${n}; got ${got})` });
  } else {
    let total = 0;
    const bad = Array.from(riskBudgets).findIndex((budget) => !isPositiveFinite(budget));
    if (bad >= 0) {
      violations.push({
        field: 'risk_budgets',
        rule: `must be finite numbers above 0 (budget ${bad} is ${String(riskBudgets[bad])})`,
      });
    } else {
      for (const budget of riskBudgets) total += budget;
      for (let i = 0; i < n; i++) budgets[i] = riskBudgets[i] / total;
    }
  }
  if (violations.length > 0) throw AetherError.invalid(violations, context);

  if (n * maxWeight < 1 - 1e-12) {
    const needed = 1 / n;
    const bounds = allowShort ? 'weights within ±max_weight' : 'long-only weights';
    throw new AetherError(
      'INFEASIBLE',
      `${bounds} cannot sum to 1 with max_weight ${maxWeight} for ${n} assets (needs at least ${round(needed)})`,
      { field: 'max_weight', minimum: needed },
    );
  }
  const lower = new Float64Array(n).fill(allowShort ? -maxWeight : 0);
  const upper = new Float64Array(n).fill(maxWeight);
  return { maxWeight, allowShort, riskAversion, riskFreeRate, budgets, lower, upper };
}

/** Checks the moments' shape, values, symmetry and positive definiteness; returns n (0 when unusable). */
function checkMoments(moments: Moments, violations: FieldViolation[]): number {
  const n = moments?.assets;
  if (!(Number.isInteger(n) && n >= 2)) {
    violations.push({ field: 'symbols', rule: `must name at least two distinct assets (got ${String(n)})` });
    return 0;
  }
  const { mean, covariance, periodsPerYear } = moments;
  if (!isPositiveFinite(periodsPerYear)) {
    violations.push({
      field: 'periods_per_year',
      rule: `must be a finite number above 0 (got ${String(periodsPerYear)})`,
    });
  }
  if (!(mean instanceof Float64Array) || mean.length !== n || !allFinite(mean)) {
    violations.push({ field: 'mean', rule: `must hold ${n} finite numbers` });
  }
  if (!(covariance instanceof Float64Array) || covariance.length !== n * n || !allFinite(covariance)) {
    violations.push({ field: 'covariance', rule: `must hold ${n}×${n} finite numbers` });
    return n;
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const a = covariance[i * n + j];
      const b = covariance[j * n + i];
      if (
        abs(a - b) >
        1e-12 * max(abs(a), abs(b), sqrt(abs(covariance[i * n + i] * covariance[j * n + j])))
      ) {
        violations.push({
          field: 'covariance',
          rule: `must be symmetric (entries ${i},${j} and ${j},${i} differ)`,
        });
        return n;
      }
    }
  }
  if (!isPositiveDefinite(covariance, n)) {
    violations.push({
      field: 'covariance',
      rule: "must be positive definite (with more assets than rows, or a duplicated asset, estimate it with 'ledoit-wolf')",
    });
  }
  return n;
}

/** The allocation's figures: annual return and volatility, and risk contributions wᵢ(Σw)ᵢ / w'Σw. */
function allocationOf(
  method: OptimizationMethod,
  moments: Moments,
  raw: Float64Array,
  lower: Float64Array,
  upper: Float64Array,
): Allocation {
  const n = moments.assets;
  const { mean, covariance, periodsPerYear } = moments;
  const weights = new Float64Array(n);
  // Round-off can leave a weight 1e-17 outside its bound: clamp it in.
  for (let i = 0; i < n; i++)
    weights[i] = raw[i] < lower[i] ? lower[i] : raw[i] > upper[i] ? upper[i] : raw[i];
  const product = new Float64Array(n);
  let variance = 0;
  let expected = 0;
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let sum = 0;
    for (let j = 0; j < n; j++) sum += covariance[row + j] * weights[j];
    product[i] = sum;
    variance += weights[i] * sum;
    expected += mean[i] * weights[i];
  }
  const riskContributions = new Float64Array(n);
  for (let i = 0; i < n; i++) riskContributions[i] = (weights[i] * product[i]) / variance;
  return {
    method,
    weights,
    expectedReturn: expected * periodsPerYear,
    volatility: sqrt(variance * periodsPerYear),
    riskContributions,
  };
}

function isPositiveFinite(value: unknown): value is number {
  return typeof value === 'number' && value > 0 && value < Infinity;
}

function isArrayLike(value: unknown): value is ArrayLike<number> {
  return Array.isArray(value) || ArrayBuffer.isView(value);
}

function allFinite(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] - values[i] !== 0) return false;
  return true;
}

function round(value: number): number {
  return Number(value.toPrecision(6));
}

// Every metric of the package in as few passes as possible: the figures a backtest report shows.
import type { FieldViolation } from '@aetherquant/core';
import { tradeStatisticsOf } from '../trades/trades';
import { exposureAndTurnoverOf, exposureOf, turnoverOf } from '../exposure/exposure';
import {
  checkEquity,
  checkFinite,
  checkPeriodsPerYear,
  checkSameLength,
  throwIfInvalid,
} from '../input/check-input';
import { tailProbability, tailRiskInPlace } from '../tail-risk/tail-risk';

// Module constants: under Jest's sandbox every lookup of the global `Math` is slow.
const { abs, pow, sqrt } = Math;

/** The 0.05 tail of the 95% VaR, as numpy.percentile(r, 5). */
const TAIL_95 = tailProbability(0.95);

/** What {@link summary} measures. */
export interface RiskSummaryInput {
  /** Equity per bar, `equity[0]` the initial capital: at least one point, each finite and above 0. */
  equity: ArrayLike<number>;
  /** Bars per year: 252 for daily bars, 52 weekly, 12 monthly, bars per day × 252 intraday. */
  periodsPerYear: number;
  /** Benchmark equity (or prices) on the same bars, for beta and alpha: same length as equity. */
  benchmarkEquity?: ArrayLike<number>;
  /** The return of each closed trade, for win rate and profit factor. */
  tradeReturns?: ArrayLike<number>;
  /**
   * The position held on each bar as a fraction of equity, for exposure. Without it, exposure is taken from
   * `targets` held one bar later (the exposure decided at the close of bar t is held over bar t+1).
   */
  positions?: ArrayLike<number>;
  /** Target exposure per bar (a strategy's output), for turnover. */
  targets?: ArrayLike<number>;
  /**
   * A buffer of at least n − 1 elements the summary may overwrite, so that repeated summaries (a parameter
   * sweep) allocate nothing. Without it, one Float64Array of n − 1 elements is allocated.
   */
  scratch?: Float64Array;
}

/**
 * Every metric of one equity curve. Ratios are plain numbers (0.12 is 12%); `null` marks a figure that is
 * undefined for this input (see each field), since JSON has no Infinity or NaN.
 */
export interface RiskSummary {
  /** {@link totalReturn}: `equity[n − 1] / equity[0] − 1`. */
  totalReturn: number;
  /** {@link annualReturn}: `(equity[n − 1] / equity[0]) ^ (periodsPerYear / n) − 1`. */
  annualReturn: number;
  /** {@link annualVolatility}: `std(r, ddof = 1) × √periodsPerYear`; 0 with fewer than two returns. */
  volatility: number;
  /** {@link sharpe}: `mean(r) / std(r, ddof = 1) × √periodsPerYear`; 0 when the deviation is 0 or undefined. */
  sharpe: number;
  /** {@link sortino}: `mean(r) × √periodsPerYear / √(Σ min(r, 0)² / k)`; null without downside. */
  sortino: number | null;
  /** {@link calmar}: `annualReturn / |maxDrawdown|`; null when the drawdown is 0. */
  calmar: number | null;
  /** {@link maxDrawdown}: `min_t equity[t] / max(equity[0..t]) − 1`, 0 or below. */
  maxDrawdown: number;
  /** {@link maxDrawdownDuration}: the longest run of bars below the running peak, as c-reference.c counts it. */
  maxDrawdownDuration: number;
  /** {@link valueAtRisk} at 95%: the 5% quantile of the returns (linear, as numpy); 0 without returns. */
  var95: number;
  /** {@link conditionalValueAtRisk} at 95%: the mean of the returns ≤ var95; 0 without returns. */
  cvar95: number;
  /** {@link beta} against the benchmark; null without a benchmark or when its returns do not vary. */
  beta: number | null;
  /** {@link alpha}, annualised; null whenever beta is null. */
  alpha: number | null;
  /** {@link winRate} of the trades; null without trades. */
  winRate: number | null;
  /** {@link profitFactor} of the trades; null without losing trades. */
  profitFactor: number | null;
  /** {@link exposure} of the positions; null without positions. */
  exposure: number | null;
  /** {@link turnover} of the targets, per year; null without targets. */
  turnover: number | null;
}

/**
 * Every metric at once, each exactly as its own function computes it (same formulas, same order of
 * operations, so the results agree to the bit), in a handful of passes over typed arrays:
 *
 * 1. one pass over equity: the returns (into one scratch buffer), their sum, the drawdown and its duration;
 * 2. with a benchmark, one pass over its equity for the mean of its returns;
 * 3. one pass over the returns (and the benchmark, whose returns are recomputed rather than stored): the squared
 *    deviations, the downside squares and the co-deviations;
 * 4. one quickselect in place on the scratch buffer, the returns' last use, for VaR and CVaR;
 * 5. one pass each over the trades, positions and targets given.
 *
 * Arguments are checked once, up front; the loops carry no checks and allocate nothing.
 *
 * Edge cases (one point, or flat equity): returns 0 for totalReturn, annualReturn, volatility, sharpe,
 * maxDrawdown, maxDrawdownDuration, var95 and cvar95 (no return means no loss observed), and null for sortino
 * and calmar (undefined); see each function for its own.
 *
 * @throws AetherError INVALID_ARGUMENT, naming every bad argument (`equity[3]`, `benchmarkEquity`,
 *   `periodsPerYear`, `scratch`…): equity empty or with a point not finite and above 0; a benchmark of another
 *   length or with such a point; trades, positions or targets not finite; periodsPerYear not finite and above 0;
 *   a scratch buffer shorter than n − 1.
 */
export function summary(input: RiskSummaryInput): RiskSummary {
  const { equity, periodsPerYear, benchmarkEquity, tradeReturns, positions, targets, scratch } = input;
  const n = equity.length;
  const count = n > 0 ? n - 1 : 0;

  const violations: FieldViolation[] = [];
  checkEquity(equity, 'equity', violations);
  checkPeriodsPerYear(periodsPerYear, violations);
  if (benchmarkEquity !== undefined) {
    checkSameLength(benchmarkEquity, 'benchmarkEquity', equity, 'equity', violations);
    if (benchmarkEquity.length === n) checkEquity(benchmarkEquity, 'benchmarkEquity', violations);
  }
  if (tradeReturns !== undefined) checkFinite(tradeReturns, 'tradeReturns', violations);
  if (positions !== undefined) checkFinite(positions, 'positions', violations);
  if (targets !== undefined) checkFinite(targets, 'targets', violations);
  if (scratch !== undefined && scratch.length < count) {
    violations.push({
      field: 'scratch',
      rule: `must have room for ${count} returns (got ${scratch.length})`,
    });
  }
  throwIfInvalid(violations, 'risk summary');

  // Pass 1 over equity: returns, their sum, drawdown depth and duration (as drawdownOf, fused).
  const returns = scratch ?? new Float64Array(count);
  let previous = equity[0];
  let peak = previous;
  let sum = 0;
  let deepest = 0;
  let run = 0;
  let longest = 0;
  for (let t = 1; t < n; t++) {
    const value = equity[t];
    const periodReturn = value / previous - 1;
    returns[t - 1] = periodReturn;
    sum += periodReturn;
    previous = value;
    if (value > peak) {
      peak = value;
      run = 0;
    } else if (value < peak) {
      run++;
      if (run > longest) longest = run;
      const drawdown = value / peak - 1;
      if (drawdown < deepest) deepest = drawdown;
    }
  }
  const mean = sum / count;

  // Pass 3 over the returns (and the benchmark's): squared deviations, downside squares, co-deviations.
  let squares = 0;
  let downside = 0;
  let beta: number | null = null;
  let alpha: number | null = null;
  if (benchmarkEquity === undefined || count === 0) {
    for (let i = 0; i < count; i++) {
      const value = returns[i];
      const deviation = value - mean;
      const loss = value < 0 ? value : 0;
      squares += deviation * deviation;
      downside += loss * loss;
    }
  } else {
    // Pass 2: the mean of the benchmark's returns.
    let benchmarkPrevious = benchmarkEquity[0];
    let benchmarkSum = 0;
    for (let t = 1; t < n; t++) {
      const value = benchmarkEquity[t];
      benchmarkSum += value / benchmarkPrevious - 1;
      benchmarkPrevious = value;
    }
    const benchmarkMean = benchmarkSum / count;
    let benchmarkSquares = 0;
    let coSquares = 0;
    benchmarkPrevious = benchmarkEquity[0];
    for (let i = 0; i < count; i++) {
      const value = returns[i];
      const deviation = value - mean;
      const loss = value < 0 ? value : 0;
      const benchmarkValue = benchmarkEquity[i + 1];
      const benchmarkDeviation = benchmarkValue / benchmarkPrevious - 1 - benchmarkMean;
      benchmarkPrevious = benchmarkValue;
      squares += deviation * deviation;
      downside += loss * loss;
      benchmarkSquares += benchmarkDeviation * benchmarkDeviation;
      coSquares += deviation * benchmarkDeviation;
    }
    if (benchmarkSquares !== 0) {
      beta = coSquares / benchmarkSquares;
      alpha = (mean - beta * benchmarkMean) * periodsPerYear;
    }
  }

  const rootPeriods = sqrt(periodsPerYear);
  const deviation = count < 2 ? 0 : sqrt(squares / (count - 1));
  const annualReturn = pow(equity[n - 1] / equity[0], periodsPerYear / n) - 1;

  // Pass 4: VaR and CVaR by quickselect in place; the returns are not needed afterwards.
  const tail = tailRiskInPlace(returns, count, TAIL_95);
  const trades = tradeReturns === undefined ? undefined : tradeStatisticsOf(tradeReturns);

  return {
    totalReturn: equity[n - 1] / equity[0] - 1,
    annualReturn,
    volatility: deviation * rootPeriods,
    sharpe: deviation === 0 ? 0 : (mean / deviation) * rootPeriods,
    sortino: downside === 0 ? null : (mean / sqrt(downside / count)) * rootPeriods,
    calmar: deepest === 0 ? null : annualReturn / abs(deepest),
    maxDrawdown: deepest,
    maxDrawdownDuration: longest,
    var95: tail.valueAtRisk,
    cvar95: tail.conditionalValueAtRisk,
    beta,
    alpha,
    winRate: trades === undefined ? null : trades.winRate,
    profitFactor: trades === undefined ? null : trades.profitFactor,
    ...exposureAndTurnover(positions, targets, periodsPerYear),
  };
}

/** Exposure from the positions, or else from the targets held one bar later (one pass with turnover). */
function exposureAndTurnover(
  positions: ArrayLike<number> | undefined,
  targets: ArrayLike<number> | undefined,
  periodsPerYear: number,
): { exposure: number | null; turnover: number | null } {
  if (positions === undefined) {
    return targets === undefined
      ? { exposure: null, turnover: null }
      : exposureAndTurnoverOf(targets, periodsPerYear);
  }
  return {
    exposure: exposureOf(positions),
    turnover: targets === undefined ? null : turnoverOf(targets, periodsPerYear),
  };
}

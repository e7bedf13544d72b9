import {
  AetherError,
  type BarSeries,
  type FieldViolation,
  type Period,
  parsePeriod,
  periodWindow,
} from '@aetherquant/core';
import {
  type CovarianceEstimator,
  estimateMoments,
  type OptimizationMethod,
  optimize,
  type OptimizeOptions,
  returnsMatrix,
} from '@aetherquant/optimization';
import { type RiskSummary, summary } from '@aetherquant/risk';
import { benchmarkClosesViolation, buyAndHoldEquity } from '../engine/buy-and-hold';
import { type BacktestOptions, costViolations } from '../engine/vectorised-backtest';

const { abs } = Math;

/** When weights are recomputed: at the first bar of each month or quarter, or every N bars. */
export type RebalanceSchedule = 'monthly' | 'quarterly' | { everyBars: number };

/**
 * How weights are set at each rebalance: equal weights, inverse volatility (1/σᵢ over the trailing lookback,
 * normalised to sum 1), or an optimiser of @aetherquant/optimization over the lookback's moments.
 */
export type PortfolioAllocation = OptimizationMethod | 'equal-weight' | 'inverse-volatility';

/**
 * A portfolio backtest's options. A chosen benchmark's `benchmarkCloses` are one per bar of the series (the
 * first allocation is not known beforehand): the benchmark is bought with the initial cash at the close of
 * the first allocation's bar and held, instead of the equal-weight portfolio.
 */
export interface PortfolioBacktestOptions extends BacktestOptions {
  /** An optimiser, `equal-weight` or `inverse-volatility`. */
  allocation: PortfolioAllocation;
  rebalance: RebalanceSchedule;
  /** The trailing window each rebalance estimates from (`1y`, `6mo`): bars in (t − lookback, t]. */
  lookback: Period | string;
  /** Passed to the optimiser on every rebalance. */
  optimizer?: Omit<OptimizeOptions, 'method'> & { estimator?: CovarianceEstimator };
}

export interface Rebalance {
  index: number;
  time: number;
  weights: number[];
  /** Σ |new weight − drifted weight|: the fraction of equity traded. */
  turnover: number;
}

export interface PortfolioBacktestResult {
  symbols: string[];
  /** The bars from the first allocation on. */
  time: Float64Array;
  equity: Float64Array;
  /**
   * Equal weights, rebalanced on the same schedule with the same costs; or buy-and-hold of `benchmarkCloses`
   * from the first allocation, without costs, when the options give them.
   */
  benchmarkEquity: Float64Array;
  rebalances: Rebalance[];
  summary: RiskSummary;
  /** The benchmark's summary, computed on first read. */
  readonly benchmark: RiskSummary;
}

/**
 * A rebalanced portfolio backtest over aligned series (one calendar). At each rebalance bar t, weights are
 * computed from the returns of the trailing lookback window ending at t's close only (no look-ahead), then
 * the holdings are traded to them at t's close, paying (commission + slippage) on the turnover. Between
 * rebalances holdings drift with prices. The first allocation is at the first scheduled bar whose window
 * the history covers in full; the equity curve starts there, at the initial cash.
 */
export function runPortfolioBacktest(
  series: readonly BarSeries[],
  options: PortfolioBacktestOptions,
): PortfolioBacktestResult {
  const lookback = checkOptions(series, options);
  const closes = series.map((s) => s.close);
  const times = (series[0] as BarSeries).time;
  const n = times.length;
  const assets = series.length;
  const cost = (options.commissionBps + options.slippageBps) / 10_000;
  const periodsPerYear = (series[0] as BarSeries).interval.periodsPerYear;

  const schedule = rebalanceBars(times, options.rebalance);
  const first = schedule.findIndex((t) => {
    const window = periodWindow(lookback, (times[t] as number) + 1);
    return (
      (window.start as number) >= (times[0] as number) &&
      t - (series[0] as BarSeries).firstIndexAtOrAfter(window.start as number) >= 2
    );
  });
  if (first < 0) {
    throw AetherError.invalid([
      {
        field: 'lookback',
        rule: `${lookback.name} leaves no rebalance with a full window in ${n} bars (from the first bar to the last)`,
      },
    ]);
  }
  const start = schedule[first] as number;
  const length = n - start;
  const equity = new Float64Array(length);
  const chosen = options.benchmarkCloses;
  // The equal-weight portfolio's curve, unless a chosen benchmark replaces it.
  const benchmarkEquity =
    chosen === undefined ? new Float64Array(length) : buyAndHoldEquity(chosen, options.initialCash, start);
  const holdings = new Float64Array(assets);
  const benchmarkHoldings = new Float64Array(assets);
  const equalWeights = new Array<number>(assets).fill(1 / assets);
  const rebalances: Rebalance[] = [];
  let next = first;

  for (let t = start; t < n; t++) {
    if (t > start) grow(holdings, benchmarkHoldings, closes, t);
    let value = sum(holdings);
    let benchmarkValue = sum(benchmarkHoldings);
    if (t === start) [value, benchmarkValue] = [options.initialCash, options.initialCash];
    if (t === schedule[next]) {
      const weights =
        options.allocation === 'equal-weight'
          ? equalWeights
          : lookbackWeights(closes, times, t, lookback, periodsPerYear, options).weights;
      const turnover = trade(holdings, value, weights, cost, t === start);
      trade(benchmarkHoldings, benchmarkValue, equalWeights, cost, t === start);
      rebalances.push({ index: t, time: times[t] as number, weights, turnover });
      value = sum(holdings);
      benchmarkValue = sum(benchmarkHoldings);
      next++;
    }
    equity[t - start] = value;
    if (chosen === undefined) benchmarkEquity[t - start] = benchmarkValue;
  }

  let benchmark: RiskSummary | undefined;
  return {
    symbols: series.map((s) => s.symbol),
    time: times.slice(start),
    equity,
    benchmarkEquity,
    rebalances,
    summary: summary({ equity, periodsPerYear, benchmarkEquity }),
    get benchmark(): RiskSummary {
      return (benchmark ??= summary({ equity: benchmarkEquity, periodsPerYear }));
    },
  };
}

/** Weights at a rebalance, and how much history they were estimated from. */
export interface LookbackWeights {
  weights: number[];
  /** Bars in the estimation window (its returns are one fewer). */
  bars: number;
  /** False when the history starts after the lookback window does (the window was cut at the first bar). */
  complete: boolean;
}

/**
 * Weights from the returns of the bars in (t − lookback, t] only (bars ≤ t: no look-ahead): equal weights,
 * inverse volatility (1/σᵢ, σ the sample standard deviation of the window's returns, normalised to sum 1),
 * or the optimiser over the window's moments. A window cut short by the start of the history is used as it
 * is (`complete` false); with fewer than two returns in it, or a zero volatility for inverse volatility, the
 * weights are equal (nothing to estimate from).
 */
export function lookbackWeights(
  closes: readonly Float64Array[],
  times: Float64Array,
  t: number,
  lookback: Period,
  periodsPerYear: number,
  options: Pick<PortfolioBacktestOptions, 'allocation' | 'optimizer'>,
): LookbackWeights {
  const assets = closes.length;
  const window = periodWindow(lookback, (times[t] as number) + 1);
  let from = t;
  while (from > 0 && (times[from - 1] as number) >= (window.start as number)) from--;
  const bars = t - from + 1;
  const complete = from > 0 || (times[0] as number) >= (window.start as number);
  const equal = new Array<number>(assets).fill(1 / assets);
  if (options.allocation === 'equal-weight' || assets === 1 || bars < 3)
    return { weights: equal, bars, complete };
  if (options.allocation === 'inverse-volatility') {
    const inverse = closes.map((close) => 1 / standardDeviationOfReturns(close, from, t));
    const total = inverse.reduce((sum, value) => sum + value, 0);
    const usable = inverse.every((value) => Number.isFinite(value) && value > 0) && Number.isFinite(total);
    return { weights: usable ? inverse.map((value) => value / total) : equal, bars, complete };
  }
  const { returns, rows } = returnsMatrix(closes.map((close) => close.subarray(from, t + 1)));
  const { estimator, ...constraints } = options.optimizer ?? {};
  const moments = estimateMoments(returns, rows, assets, { estimator, periodsPerYear });
  const weights = Array.from(
    optimize(moments, { ...constraints, method: options.allocation as OptimizationMethod }).weights,
  );
  return { weights, bars, complete };
}

/** The sample standard deviation (ddof 1) of close[s]/close[s − 1] − 1 for s in (from, t]. */
function standardDeviationOfReturns(close: Float64Array, from: number, t: number): number {
  const count = t - from;
  let mean = 0;
  for (let s = from + 1; s <= t; s++) mean += (close[s] as number) / (close[s - 1] as number) - 1;
  mean /= count;
  let squares = 0;
  for (let s = from + 1; s <= t; s++) {
    const deviation = (close[s] as number) / (close[s - 1] as number) - 1 - mean;
    squares += deviation * deviation;
  }
  return Math.sqrt(squares / (count - 1));
}

/** Trades holdings (values per asset) worth `value` to `weights`, paying `cost` per unit of turnover; returns the turnover. */
function trade(
  holdings: Float64Array,
  value: number,
  weights: number[],
  cost: number,
  fromCash: boolean,
): number {
  let turnover = 0;
  for (let i = 0; i < holdings.length; i++) {
    const current = fromCash ? 0 : (holdings[i] as number) / value;
    turnover += abs((weights[i] as number) - current);
  }
  const after = value * (1 - turnover * cost);
  for (let i = 0; i < holdings.length; i++) holdings[i] = (weights[i] as number) * after;
  return turnover;
}

/** Lets each holding move with its asset's price from bar t − 1 to bar t. */
function grow(
  holdings: Float64Array,
  benchmarkHoldings: Float64Array,
  closes: Float64Array[],
  t: number,
): void {
  for (let i = 0; i < holdings.length; i++) {
    const close = closes[i] as Float64Array;
    const ratio = (close[t] as number) / (close[t - 1] as number);
    holdings[i] = (holdings[i] as number) * ratio;
    benchmarkHoldings[i] = (benchmarkHoldings[i] as number) * ratio;
  }
}

function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] as number;
  return total;
}

/**
 * The bars where weights are recomputed: the first bar of each calendar month (or quarter: January, April,
 * July, October), so no rebalance needs to know the next bar's date; or every N bars from the first.
 */
export function rebalanceBars(times: Float64Array, schedule: RebalanceSchedule): number[] {
  const bars: number[] = [];
  if (typeof schedule === 'object') {
    for (let t = 0; t < times.length; t += schedule.everyBars) bars.push(t);
    return bars;
  }
  const monthsPerStep = schedule === 'monthly' ? 1 : 3;
  let previous = -1;
  for (let t = 0; t < times.length; t++) {
    const date = new Date(times[t] as number);
    const step = Math.floor((date.getUTCFullYear() * 12 + date.getUTCMonth()) / monthsPerStep);
    if (step !== previous) bars.push(t);
    previous = step;
  }
  return bars;
}

function checkOptions(series: readonly BarSeries[], options: PortfolioBacktestOptions): Period {
  const violations: FieldViolation[] = [];
  if (series.length < 2)
    violations.push({ field: 'symbols', rule: `must name at least two symbols (got ${series.length})` });
  const times = series[0]?.time;
  if (times && series.some((s) => s.length !== times.length || s.time.some((time, i) => time !== times[i]))) {
    violations.push({ field: 'symbols', rule: 'must be aligned on one calendar (align the series first)' });
  }
  const { rebalance } = options;
  violations.push(...costViolations(options));
  const benchmark = benchmarkClosesViolation(options.benchmarkCloses, times?.length ?? 0);
  if (benchmark !== undefined) violations.push(benchmark);
  if (typeof rebalance === 'object' && !(Number.isInteger(rebalance.everyBars) && rebalance.everyBars >= 1)) {
    violations.push({
      field: 'rebalance',
      rule: `must be monthly, quarterly or a whole number of bars at least 1 (got ${rebalance.everyBars})`,
    });
  }
  const lookback = parseLookback(options.lookback, violations);
  if (violations.length > 0) throw AetherError.invalid(violations, 'portfolio backtest');
  return lookback as Period;
}

/**
 * The trailing window of a rebalance (`6mo`, `1y`): a span, parsed; a problem is added to `violations` (and
 * undefined returned) so it is reported with every other one.
 */
export function parseLookback(lookback: Period | string, violations: FieldViolation[]): Period | undefined {
  try {
    const period = typeof lookback === 'string' ? parsePeriod(lookback, 'lookback') : lookback;
    if (period.kind === 'relative') return period;
    violations.push({ field: 'lookback', rule: `must be a span such as 6mo or 1y (got ${period.name})` });
  } catch (error) {
    if (error instanceof AetherError && error.details?.violations)
      violations.push(...error.details.violations);
    else throw error;
  }
  return undefined;
}

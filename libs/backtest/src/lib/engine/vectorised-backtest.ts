import { AetherError, type BarSeries, type FieldViolation } from '@aetherquant/core';
import { type RiskSummary, summary } from '@aetherquant/risk';
import { benchmarkClosesViolation, buyAndHoldEquity } from './buy-and-hold';
import { type Trade, tradeSpans, tradesFromSpans } from './trades';

const { abs } = Math;

/** Trading costs, each in basis points of traded notional. */
export interface CostModel {
  commissionBps: number;
  slippageBps: number;
}

export interface BacktestOptions extends CostModel {
  /** Starting equity. */
  initialCash: number;
  /**
   * A chosen benchmark's closes, one per bar the engine evaluates, aligned to those bars' times (the
   * workflows carry a close forward over a bar the benchmark lacks): the benchmark is then buy-and-hold of
   * them from the first evaluated bar's close, without costs ({@link buyAndHoldEquity}), and beta and alpha
   * are measured against it. Without them each engine keeps its own benchmark (here: buy-and-hold of the
   * traded series itself).
   */
  benchmarkCloses?: Float64Array;
}

export interface BacktestResult {
  series: BarSeries;
  /** Target exposure per bar, decided at each bar's close. */
  targets: Float64Array;
  /** Equity after each bar's close: `equity[0]` is the initial cash less the cost of the first target. */
  equity: Float64Array;
  /**
   * Buy-and-hold without costs, from the same initial cash: of the same bars, or of `benchmarkCloses` when
   * the options give them.
   */
  benchmarkEquity: Float64Array;
  /** The trades, as objects built on first read (see trades.ts for what a trade is). */
  readonly trades: Trade[];
  tradeCount: number;
  summary: RiskSummary;
  /** The benchmark's own summary, computed on first read. */
  readonly benchmark: RiskSummary;
}

/**
 * The vectorised backtest (GUIDE §2). With r[t] = close[t]/close[t−1] − 1 and c = (commission + slippage)/10⁴:
 *
 *   equity[0] = cash · (1 − |target[0]|·c)
 *   equity[t] = equity[t−1] · (1 + target[t−1]·r[t] − |target[t] − target[t−1]|·c)      for t ≥ 1
 *
 * The exposure decided at the close of bar t earns bar t+1's return; the cost of changing it is paid at the
 * bar where it changes. The benchmark holds the asset: bench[t] = bench[t−1]·(1 + r[t]), bench[0] = cash
 * (or holds the chosen benchmark, `options.benchmarkCloses`, the same way). One pass over typed arrays, no
 * allocation per bar.
 */
export function runBacktest(
  series: BarSeries,
  targets: Float64Array,
  options: BacktestOptions,
): BacktestResult {
  checkInputs(series, targets, options);
  const n = series.length;
  const equity = new Float64Array(n);
  const cost = (options.commissionBps + options.slippageBps) / 10_000;
  const outOfRange = simulateEquity(series.close, targets, cost, options.initialCash, equity);
  if (outOfRange >= 0) throw AetherError.invalid([targetViolation(targets, outOfRange)], 'backtest');
  const benchmarkEquity = buyAndHoldEquity(options.benchmarkCloses ?? series.close, options.initialCash);

  const spans = tradeSpans(targets, equity);
  const periodsPerYear = series.interval.periodsPerYear;
  let benchmark: RiskSummary | undefined;
  let trades: Trade[] | undefined;
  return {
    series,
    targets,
    equity,
    benchmarkEquity,
    tradeCount: spans.count,
    // Objects only when read: a million bars can hold tens of thousands of trades.
    get trades(): Trade[] {
      return (trades ??= tradesFromSpans(series, spans, targets, equity));
    },
    summary: summary({
      equity,
      periodsPerYear,
      benchmarkEquity,
      tradeReturns: spans.returns,
      // Exposure comes from the targets held one bar later, the engine's convention.
      targets,
    }),
    // Computed when first read: reports need it, parameter sweeps never do.
    get benchmark(): RiskSummary {
      return (benchmark ??= summary({ equity: benchmarkEquity, periodsPerYear }));
    },
  };
}

/**
 * The kernel: the equity curve in one pass over typed arrays, in a function of its own so the engine
 * optimises it as a plain loop. It also checks every target is an exposure in [-1, 1] (sparing a pass of its
 * own) and returns the index of the first one that is not, or −1.
 */
function simulateEquity(
  close: Float64Array,
  targets: Float64Array,
  cost: number,
  cash: number,
  equity: Float64Array,
): number {
  const n = close.length;
  let previousTarget = targets[0] as number;
  if (!(previousTarget >= -1 && previousTarget <= 1)) return 0;
  let equityValue = cash * (1 - abs(previousTarget) * cost);
  let previousClose = close[0] as number;
  equity[0] = equityValue;
  for (let t = 1; t < n; t++) {
    const price = close[t] as number;
    const target = targets[t] as number;
    if (!(target >= -1 && target <= 1)) return t; // written so that NaN fails too
    const barReturn = price / previousClose - 1;
    equityValue *= 1 + previousTarget * barReturn - abs(target - previousTarget) * cost;
    equity[t] = equityValue;
    previousTarget = target;
    previousClose = price;
  }
  return -1;
}

/** Cash and costs checked, named as request fields: a positive cash amount, costs of at least 0. */
export function costViolations({
  initialCash,
  commissionBps,
  slippageBps,
}: BacktestOptions): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (!(initialCash > 0 && initialCash < Infinity)) {
    violations.push({ field: 'initial_cash', rule: `must be a positive amount (got ${initialCash})` });
  }
  if (!(commissionBps >= 0 && commissionBps < Infinity)) {
    violations.push({ field: 'commission_bps', rule: `must be at least 0 (got ${commissionBps})` });
  }
  if (!(slippageBps >= 0 && slippageBps < Infinity)) {
    violations.push({ field: 'slippage_bps', rule: `must be at least 0 (got ${slippageBps})` });
  }
  return violations;
}

function checkInputs(series: BarSeries, targets: Float64Array, options: BacktestOptions): void {
  const violations = costViolations(options);
  if (series.length === 0) violations.push({ field: 'bars', rule: 'must hold at least one bar' });
  const benchmark = benchmarkClosesViolation(options.benchmarkCloses, series.length);
  if (benchmark !== undefined) violations.push(benchmark);
  if (targets.length !== series.length) {
    violations.push({
      field: 'targets',
      rule: `must have one value per bar (got ${targets.length} for ${series.length} bars)`,
    });
  } else if (violations.length > 0) {
    // Report a bad target with the other problems; on the happy path the kernel checks targets itself.
    const bad = targets.findIndex((target) => !(target >= -1 && target <= 1));
    if (bad >= 0) violations.push(targetViolation(targets, bad));
  }
  if (violations.length > 0) throw AetherError.invalid(violations, 'backtest');
}

function targetViolation(targets: Float64Array, index: number): FieldViolation {
  return { field: `targets[${index}]`, rule: `must be an exposure in [-1, 1] (got ${targets[index]})` };
}

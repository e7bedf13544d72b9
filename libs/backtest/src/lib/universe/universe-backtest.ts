import { AetherError, type BarSeries, type FieldViolation, type Interval } from '@aetherquant/core';
import { type RiskSummary, summary } from '@aetherquant/risk';
import { benchmarkClosesViolation, buyAndHoldEquity } from '../engine/buy-and-hold';
import { tradeSpans } from '../engine/trades';
import { type BacktestOptions, costViolations } from '../engine/vectorised-backtest';

const { abs } = Math;

/** The universe engine's result: one equity curve for positions in several assets. */
export interface UniverseBacktestResult {
  symbols: string[];
  interval: Interval;
  time: Float64Array;
  /** Position per symbol and bar as a fraction of equity, decided at each bar's close (the input). */
  positions: readonly Float64Array[];
  /** Equity after each bar's close: `equity[0]` is the initial cash less the cost of the first positions. */
  equity: Float64Array;
  /** Buy-and-hold of 1/N of the cash in each asset, without costs (or of `benchmarkCloses` when given). */
  benchmarkEquity: Float64Array;
  /** Σᵢ |position_i[t] − position_i[t − 1]| per bar (position_i[−1] = 0): what costs were charged on. */
  traded: Float64Array;
  summary: RiskSummary;
  /** The benchmark's summary, computed on first read. */
  readonly benchmark: RiskSummary;
}

/**
 * The universe engine: the vectorised engine (`runBacktest`, GUIDE §2) over several aligned assets. With
 * positions p_i[t] (fractions of equity decided at the close of bar t, each in [-1, 1], Σᵢ |p_i[t]| ≤ 1),
 * r_i[t] = close_i[t]/close_i[t−1] − 1 and c = (commission + slippage)/10⁴:
 *
 *   equity[0] = cash · (1 − Σᵢ |p_i[0]| · c)
 *   equity[t] = equity[t−1] · (1 + Σᵢ p_i[t−1]·r_i[t] − Σᵢ |p_i[t] − p_i[t−1]| · c)      for t ≥ 1
 *
 * the single-asset equations summed over assets: each position is a fraction of the whole equity, held from
 * one close to the next, and costs are charged on the traded notional at the bar where a position changes.
 * With one asset the arithmetic is the single-asset engine's, operation for operation, so a one-symbol
 * universe gives exactly `runBacktest`'s equity, benchmark and summary (trades included: with one asset
 * they are the position's sign changes, as there; with several, win rate and profit factor are null).
 *
 * The benchmark buys 1/N of the cash of each asset at the first close and holds it, without costs:
 * bench[t] = Σᵢ bench_i[t], bench_i[0] = cash/N, bench_i[t] = bench_i[t−1]·(1 + r_i[t]); or, given
 * `options.benchmarkCloses`, buy-and-hold of those closes (`buyAndHoldEquity`).
 * Exposure is the mean gross position held over a bar (Σᵢ |p_i[t−1]|); turnover Σ_t traded[t] · periods / n.
 */
export function runUniverseBacktest(
  series: readonly BarSeries[],
  positions: readonly Float64Array[],
  options: BacktestOptions,
): UniverseBacktestResult {
  checkInputs(series, positions, options);
  const first = series[0] as BarSeries;
  const n = first.length;
  const assets = series.length;
  const closes = series.map((s) => s.close);
  const cost = (options.commissionBps + options.slippageBps) / 10_000;
  const equity = new Float64Array(n);
  const chosen = options.benchmarkCloses;
  const benchmarkEquity =
    chosen === undefined ? new Float64Array(n) : buyAndHoldEquity(chosen, options.initialCash);
  const benchmarks = new Float64Array(assets).fill(options.initialCash / assets);
  const traded = new Float64Array(n);
  const held = new Float64Array(Math.max(0, n - 1));

  let turnover = 0;
  for (let i = 0; i < assets; i++) turnover += abs((positions[i] as Float64Array)[0] as number);
  traded[0] = turnover;
  let equityValue = options.initialCash * (1 - turnover * cost);
  equity[0] = equityValue;
  if (chosen === undefined) benchmarkEquity[0] = options.initialCash;
  for (let t = 1; t < n; t++) {
    let gain = 0;
    let change = 0;
    let gross = 0;
    let benchmarkValue = 0;
    for (let i = 0; i < assets; i++) {
      const close = closes[i] as Float64Array;
      const position = positions[i] as Float64Array;
      const previous = position[t - 1] as number;
      const barReturn = (close[t] as number) / (close[t - 1] as number) - 1;
      gain += previous * barReturn;
      change += abs((position[t] as number) - previous);
      gross += abs(previous);
      const value = (benchmarks[i] as number) * (1 + barReturn);
      benchmarks[i] = value;
      benchmarkValue += value;
    }
    equityValue *= 1 + gain - change * cost;
    equity[t] = equityValue;
    if (chosen === undefined) benchmarkEquity[t] = benchmarkValue;
    traded[t] = change;
    held[t - 1] = gross;
  }

  const periodsPerYear = first.interval.periodsPerYear;
  const single = assets === 1 ? (positions[0] as Float64Array) : undefined;
  const measured = summary({
    equity,
    periodsPerYear,
    benchmarkEquity,
    // One asset: exactly the single-asset engine's inputs (trades, and exposure and turnover from the targets).
    ...(single === undefined
      ? { positions: held }
      : { targets: single, tradeReturns: tradeSpans(single, equity).returns }),
  });
  if (single === undefined) {
    // turnoverOf's formula, Σ |Δ position| summed over the assets.
    let total = 0;
    for (let t = 0; t < n; t++) total += traded[t] as number;
    measured.turnover = (total * periodsPerYear) / n;
  }
  let benchmark: RiskSummary | undefined;
  return {
    symbols: series.map((s) => s.symbol),
    interval: first.interval,
    time: first.time,
    positions,
    equity,
    benchmarkEquity,
    traded,
    summary: measured,
    get benchmark(): RiskSummary {
      return (benchmark ??= summary({ equity: benchmarkEquity, periodsPerYear }));
    },
  };
}

/** Aligned series of at least one bar, one position array per series and bar, bounded, gross ≤ 1; costs valid. */
function checkInputs(
  series: readonly BarSeries[],
  positions: readonly Float64Array[],
  options: BacktestOptions,
): void {
  const violations: FieldViolation[] = costViolations(options);
  const first = series[0];
  if (first === undefined) violations.push({ field: 'symbols', rule: 'must name at least one symbol' });
  else if (first.length === 0) violations.push({ field: 'bars', rule: 'must hold at least one bar' });
  else if (series.some((s) => s.length !== first.length || s.time.some((time, t) => time !== first.time[t])))
    violations.push({ field: 'symbols', rule: 'must be aligned on one calendar (align the series first)' });
  const benchmark = benchmarkClosesViolation(options.benchmarkCloses, first?.length ?? 0);
  if (benchmark !== undefined) violations.push(benchmark);
  if (positions.length !== series.length) {
    violations.push({
      field: 'positions',
      rule: `must hold one array per symbol (got ${positions.length} for ${series.length} symbols)`,
    });
  }
  if (violations.length === 0) {
    const n = (first as BarSeries).length;
    const bad = positions.findIndex((column) => column.length !== n);
    if (bad >= 0) {
      violations.push({
        field: `positions[${bad}]`,
        rule: `must have one value per bar (got ${positions[bad]?.length} for ${n} bars)`,
      });
    } else {
      for (let t = 0; t < n && violations.length === 0; t++) {
        let gross = 0;
        for (let i = 0; i < positions.length; i++) {
          const value = (positions[i] as Float64Array)[t] as number;
          if (!(value >= -1 && value <= 1)) {
            violations.push({
              field: `positions[${i}][${t}]`,
              rule: `must be an exposure in [-1, 1] (got ${value})`,
            });
            break;
          }
          gross += abs(value);
        }
        if (violations.length === 0 && gross > 1 + 1e-9)
          violations.push({
            field: `positions[${t}]`,
            rule: `must have a gross exposure of at most 1 (got ${gross})`,
          });
      }
    }
  }
  if (violations.length > 0) throw AetherError.invalid(violations, 'universe backtest');
}

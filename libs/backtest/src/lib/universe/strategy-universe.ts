import { AetherError, type BarSeries, type FieldViolation, type Period } from '@aetherquant/core';
import {
  clipLongOnly,
  type Strategy,
  type StrategyParameters,
  type UniverseStrategy,
} from '@aetherquant/strategies';
import { type BacktestResult, runBacktest } from '../engine/vectorised-backtest';
import {
  backtestStrategy,
  type StrategyBacktestOptions,
  type StrategyBacktestResult,
  warmupFrom,
} from '../engine/backtest-strategy';
import {
  lookbackWeights,
  parseLookback,
  type PortfolioAllocation,
  type PortfolioBacktestOptions,
  rebalanceBars,
  type RebalanceSchedule,
} from '../portfolio/portfolio-backtest';
import { runUniverseBacktest, type UniverseBacktestResult } from './universe-backtest';

/**
 * Costs, cash, direction and where the window starts, shared by both kinds of universe run. A chosen
 * benchmark's closes (`benchmarkCloses`) are one per bar of the window: the combined run and each symbol's
 * standalone one are measured against it.
 */
export interface UniverseRunOptions extends StrategyBacktestOptions {
  /** The index (in every aligned series) of the window's first bar; the bars before it are warm-up only. */
  windowStart?: number;
}

export interface SleeveOptions extends UniverseRunOptions {
  /** How the sleeves are weighted at each rebalance. */
  allocation: PortfolioAllocation;
  rebalance: RebalanceSchedule;
  /** The trailing window each rebalance estimates from (`1y`, `6mo`): bars in (t − lookback, t]. */
  lookback: Period | string;
  optimizer?: PortfolioBacktestOptions['optimizer'];
}

/** One rebalance of the sleeves: its bar (index in the window), time, weights and estimation window. */
export interface SleeveRebalance {
  index: number;
  time: number;
  weights: number[];
  /** Bars the weights were estimated from (fewer than the lookback holds when the history is short). */
  bars: number;
  /** False when the history started after the lookback window did. */
  complete: boolean;
}

/** A single-asset strategy run over a universe: the combined run, and each sleeve on its own. */
export type SleeveBacktestResult = UniverseBacktestResult & {
  parameters: StrategyParameters;
  /** Warm-up bars the strategy was computed from (the same for every symbol: the calendar is one). */
  warmupBars: number;
  /** Each symbol's standalone backtest of the strategy over the same window, with the same costs and benchmark. */
  sleeves: StrategyBacktestResult[];
  rebalances: SleeveRebalance[];
};

/** A cross-sectional strategy's run: the combined run, and each symbol's target column on its own. */
export type UniverseStrategyBacktestResult = UniverseBacktestResult & {
  parameters: StrategyParameters;
  warmupBars: number;
  /** Each symbol's targets backtested alone (as a single-asset run of that column), with the same costs. */
  columns: BacktestResult[];
};

/**
 * A single-asset strategy over a universe of aligned series: the strategy runs on each symbol as
 * `backtestStrategy` runs it (its own targets x_i, warmed up on exactly `warmupBars` bars before
 * `windowStart`; that run is the sleeve's standalone figures), and the sleeves are combined with weights w_i
 * set at each scheduled rebalance (`rebalanceBars` over the window: its first bar, then the first bar of each
 * month or quarter, or every N bars) from the closes of the trailing lookback only (bars ≤ the rebalance bar):
 *
 *   position_i[t] = w_i(last rebalance ≤ t) · x_i[t]        the rest of the equity is cash
 *
 * then the universe engine (`runUniverseBacktest`) with the same costs: a target decided at the close of t
 * earns t+1, and every change of a position (a strategy's or a rebalance's) is charged as traded notional.
 * Between rebalances the weights are constant fractions of the whole equity (the vectorised engine's
 * convention: a target is a fraction of equity), not drifting holdings. Weights are non-negative and sum to 1
 * (`allow short` is refused), so the gross exposure is at most 1.
 */
export function backtestStrategySleeves(
  series: readonly BarSeries[],
  strategy: Strategy,
  parameterInput: Record<string, unknown>,
  options: SleeveOptions,
): SleeveBacktestResult {
  const { lookback, windowStart } = checkSleeveOptions(series, options);
  const parameters = strategy.resolveParameters(parameterInput);
  const { allocation, rebalance, lookback: _lookback, optimizer, ...costs } = options;
  const sleeves = series.map((s) => backtestStrategy(s, strategy, parameters, { ...costs, windowStart }));
  const window = sleeves.map((sleeve) => sleeve.series);
  const first = window[0] as BarSeries;
  const n = first.length;
  const closes = series.map((s) => s.close);
  const times = (series[0] as BarSeries).time;
  const periodsPerYear = first.interval.periodsPerYear;

  const rebalances: SleeveRebalance[] = rebalanceBars(first.time, rebalance).map((index) => {
    const { weights, bars, complete } = lookbackWeights(
      closes,
      times,
      windowStart + index,
      lookback,
      periodsPerYear,
      { allocation, optimizer },
    );
    return { index, time: first.time[index] as number, weights, bars, complete };
  });
  const positions = sleeves.map(() => new Float64Array(n));
  let next = 0;
  let weights: number[] = [];
  for (let t = 0; t < n; t++) {
    if (next < rebalances.length && (rebalances[next] as SleeveRebalance).index === t) {
      weights = (rebalances[next] as SleeveRebalance).weights;
      next++;
    }
    for (let i = 0; i < sleeves.length; i++) {
      (positions[i] as Float64Array)[t] =
        (weights[i] as number) * ((sleeves[i] as StrategyBacktestResult).targets[t] as number);
    }
  }
  const combined = runUniverseBacktest(window, positions, costs);
  return Object.assign(combined, {
    parameters,
    warmupBars: (sleeves[0] as StrategyBacktestResult).warmupBars,
    sleeves,
    rebalances,
  });
}

/**
 * A cross-sectional strategy over a universe of aligned series: its targets computed on every series at once,
 * from exactly `warmupBars` bars before `windowStart` (or the first bar when there are fewer), then the
 * universe engine over the window with the targets as positions. The window must reach the first bar the
 * strategy is ready on, and one more to earn it (`warmupBars + 2` bars from where the targets start).
 */
export function backtestUniverseStrategy(
  series: readonly BarSeries[],
  strategy: UniverseStrategy,
  parameterInput: Record<string, unknown>,
  options: UniverseRunOptions,
): UniverseStrategyBacktestResult {
  const windowStart = checkWindow(series, options.windowStart ?? 0, []);
  const parameters = strategy.resolveParameters(parameterInput);
  const warmup = strategy.warmupBars(parameters);
  const from = warmupFrom(windowStart, warmup);
  const first = series[0] as BarSeries;
  const bars = from === 0 ? series : series.map((s) => s.slice(from));
  const needed = warmup + 2;
  if (first.length - from < needed) {
    const names = strategy.warmupParameters ?? strategy.parameters.map((spec) => spec.name);
    const values = names.map((name) => `${name} ${parameters[name]}`).join(', ');
    throw AetherError.invalid(
      [
        {
          field: 'bars',
          rule: `must number at least ${needed} for ${strategy.name}${values ? ` with ${values}` : ''} (got ${first.length - from})`,
        },
      ],
      `${series.map((s) => s.symbol).join(',')} ${first.interval.name}`,
      { required: needed, available: first.length - from },
    );
  }
  const all = strategy.targets(bars, parameters);
  if (options.longOnly) for (const column of all) clipLongOnly(column);
  const skip = windowStart - from;
  const positions = all.map((column) => (skip === 0 ? column : column.subarray(skip)));
  const window = windowStart === 0 ? [...series] : series.map((s) => s.slice(windowStart));
  const { windowStart: _start, longOnly: _longOnly, ...costs } = options;
  const combined = runUniverseBacktest(window, positions, costs);
  const columns = window.map((s, i) => runBacktest(s, positions[i] as Float64Array, costs));
  return Object.assign(combined, { parameters, warmupBars: skip, columns });
}

function checkSleeveOptions(
  series: readonly BarSeries[],
  options: SleeveOptions,
): { lookback: Period; windowStart: number } {
  const violations: FieldViolation[] = [];
  const { rebalance } = options;
  if (typeof rebalance === 'object' && !(Number.isInteger(rebalance.everyBars) && rebalance.everyBars >= 1)) {
    violations.push({
      field: 'rebalance',
      rule: `must be monthly, quarterly or a whole number of bars at least 1 (got ${rebalance.everyBars})`,
    });
  }
  if (options.optimizer?.allowShort) {
    violations.push({
      field: 'allow_short',
      rule: 'cannot weight strategy sleeves: sleeve weights are long-only (the strategy itself may go short)',
    });
  }
  const lookback = parseLookback(options.lookback, violations);
  const windowStart = checkWindow(series, options.windowStart ?? 0, violations);
  return { lookback: lookback as Period, windowStart };
}

/** At least one aligned series, `windowStart` one of its bars; throws with `violations` besides. */
function checkWindow(
  series: readonly BarSeries[],
  windowStart: number,
  violations: FieldViolation[],
): number {
  const first = series[0];
  if (first === undefined) violations.push({ field: 'symbols', rule: 'must name at least one symbol' });
  else if (series.some((s) => s.length !== first.length || s.time.some((time, t) => time !== first.time[t])))
    violations.push({ field: 'symbols', rule: 'must be aligned on one calendar (align the series first)' });
  else if (!(Number.isInteger(windowStart) && windowStart >= 0 && windowStart < first.length))
    violations.push({
      field: 'windowStart',
      rule: `must be the index of a bar of the series (got ${windowStart})`,
    });
  if (violations.length > 0) throw AetherError.invalid(violations, 'universe backtest');
  return windowStart;
}

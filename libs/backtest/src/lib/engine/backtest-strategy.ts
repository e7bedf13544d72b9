import { AetherError, type BarSeries } from '@aetherquant/core';
import { clipLongOnly, requireBars, type Strategy, type StrategyParameters } from '@aetherquant/strategies';
import { type BacktestOptions, type BacktestResult, runBacktest } from './vectorised-backtest';

export interface StrategyBacktestOptions extends BacktestOptions {
  /** Clip targets at 0: no short positions. */
  longOnly?: boolean;
  /**
   * The index of the first bar of the requested window (0 by default). The bars before it only warm the
   * strategy up: its targets are computed from at most `warmupBars(parameters)` of them (exactly that many
   * when there are enough, so the run does not depend on how much older history was loaded), and every
   * figure (equity, benchmark, trades, summaries) covers bars `[windowStart, length)` only, and a chosen
   * benchmark's `benchmarkCloses` are one per bar of that window.
   */
  windowStart?: number;
}

/** A strategy backtest's result: the engine's over the requested window, and how the strategy was warmed up. */
export type StrategyBacktestResult = BacktestResult & {
  parameters: StrategyParameters;
  /** Bars before the window the targets were computed from: `min(warmupBars(parameters), windowStart)`. */
  warmupBars: number;
};

/**
 * Where a strategy's targets start so that bar `windowStart` gets a warm target: `warmupBars` bars before
 * it, or the series' first bar when it holds fewer. Shared by backtests, sweeps and walk-forward windows so
 * that each evaluates a combination on exactly the same bars.
 */
export function warmupFrom(windowStart: number, warmupBars: number, earliest = 0): number {
  return Math.max(earliest, windowStart - warmupBars);
}

/**
 * Backtests a strategy on a series: parameters resolved (defaults, bounds, cross-rules) and the series
 * checked long enough for its windows before any work, then targets → engine → risk summaries.
 *
 * With `windowStart`, the bars before it are warm-up (see {@link StrategyBacktestOptions.windowStart}):
 * the series must still hold `warmupBars + 2` bars from where the targets start (as `requireBars` counts
 * them), i.e. the window must reach the first bar the strategy is ready on, and one more bar to earn it.
 */
export function backtestStrategy(
  series: BarSeries,
  strategy: Strategy,
  parameterInput: Record<string, unknown>,
  options: StrategyBacktestOptions,
): StrategyBacktestResult {
  const parameters = strategy.resolveParameters(parameterInput);
  const windowStart = options.windowStart ?? 0;
  if (!(Number.isInteger(windowStart) && windowStart >= 0 && windowStart < series.length)) {
    throw AetherError.invalid(
      [{ field: 'windowStart', rule: `must be the index of a bar of the series (got ${windowStart})` }],
      'backtest',
    );
  }
  const from = warmupFrom(windowStart, strategy.warmupBars(parameters));
  const bars = from === 0 ? series : series.slice(from);
  requireBars(bars, strategy, parameters);
  const allTargets = strategy.targets(bars, parameters);
  if (options.longOnly) clipLongOnly(allTargets);
  const skip = windowStart - from;
  const targets = skip === 0 ? allTargets : allTargets.subarray(skip);
  const window = windowStart === 0 ? series : series.slice(windowStart);
  // Attached rather than spread: spreading would read (and so compute) the lazy benchmark summary.
  return Object.assign(runBacktest(window, targets, options), { parameters, warmupBars: skip });
}

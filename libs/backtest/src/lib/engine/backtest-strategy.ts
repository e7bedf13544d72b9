import { type BarSeries } from '@aetherquant/core';
import { clipLongOnly, requireBars, type Strategy, type StrategyParameters } from '@aetherquant/strategies';
import { type BacktestOptions, type BacktestResult, runBacktest } from './vectorised-backtest';

export interface StrategyBacktestOptions extends BacktestOptions {
  /** Clip targets at 0: no short positions. */
  longOnly?: boolean;
}

/**
 * Backtests a strategy on a series: parameters resolved (defaults, bounds, cross-rules) and the series
 * checked long enough for its windows before any work, then targets → engine → risk summaries.
 */
export function backtestStrategy(
  series: BarSeries,
  strategy: Strategy,
  parameterInput: Record<string, unknown>,
  options: StrategyBacktestOptions,
): BacktestResult & { parameters: StrategyParameters } {
  const parameters = strategy.resolveParameters(parameterInput);
  requireBars(series, strategy, parameters);
  const targets = strategy.targets(series, parameters);
  if (options.longOnly) clipLongOnly(targets);
  // Attached rather than spread: spreading would read (and so compute) the lazy benchmark summary.
  return Object.assign(runBacktest(series, targets, options), { parameters });
}

import { type BarSeries } from '@aetherquant/core';
import { type StrategyBacktestOptions } from '@aetherquant/backtest';
import { type Strategy } from '@aetherquant/strategies';
import { type BarSource } from '../market-data/load-bars';
import { loadWarmBars } from '../market-data/load-warmup-bars';
import { strategyRegistryOf } from '../strategies/strategy-registry-of';
import { type WorkflowContext } from '../workflow/workflow-context';
import { tradingCosts } from './trading-costs';

/** The request fields every strategy run has: its bars, its costs, its strategy. */
export interface StrategyRunRequest extends Omit<BarSource, 'symbol'> {
  symbol?: string;
  strategy: string;
  initial_cash?: number;
  commission_bps?: number;
  slippage_bps?: number;
  long_only: boolean;
}

export interface PreparedStrategyRun {
  strategy: Strategy;
  /** The warm-up bars, then the requested window's: what the strategy's targets are computed on. */
  series: BarSeries;
  /** The bars of `series` before the requested window: the window's first bar is `series` bar `warmupBars`. */
  warmupBars: number;
  /** The requested window alone: what a run's figures, chart and recorded span cover. */
  window: BarSeries;
  /** Said when the data does not reach back far enough for the whole warm-up (see `loadWarmBars`). */
  warnings: string[];
  costs: Required<Omit<StrategyBacktestOptions, 'windowStart' | 'benchmarkCloses'>>;
  /** Where the bars came from, as results say it (`synthetic` included). */
  provider: string;
  /** The part of a recorded run's parameters every strategy run shares. */
  recordedParameters: Record<string, unknown>;
  /** The requested window's span and symbol, as a recorded run keeps them (warm-up bars excluded). */
  recordedSpan: { symbols: string[]; interval: string; start: Date; end: Date };
}

/**
 * What backtests, sweeps, walk-forward and trading runs start from: the strategy, from the context's
 * registry (an unknown name fails first, before any download), the bars of the request's symbol (or the
 * settings' default) with the warm-up bars `warmup(strategy)` says the run needs loaded before them (see
 * `loadWarmBars`; `warmup` may throw for bad parameters, before any download), and the costs and cash (or the
 * settings').
 */
export async function prepareStrategyRun(
  request: StrategyRunRequest,
  context: WorkflowContext,
  warmup: (strategy: Strategy) => number,
): Promise<PreparedStrategyRun> {
  const { settings } = context;
  const strategy = (await strategyRegistryOf(context)).get(request.strategy);
  const needed = warmup(strategy);
  const { series, warmupBars, window, warnings } = await loadWarmBars(
    { ...request, symbol: request.symbol ?? settings.defaultSymbol },
    needed,
    context,
    strategy.name,
  );
  const costs = tradingCosts(request, settings);
  const provider = series.provenance?.provider ?? request.provider ?? settings.data.provider;
  return {
    strategy,
    series,
    warmupBars,
    window,
    warnings,
    costs,
    provider,
    recordedParameters: {
      strategy: strategy.name,
      provider,
      commission_bps: costs.commissionBps,
      slippage_bps: costs.slippageBps,
      initial_cash: costs.initialCash,
      long_only: costs.longOnly,
    },
    recordedSpan: {
      symbols: [window.symbol],
      interval: window.interval.name,
      start: new Date(window.time[0] as number),
      end: new Date(window.time[window.length - 1] as number),
    },
  };
}

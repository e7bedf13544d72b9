import { type BarSeries } from '@aetherquant/core';
import { type StrategyBacktestOptions } from '@aetherquant/backtest';
import { type Strategy } from '@aetherquant/strategies';
import { type BarSource, loadBars } from '../market-data/load-bars';
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
  series: BarSeries;
  costs: Required<StrategyBacktestOptions>;
  /** Where the bars came from, as results say it (`synthetic` included). */
  provider: string;
  /** The part of a recorded run's parameters every strategy run shares. */
  recordedParameters: Record<string, unknown>;
  /** The bars' span and symbol, as a recorded run keeps them. */
  recordedSpan: { symbols: string[]; interval: string; start: Date; end: Date };
}

/**
 * What backtests, sweeps and walk-forward runs start from: the strategy, from the context's registry (an
 * unknown name fails first, before any download), the bars of the request's symbol (or the settings'
 * default), and the costs and cash (or the settings').
 */
export async function prepareStrategyRun(
  request: StrategyRunRequest,
  context: WorkflowContext,
): Promise<PreparedStrategyRun> {
  const { settings } = context;
  const strategy = (await strategyRegistryOf(context)).get(request.strategy);
  const series = await loadBars({ ...request, symbol: request.symbol ?? settings.defaultSymbol }, context);
  const costs = tradingCosts(request, settings);
  const provider = series.provenance?.provider ?? request.provider ?? settings.data.provider;
  return {
    strategy,
    series,
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
      symbols: [series.symbol],
      interval: series.interval.name,
      start: new Date(series.time[0] as number),
      end: new Date(series.time[series.length - 1] as number),
    },
  };
}

import { type Settings } from '@aetherquant/core';
import { type StrategyBacktestOptions } from '@aetherquant/backtest';

/** A request's costs, cash and direction, each defaulting to the settings. */
export function tradingCosts(
  request: { initial_cash?: number; commission_bps?: number; slippage_bps?: number; long_only: boolean },
  settings: Settings,
): Required<Omit<StrategyBacktestOptions, 'windowStart' | 'benchmarkCloses'>> {
  return {
    initialCash: request.initial_cash ?? settings.initialCash,
    commissionBps: request.commission_bps ?? settings.commissionBps,
    slippageBps: request.slippage_bps ?? settings.slippageBps,
    longOnly: request.long_only,
  };
}

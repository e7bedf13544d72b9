// The public API of @aetherquant/backtest.

export {
  runBacktest,
  type BacktestOptions,
  type BacktestResult,
  type CostModel,
} from './lib/engine/vectorised-backtest';
export { backtestStrategy, type StrategyBacktestOptions } from './lib/engine/backtest-strategy';
export { extractTrades, type Trade } from './lib/engine/trades';

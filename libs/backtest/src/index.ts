// The public API of @aetherquant/backtest.

export {
  runBacktest,
  type BacktestOptions,
  type BacktestResult,
  type CostModel,
} from './lib/engine/vectorised-backtest';
export { backtestStrategy, type StrategyBacktestOptions } from './lib/engine/backtest-strategy';
export { extractTrades, tradeSpans, tradesFromSpans, type Trade, type TradeSpans } from './lib/engine/trades';

export {
  combinationAt,
  expandGrid,
  gridCombinations,
  MAX_GRID_COMBINATIONS,
  MAX_RANGE_VALUES,
  parseRange,
  type ParameterGrid,
} from './lib/sweep/parameter-grid';
export { RANK_METRICS, type GridSearchOptions, type RankMetric, type SweepRow } from './lib/sweep/sweep-plan';
export { runSweep, type SweepOptions, type SweepResult } from './lib/sweep/run-sweep';
export {
  runWalkForward,
  walkForwardWindows,
  type WalkForwardOptions,
  type WalkForwardResult,
  type WalkForwardSpan,
  type WalkForwardWindow,
  type WindowLength,
} from './lib/walk-forward/walk-forward';
export {
  rebalanceBars,
  runPortfolioBacktest,
  type PortfolioBacktestOptions,
  type PortfolioBacktestResult,
  type Rebalance,
  type RebalanceSchedule,
} from './lib/portfolio/portfolio-backtest';

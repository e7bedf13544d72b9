// The public API of @aetherquant/backtest: the vectorised engine, strategy backtests, parameter sweeps,
// walk-forward analysis and portfolio backtests. How the engine finds trades and walks a grid, and the
// rebalance calendar, stay internal; the API report (api/backtest.api.md) shows the surface.

export {
  runBacktest,
  type BacktestOptions,
  type BacktestResult,
  type CostModel,
} from './lib/engine/vectorised-backtest';
export {
  backtestStrategy,
  type StrategyBacktestOptions,
  type StrategyBacktestResult,
} from './lib/engine/backtest-strategy';
export { buyAndHoldEquity } from './lib/engine/buy-and-hold';
export { type Trade } from './lib/engine/trades';

export { gridCombinations, gridWarmupBars, parseRange, type ParameterGrid } from './lib/sweep/parameter-grid';
export { RANK_METRICS, type GridSearchOptions, type RankMetric, type SweepRow } from './lib/sweep/sweep-plan';
export {
  mergeSweepParts,
  runSweep,
  runSweepPart,
  type SweepOptions,
  type SweepPart,
  type SweepResult,
} from './lib/sweep/run-sweep';
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
  runPortfolioBacktest,
  type PortfolioBacktestOptions,
  type PortfolioBacktestResult,
  type Rebalance,
  type RebalanceSchedule,
} from './lib/portfolio/portfolio-backtest';

// Universes: the universe engine (positions in several aligned assets), a single-asset strategy run over a
// universe as weighted sleeves, and cross-sectional (universe) strategies.
export { runUniverseBacktest, type UniverseBacktestResult } from './lib/universe/universe-backtest';
export {
  backtestStrategySleeves,
  backtestUniverseStrategy,
  type SleeveBacktestResult,
  type SleeveOptions,
  type SleeveRebalance,
  type UniverseRunOptions,
  type UniverseStrategyBacktestResult,
} from './lib/universe/strategy-universe';
export {
  lookbackWeights,
  type LookbackWeights,
  type PortfolioAllocation,
} from './lib/portfolio/portfolio-backtest';

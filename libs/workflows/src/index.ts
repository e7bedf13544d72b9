// The public API of @aetherquant/workflows: the use cases the API and the CLI share.

export { defineWorkflow, runWorkflow, type RunOptions, type Workflow } from './lib/workflow/workflow';
export { type WorkflowContext } from './lib/workflow/workflow-context';
export { type RequestLimits } from './lib/limits/request-limits';
export { type ChartSeries } from './lib/chart/chart-series';
export { type RecordingFields } from './lib/runs/record-run';
export { loadSettings, type LoadSettingsOptions } from './lib/settings/load-settings';
export { parseEnvFile } from './lib/settings/env-file';
export { signalWorkflow, type SignalResult } from './lib/signal/signal.workflow';
export { fetchWorkflow, type FetchResult, type FetchSummary } from './lib/fetch/fetch.workflow';
export { barsWorkflow, type BarsReport } from './lib/fetch/bars.workflow';
export { strategiesWorkflow, type StrategiesReport } from './lib/strategies/strategies.workflow';
export { type StrategyDescription } from '@aetherquant/strategies';
export { writeFileAtomic } from './lib/files/write-file-atomic';
export {
  getRunWorkflow,
  initDatabaseWorkflow,
  listAuditWorkflow,
  listRunsWorkflow,
} from './lib/history/history.workflows';
export {
  type AuditEventView,
  type OrderView,
  type RunDetailView,
  type RunView,
} from './lib/history/history-views';
export { withDatabase } from './lib/history/with-database';
export { backtestWorkflow } from './lib/backtest/backtest.workflow';
export { type BacktestReport, type MetricsReport } from './lib/backtest/backtest-report';
export { loadBars, type BarSource } from './lib/market-data/load-bars';
export { recordRun, type RunRecording } from './lib/runs/record-run';
export { sweepWorkflow, type SweepEntry, type SweepReport } from './lib/sweep/sweep.workflow';
export {
  walkForwardWorkflow,
  type WalkForwardReport,
  type WalkForwardWindowReport,
} from './lib/walk-forward/walk-forward.workflow';
export { optimizeWorkflow, type OptimizeReport } from './lib/portfolio/optimize.workflow';
export {
  portfolioBacktestWorkflow,
  type PortfolioBacktestReport,
} from './lib/portfolio/portfolio-backtest.workflow';
export { loadAlignedBars, type AlignedBars } from './lib/market-data/load-aligned-bars';
export { papertradeWorkflow, type PapertradeReport } from './lib/trading/papertrade.workflow';
export { liveTradeWorkflow, type LiveTradeReport } from './lib/trading/live-trade.workflow';

// The database the apps keep open (the API), for them to reach it through this package only.
export {
  openDatabase,
  type AuditStore,
  type Database,
  type NewAuditEvent,
  type NewRun,
} from '@aetherquant/persistence';
export { RecentBars } from '@aetherquant/data';

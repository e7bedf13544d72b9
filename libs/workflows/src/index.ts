// The public API of @aetherquant/workflows: the use cases the API and the CLI share.

export { defineWorkflow, runWorkflow, type RunOptions, type Workflow } from './lib/workflow/workflow';
export { type WorkflowContext } from './lib/workflow/workflow-context';
export { type RequestLimits } from './lib/limits/request-limits';
export { loadSettings, type LoadSettingsOptions } from './lib/settings/load-settings';
export { parseEnvFile } from './lib/settings/env-file';
export { signalWorkflow, type SignalResult } from './lib/signal/signal.workflow';
export { fetchWorkflow, type FetchResult } from './lib/fetch/fetch.workflow';
export { barsWorkflow } from './lib/fetch/bars.workflow';
export { strategiesWorkflow } from './lib/strategies/strategies.workflow';
export { writeFileAtomic } from './lib/files/write-file-atomic';
export {
  getRunWorkflow,
  initDatabaseWorkflow,
  listAuditWorkflow,
  listRunsWorkflow,
} from './lib/history/history.workflows';
export { withDatabase } from './lib/history/with-database';
export { backtestWorkflow } from './lib/backtest/backtest.workflow';
export { countSourceBars, loadBars, type BarSource } from './lib/market-data/load-bars';
export { recordRun, type RunRecording } from './lib/runs/record-run';
export { sweepWorkflow } from './lib/sweep/sweep.workflow';
export { walkForwardWorkflow } from './lib/walk-forward/walk-forward.workflow';
export { optimizeWorkflow } from './lib/portfolio/optimize.workflow';
export { portfolioBacktestWorkflow } from './lib/portfolio/portfolio-backtest.workflow';
export { loadAlignedBars, type AlignedBars } from './lib/market-data/load-aligned-bars';
export { papertradeWorkflow } from './lib/trading/papertrade.workflow';
export { liveTradeWorkflow, type LiveTradeReport } from './lib/trading/live-trade.workflow';

// The JSON shapes the use cases return: defined in @aetherquant/core (browser-safe, so the dashboard reads the
// same types), re-exported here so the apps keep importing them with their workflows.
export {
  type AuditEventView,
  type BacktestReport,
  type BarsReport,
  type ChartSeries,
  type FetchSummary,
  type MetricsReport,
  type OptimizeReport,
  type OrderView,
  type PapertradeReport,
  type PortfolioBacktestReport,
  type RecordingFields,
  type RunDetailView,
  type RunView,
  type StrategiesReport,
  type StrategyDescription,
  type SweepEntry,
  type SweepReport,
  type WalkForwardReport,
  type WalkForwardWindowReport,
} from '@aetherquant/core';

// The database the apps keep open (the API), for them to reach it through this package only.
export {
  AUDIT_TEXT_LIMITS,
  clipText,
  openDatabase,
  type AuditStore,
  type Database,
  type NewAuditEvent,
  type NewRun,
} from '@aetherquant/persistence';
export { RecentBars, type RecentBarsOptions, type RecentBarsStats } from '@aetherquant/data';

// The public API of @aetherquant/workflows: the implementation of every use case of the catalog in
// @aetherquant/core, which the API and the CLI share. Loading this package is cheap: each use case's module
// (and the libraries it needs) is loaded when that use case first runs. What a long-running app keeps open
// between requests (the database, the recent-bars cache) loads persistence and data, so it has an entry point
// of its own: `@aetherquant/workflows/server` (src/server.ts).

export {
  runWorkflow,
  type RunOptions,
  type Workflow,
  type WorkflowName,
  type WorkflowRequest,
} from './lib/workflow/workflow';
export { type Caller, type WorkflowContext } from './lib/workflow/workflow-context';
// The job engine's interface only: its implementations (BullMQ, threads) are in `@aetherquant/workflows/jobs`.
export { type JobEngine, type JobQuery } from './lib/jobs/job-engine';
export { runUseCase } from './lib/use-cases/workflow-registry';
export { loadSettings, type LoadSettingsOptions } from './lib/settings/load-settings';
export { parseEnvFile } from './lib/settings/env-file';
export { type SignalResult } from './lib/signal/signal.workflow';
export { type FetchResult } from './lib/fetch/fetch.workflow';

// The JSON shapes the use cases return: defined in @aetherquant/core (browser-safe, so the dashboard reads the
// same types), re-exported here so the apps keep importing them with their workflows.
export {
  type AuditEventView,
  type BacktestReport,
  type BarsReport,
  type ChartSeries,
  type FetchSummary,
  type LiveTradeReport,
  type MetricsReport,
  type OptimizeReport,
  type OrderView,
  type PapertradeReport,
  type PortfolioBacktestReport,
  type RecordingFields,
  type RequestLimits,
  type RunDetailView,
  type RunView,
  type StrategiesReport,
  type StrategyDescription,
  type SweepEntry,
  type SweepReport,
  type WalkForwardReport,
  type WalkForwardWindowReport,
} from '@aetherquant/core';

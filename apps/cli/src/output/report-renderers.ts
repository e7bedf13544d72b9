// The one registry of how the CLI prints what its commands return, keyed by the shape of the report: the use
// case's name where a use case returns it (its response schema in the catalog), else what the command makes.
// Commands name their kind in `present(kind, view)`; nothing else in the CLI formats a report.

import {
  type AuditReport,
  type BacktestReport,
  type FetchFolderSummary,
  type FetchSummary,
  type JobStatus,
  type LiveTradeReport,
  type OptimizeReport,
  type PapertradeReport,
  type PortfolioBacktestReport,
  type RunsReport,
  type Settings,
  type SweepReport,
  type WalkForwardReport,
} from '@aetherquant/core';
import { type SignalResult } from '@aetherquant/workflows';
import type { CheckedStrategyModule } from '@aetherquant/workflows/strategies';
import { type ReportRenderer } from './report-renderer';
import { backtestRenderer } from './renderers/backtest.renderer';
import { fetchFolderRenderer, fetchRenderer } from './renderers/fetch.renderer';
import { reportFilesRenderer, type ReportFilesView } from './renderers/report-files.renderer';
import { auditRenderer, runsRenderer } from './renderers/history.renderer';
import {
  jobRenderer,
  jobsRenderer,
  type JobsView,
  submittedJobRenderer,
  type SubmittedJobView,
} from './renderers/jobs.renderer';
import { liveTradeRenderer } from './renderers/live-trade.renderer';
import { optimizeRenderer } from './renderers/optimize.renderer';
import { papertradeRenderer } from './renderers/papertrade.renderer';
import { portfolioBacktestRenderer } from './renderers/portfolio-backtest.renderer';
import { settingsRenderer } from './renderers/settings.renderer';
import { signalRenderer } from './renderers/signal.renderer';
import {
  type ListedStrategy,
  strategiesRenderer,
  strategyCheckRenderer,
} from './renderers/strategies.renderer';
import { sweepRenderer } from './renderers/sweep.renderer';
import {
  databaseReadyRenderer,
  envFileRenderer,
  type EnvFileView,
  generatedKeysRenderer,
  type GeneratedKeysView,
  runSpecRenderer,
  type RunSpecView,
  scaffoldedRenderer,
  type ScaffoldedView,
} from './renderers/text.renderer';
import { walkForwardRenderer } from './renderers/walk-forward.renderer';

/** What each kind of output is given to print. */
export interface ReportViews {
  // Use cases' reports, by the catalog's name.
  backtest: BacktestReport;
  portfolioBacktest: PortfolioBacktestReport;
  sweep: SweepReport;
  walkForward: WalkForwardReport;
  optimize: OptimizeReport;
  papertrade: PapertradeReport;
  liveTrade: LiveTradeReport;
  signal: SignalResult;
  fetch: FetchSummary;
  fetchFolder: FetchFolderSummary;
  initDatabase: { status: 'ok' };
  runs: RunsReport;
  audit: AuditReport;
  jobs: JobsView;
  job: JobStatus;
  strategies: { strategies: ListedStrategy[] };
  // What commands make themselves.
  submittedJob: SubmittedJobView;
  settings: Settings;
  strategyCheck: CheckedStrategyModule;
  scaffolded: ScaffoldedView;
  generatedKeys: GeneratedKeysView;
  envFile: EnvFileView;
  runSpec: RunSpecView;
  reportFiles: ReportFilesView;
}

export type ReportKind = keyof ReportViews;

/** Exhaustive by type: a kind without a renderer does not compile. */
export const REPORT_RENDERERS: { readonly [Kind in ReportKind]: ReportRenderer<ReportViews[Kind]> } = {
  backtest: backtestRenderer,
  portfolioBacktest: portfolioBacktestRenderer,
  sweep: sweepRenderer,
  walkForward: walkForwardRenderer,
  optimize: optimizeRenderer,
  papertrade: papertradeRenderer,
  liveTrade: liveTradeRenderer,
  signal: signalRenderer,
  fetch: fetchRenderer,
  fetchFolder: fetchFolderRenderer,
  initDatabase: databaseReadyRenderer,
  runs: runsRenderer,
  audit: auditRenderer,
  jobs: jobsRenderer,
  job: jobRenderer,
  strategies: strategiesRenderer,
  submittedJob: submittedJobRenderer,
  settings: settingsRenderer,
  strategyCheck: strategyCheckRenderer,
  scaffolded: scaffoldedRenderer,
  generatedKeys: generatedKeysRenderer,
  envFile: envFileRenderer,
  runSpec: runSpecRenderer,
  reportFiles: reportFilesRenderer,
};

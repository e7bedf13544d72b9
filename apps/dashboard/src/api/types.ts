// The API's responses the dashboard reads. Their shapes are defined once, in @aetherquant/core (browser-safe),
// where the workflows that produce them take them from too: snake_case JSON. They keep core's names (no
// aliases), so a type reads the same here as in the workflows, and never collides with persistence's
// record names (RunSummary, RunDetail, AuditEvent); only what the API alone answers (the key check) is
// declared here.

export type {
  AuditEventView,
  AuditReport,
  BacktestReport,
  BarsReport,
  ChartSeries,
  HeadlineFigures,
  JobProgress,
  JobsReport,
  JobStatus,
  JobStatusName,
  JobUseCaseName,
  ListedRunView,
  LiveTradeReport,
  MetricsReport,
  OptimizeReport,
  OrderView,
  PaperOrderView,
  PapertradeReport,
  PortfolioBacktestReport,
  RunDetailView,
  RunSpecView,
  RunsReport,
  StrategiesReport,
  StrategyDescription,
  SweepEntry,
  SweepReport,
  TradeView,
  WalkForwardReport,
  WalkForwardWindowReport,
} from '@aetherquant/core';

/** `GET /api/keycheck`: the role the key grants. */
export type { KeycheckReport as KeycheckResponse } from '@aetherquant/core';

// The public API of @aetherquant/core. Browser-safe: nothing here touches Node or the environment.

export {
  AetherError,
  ERROR_CODES,
  isAetherError,
  type AetherErrorDetails,
  type ErrorCode,
  type FieldViolation,
} from './lib/errors/aether-error';

export {
  BAR_COLUMNS,
  BarSeries,
  type Bar,
  type BarColumn,
  type BarSeriesInit,
  type Provenance,
  type ColumnInput,
} from './lib/bars/bar-series';
export { firstIndexAtOrAfter } from './lib/bars/sorted-search';

export {
  INTERVAL_NAMES,
  TRADING_DAYS_PER_YEAR,
  TRADING_MINUTES_PER_DAY,
  parseInterval,
  type Interval,
  type IntervalName,
  type IntervalUnit,
} from './lib/time/interval';
export { parsePeriod, periodWindow, type Period, type PeriodUnit, type TimeWindow } from './lib/time/period';
export { DAY_MS, formatBarTime, formatIsoDate, parseIsoTime } from './lib/time/iso-time';

export { normalizeSymbol } from './lib/symbols/symbol';

export {
  PERMISSIONS,
  PERMISSION_MIN_ROLE,
  ROLES,
  isRole,
  roleCan,
  type Permission,
  type Role,
} from './lib/access/access-policy';

export {
  CACHE_DISABLED,
  DATA_PROVIDERS,
  DATABASE_DISABLED,
  DEFAULT_DATABASE_URL,
  LIVE_BROKER_PROVIDERS,
  LOG_LEVELS,
  SETTING_DEFINITIONS,
  SETTING_NAMES,
  parseSettings,
  redactSettings,
  type DataProviderName,
  type LiveBrokerProvider,
  type LogLevel,
  type ParsedSettings,
  type SettingName,
  type Settings,
} from './lib/settings/settings-schema';

export { REDACTED, redactUrlCredentials, urlCredentials } from './lib/redaction/url-credentials';

export { parseBoolean, parseDecimal } from './lib/validation/numeric-text';
export { check, validate, type CheckResult, type ValidateOptions } from './lib/validation/validate';

export {
  DEFAULT_SIGNAL_THRESHOLD,
  SIGNALS,
  signalRequestSchema,
  type Signal,
  type SignalRequest,
} from './lib/requests/signal-request';
export { fetchRequestSchema, type FetchRequest } from './lib/requests/fetch-request';
export { DEFAULT_SYNTHETIC_SEED } from './lib/requests/bar-source';
export { EQUAL_WEIGHT_BENCHMARK } from './lib/requests/benchmark-field';
export {
  getRunRequestSchema,
  initDatabaseRequestSchema,
  listAuditRequestSchema,
  listRunsRequestSchema,
  MAX_HISTORY_LIMIT,
  RECORDED_RUN_TYPES,
  type RecordedRunType,
  type ListAuditRequest,
  type ListRunsRequest,
} from './lib/requests/history-requests';
export {
  runReportRequestSchema,
  RUN_REPORT_FORMATS,
  RUN_REPORT_TABLES,
} from './lib/requests/run-report-request';
export {
  backtestRequestSchema,
  RANK_METRICS,
  sweepRequestSchema,
  walkForwardRequestSchema,
  type BacktestRequest,
  type RankMetric,
  type SweepRequest,
  type WalkForwardRequest,
} from './lib/requests/backtest-request';
export {
  ALLOCATIONS,
  COVARIANCE_ESTIMATORS,
  OPTIMIZATION_METHODS,
  optimizeRequestSchema,
  portfolioBacktestRequestSchema,
  type OptimizationMethodName,
  type OptimizeRequest,
  type PortfolioBacktestRequest,
} from './lib/requests/portfolio-requests';
export {
  DEFAULT_PAPERTRADE_PERIOD,
  liveTradeRequestSchema,
  papertradeRequestSchema,
  type LiveTradeRequest,
  type PapertradeRequest,
} from './lib/requests/trading-requests';
// The use-case catalog: every use case's request, response, permission and route, which every transport derives from.
export {
  USE_CASES,
  USE_CASE_NAMES,
  barsRequestSchema,
  emptyRequestSchema,
  findUseCase,
  remoteRequestSchema,
  type HttpUseCaseInput,
  type CallableUseCaseName,
  type HttpUseCaseName,
  type UseCaseInput,
  type UseCaseName,
  type UseCaseOutput,
} from './lib/use-cases/use-case-catalog';
export { type HttpMethod, type HttpRoute, type UseCase } from './lib/use-cases/use-case';
export {
  API_ROUTES,
  endpointPath,
  routeOf,
  useCaseFor,
  type ApiRoute,
  type RouteUseCase,
} from './lib/use-cases/http-routes';
export {
  SERVER_REQUEST_LIMITS,
  type RequestLimitName,
  type RequestLimits,
} from './lib/use-cases/request-limits';
export { apiErrorBody, errorFromApiBody, type ApiErrorBody } from './lib/api/api-error-body';

// The JSON shapes the use cases return, as zod schemas (the OpenAPI document and the conformance tests read
// them) with their types inferred, shared by the apps and the dashboard.
export { recordingFieldsSchema, type RecordingFields } from './lib/reports/recording-fields';
export { chartSeriesSchema, type ChartSeries } from './lib/reports/chart-series';
export {
  backtestReportSchema,
  headlineFiguresSchema,
  metricsReportSchema,
  tradeViewSchema,
  type BacktestReport,
  type HeadlineFigures,
  type MetricsReport,
  type TradeView,
} from './lib/reports/backtest-report';
export {
  paperOrderViewSchema,
  papertradeReportSchema,
  type PaperOrderView,
  type PapertradeReport,
} from './lib/reports/papertrade-report';
export {
  optimizeReportSchema,
  portfolioBacktestReportSchema,
  type OptimizeReport,
  type PortfolioBacktestReport,
} from './lib/reports/portfolio-reports';
export {
  sweepEntrySchema,
  sweepReportSchema,
  walkForwardReportSchema,
  walkForwardWindowReportSchema,
  type SweepEntry,
  type SweepReport,
  type WalkForwardReport,
  type WalkForwardWindowReport,
} from './lib/reports/sweep-reports';
export {
  barsReportSchema,
  FETCH_FILE_STATUSES,
  fetchFileSummarySchema,
  fetchFolderSummarySchema,
  fetchSummarySchema,
  type BarsReport,
  type FetchFileSummary,
  type FetchFolderSummary,
  type FetchSummary,
} from './lib/reports/bars-report';
export {
  fetchFolderResultSchema,
  fetchResultSchema,
  fetchSymbolResultSchema,
  signalResultSchema,
} from './lib/reports/signal-and-fetch';
export {
  strategiesReportSchema,
  strategyDescriptionSchema,
  strategyParameterDescriptionSchema,
  type StrategiesReport,
  type StrategyDescription,
  type StrategyParameterDescription,
} from './lib/reports/strategies-report';
export {
  auditEventViewSchema,
  auditReportSchema,
  listedRunViewSchema,
  orderViewSchema,
  runDetailViewSchema,
  runSpecSchema,
  runsReportSchema,
  runViewSchema,
  type AuditEventView,
  type AuditReport,
  type ListedRunView,
  type OrderView,
  type RunDetailView,
  type RunSpecView,
  type RunsReport,
  type RunView,
} from './lib/reports/history-views';
export {
  runReportSchema,
  REPORT_CONTENT_SECURITY_POLICY,
  REPORT_WARNINGS_HEADER,
  reportHeaders,
  reportFromResponse,
  type RunReport,
} from './lib/reports/run-report';

// The reports of the use cases only the CLI runs (live trading, the database) and of the key check.
export {
  accountViewSchema,
  liveOrderViewSchema,
  liveTradeReportSchema,
  type LiveTradeReport,
} from './lib/reports/live-trade-report';
export { databaseStatusSchema, type DatabaseStatus } from './lib/reports/database-status';
export { keycheckReportSchema, type KeycheckReport } from './lib/reports/keycheck-report';

// HTTP retry and timeouts
export { retryAfterSeconds } from './lib/http/retry-after';
export {
  upstreamFailure,
  type AbortSignalLike,
  type AttemptFailure,
  type HttpAnswer,
  type PlatformAbortSignal,
  type ResponseLike,
  type RetryPolicy,
} from './lib/http/retry-policy';
export { sendWithRetry, type RetriedCall, type RetryClock } from './lib/http/send-with-retry';
export {
  surfaceProblems,
  type ApiHandlerSurface,
  type CliCommandSurface,
  type OpenApiOperationSurface,
  type UseCaseSurfaces,
} from './lib/use-cases/surface-problems';

// strategy registry facts: the default strategy requests fall back to, and the history lists' default page sizes.
export { DEFAULT_STRATEGY } from './lib/requests/strategy-fields';
export {
  DEFAULT_JOBS_LIMIT,
  FINISHED_JOB_STATUSES,
  JOB_STATUSES,
  JOB_USE_CASE_NAMES,
  jobIdRequestSchema,
  jobProgressSchema,
  jobReportSchema,
  jobsReportSchema,
  jobStatusSchema,
  jobSubmissionSchema,
  listJobsRequestSchema,
  MAX_JOBS_LIMIT,
  type JobProgress,
  type JobsReport,
  type JobStatus,
  type JobStatusName,
  type JobSubmission,
  type JobUseCaseName,
  type ListJobsRequest,
} from './lib/jobs/job-schemas';
export { DEFAULT_AUDIT_LIMIT, DEFAULT_RUNS_LIMIT } from './lib/requests/history-requests';
export {
  formatCount,
  formatDecimal,
  formatDuration,
  formatMoney,
  formatParams,
  formatPercent,
  formatPrice,
  formatSignedPercent,
  formatTime,
  formatWindow,
  MISSING,
} from './lib/format/number-format';
export {
  FIGURES,
  figureSpec,
  formatFigure,
  type FigureKind,
  type FigureSpec,
} from './lib/format/figure-catalog';

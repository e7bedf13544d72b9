// The API's responses the dashboard reads. Their shapes are defined once, in @aetherquant/core (browser-safe),
// where the workflows that produce them take them from too: snake_case JSON. The names here are the
// dashboard's; only what the API alone answers (the key check) is declared here.

import { type Role } from '@aetherquant/core';

export type {
  AuditEventView as AuditEvent,
  AuditReport as AuditResponse,
  BacktestReport,
  ChartSeries,
  ListedRunView as RunSummary,
  MetricsReport as BacktestMetrics,
  OptimizeReport,
  OrderView as RunOrder,
  PaperOrderView as PaperOrder,
  PapertradeReport,
  RunDetailView as RunDetail,
  RunsReport as RunsResponse,
  StrategiesReport as StrategiesResponse,
  StrategyDescription,
  StrategyParameterDescription as StrategyParameter,
  TradeView,
} from '@aetherquant/core';

/** `GET /api/keycheck`: the role the key grants. */
export interface KeycheckResponse {
  status: 'ok';
  role: Role;
}

// The subset of the API's responses the dashboard reads. The dashboard cannot import @aetherquant/workflows
// (Node-only), so these mirror its report interfaces (libs/workflows/src/lib/**) by hand: snake_case JSON.

import { type Role } from '@aetherquant/core';

export interface KeycheckResponse {
  status: 'ok';
  role: Role;
}

export interface StrategyParameter {
  name: string;
  description: string;
  kind: 'integer' | 'number';
  default: number;
  min: number;
  max: number;
}

export interface StrategyDescription {
  name: string;
  description: string;
  parameters: StrategyParameter[];
}

export interface StrategiesResponse {
  strategies: StrategyDescription[];
}

/** Columns of equal length: bar times, equity, benchmark equity and drawdown (≤ 0). */
export interface ChartSeries {
  time: string[];
  equity: number[];
  benchmark: number[];
  drawdown: number[];
}

export interface TradeView {
  side: 'long' | 'short';
  entry: string;
  exit: string;
  entry_price: number;
  exit_price: number;
  return: number;
  bars_held: number;
  open: boolean;
}

export interface BacktestMetrics {
  volatility: number | null;
  sortino: number | null;
  calmar: number | null;
  total_return: number | null;
  win_rate: number | null;
  exposure: number | null;
}

export interface BacktestReport {
  symbol: string;
  rows: number;
  annual_return: number | null;
  max_drawdown: number | null;
  sharpe: number | null;
  final_equity: number;
  benchmark_annual_return: number | null;
  benchmark_max_drawdown: number | null;
  benchmark_sharpe: number | null;
  benchmark_final_equity: number;
  excess_annual_return: number | null;
  run_id?: string;
  provider: string;
  strategy: string;
  params: Record<string, number>;
  first: string;
  last: string;
  trades: number;
  metrics: BacktestMetrics;
  warnings?: string[];
  chart?: ChartSeries;
  trade_list?: TradeView[];
}

export interface PaperOrder {
  client_order_id: string;
  time: string;
  side: string;
  quantity: number;
  status: string;
  fill_price?: number;
  commission?: number;
  reason?: string;
}

export interface PapertradeReport {
  symbol: string;
  broker: 'paper';
  provider: string;
  strategy: string;
  params: Record<string, number>;
  first: string;
  last: string;
  orders_placed: number;
  start_equity: number;
  final_equity: number;
  cash: number;
  /** Shares held at the end. */
  position: number;
  orders: PaperOrder[];
  run_id?: string;
  warnings?: string[];
  chart?: ChartSeries;
}

export interface OptimizeReport {
  method: string;
  symbols: string[];
  weights: Record<string, number>;
  risk_contributions: Record<string, number>;
  expected_return: number | null;
  volatility: number | null;
  rows: number;
  provider: string;
  first: string;
  last: string;
  run_id?: string;
  warnings?: string[];
}

export interface RunOrder {
  id: number;
  symbol: string;
  side: string;
  quantity: number;
  price: number;
  commission: number;
  timestamp: string;
  client_order_id: string | null;
  status: string;
}

export interface RunSummary {
  id: string;
  created_at: string;
  type: string;
  symbols: string[];
  period: string | null;
  interval: string | null;
  start: string | null;
  end: string | null;
  parameters: Record<string, unknown>;
  final_equity: number | null;
  orders_placed: number;
  status: string;
  duration_ms: number;
  orders: RunOrder[];
}

export interface RunsResponse {
  runs: RunSummary[];
}

export interface RunDetail extends RunSummary {
  result: unknown;
  metrics: Record<string, number | null>;
}

export interface AuditEvent {
  id: number;
  created_at: string;
  method: string;
  path: string;
  status_code: number;
  request_id: string;
  actor_role: string | null;
  duration_ms: number;
  client_ip: string | null;
}

export interface AuditResponse {
  events: AuditEvent[];
}

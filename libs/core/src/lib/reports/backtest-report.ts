// Types only: the JSON shapes of a backtest's report (snake_case, as the CLI prints it and the API returns it).

import { type ChartSeries } from './chart-series';
import { type RecordingFields } from './recording-fields';

/** The seed's headline figures of a strategy against its benchmark, rounded as it prints them. */
export interface HeadlineFigures {
  annual_return: number | null;
  max_drawdown: number | null;
  sharpe: number | null;
  final_equity: number;
  benchmark_annual_return: number | null;
  benchmark_max_drawdown: number | null;
  benchmark_sharpe: number | null;
  benchmark_final_equity: number;
  /** The strategy's annual return minus the benchmark's, subtracted before rounding. */
  excess_annual_return: number | null;
}

/** The metrics beyond the headline figures, snake_case as the CLI and the API show them. */
export interface MetricsReport {
  volatility: number | null;
  sortino: number | null;
  calmar: number | null;
  max_drawdown_duration: number;
  var_95: number | null;
  cvar_95: number | null;
  beta: number | null;
  alpha: number | null;
  total_return: number | null;
  win_rate: number | null;
  profit_factor: number | null;
  exposure: number | null;
  turnover: number | null;
}

/** One trade as a report lists it. */
export interface TradeView {
  side: 'long' | 'short';
  entry: string;
  exit: string;
  entry_price: number;
  exit_price: number;
  /** Equity at exit ÷ equity at entry − 1, costs included. */
  return: number;
  bars_held: number;
  /** Still open at the last bar (its exit is that bar). */
  open: boolean;
}

/**
 * What `aetherquant backtest` prints: the seed's keys first, then what this engine adds. In JSON the keys come
 * in this order: `symbol`, `rows`, the {@link HeadlineFigures}, `run_id` (when recorded), `provider` …
 * `metrics`, `warnings`, `chart`, `trade_list`.
 */
export interface BacktestReport extends HeadlineFigures, RecordingFields {
  symbol: string;
  rows: number;
  provider: string;
  strategy: string;
  params: Record<string, number>;
  first: string;
  last: string;
  /** The number of trades. */
  trades: number;
  metrics: MetricsReport;
  /** Present when the caller asked for charts (`chartPoints`); never recorded. */
  chart?: ChartSeries;
  /** The latest trades, with the chart; never recorded. */
  trade_list?: TradeView[];
}

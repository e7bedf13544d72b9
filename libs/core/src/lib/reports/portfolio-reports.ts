// Types only: the JSON shapes of portfolio optimisation and portfolio backtests.

import { type HeadlineFigures, type MetricsReport } from './backtest-report';
import { type ChartSeries } from './chart-series';
import { type RecordingFields } from './recording-fields';

export interface OptimizeReport extends RecordingFields {
  method: string;
  symbols: string[];
  /** By symbol, rounded to 6 decimals. */
  weights: Record<string, number>;
  /** Each symbol's share of the portfolio's variance, wᵢ(Σw)ᵢ / w'Σw. */
  risk_contributions: Record<string, number>;
  /** Annual, from the window's mean returns and covariance. */
  expected_return: number | null;
  volatility: number | null;
  /** Aligned bars used (their returns are one fewer). */
  rows: number;
  provider: string;
  first: string;
  last: string;
}

/** A rebalanced portfolio backtest; its `benchmark_*` figures are the equal-weight portfolio's. */
export interface PortfolioBacktestReport extends HeadlineFigures, RecordingFields {
  symbols: string[];
  /** Bars from the first allocation on. */
  rows: number;
  provider: string;
  allocation: string;
  rebalance: string | number;
  lookback: string;
  first: string;
  last: string;
  rebalances: number;
  /** The weights of the last rebalance, by symbol. */
  weights: Record<string, number>;
  metrics: MetricsReport;
  /** Present when the caller asked for charts (`chartPoints`), the benchmark being equal weights; never recorded. */
  chart?: ChartSeries;
}

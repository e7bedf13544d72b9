// Types only: the JSON shapes of parameter sweeps and walk-forward analyses.

import { type HeadlineFigures, type MetricsReport } from './backtest-report';
import { type RecordingFields } from './recording-fields';

/** One combination of a sweep's grid with its figures. */
export interface SweepEntry {
  params: Record<string, number>;
  sharpe: number | null;
  annual_return: number | null;
  total_return: number | null;
  max_drawdown: number | null;
  final_equity: number;
  sortino: number | null;
  calmar: number | null;
  trades: number;
}

export interface SweepReport extends RecordingFields {
  symbol: string;
  provider: string;
  strategy: string;
  rank_by: string;
  rows: number;
  first: string;
  last: string;
  /** Combinations in the grid, how many were evaluated, how many were skipped as invalid (e.g. fast ≥ slow). */
  combinations: number;
  evaluated: number;
  skipped: number;
  /** The best `top` combinations, best first. */
  results: SweepEntry[];
}

/** One train/test window of a walk-forward analysis. */
export interface WalkForwardWindowReport {
  train_start: string;
  train_end: string;
  test_start: string;
  test_end: string;
  /** The parameters that ranked best on the train window, traded on the test window. */
  params: Record<string, number>;
  train_score: number | null;
  annual_return: number | null;
  sharpe: number | null;
  max_drawdown: number | null;
  total_return: number | null;
}

export interface WalkForwardReport extends HeadlineFigures, RecordingFields {
  symbol: string;
  /** Out-of-sample bars: the test windows stitched together. */
  rows: number;
  provider: string;
  strategy: string;
  rank_by: string;
  train: string;
  test: string;
  first: string;
  last: string;
  windows: WalkForwardWindowReport[];
  metrics: MetricsReport;
}

import { type FigureKind, type Interval } from '@aetherquant/core';

/** How a figure is shown: core's figure kinds (a percentage, money in the run's currency, a decimal…). */
export type { FigureKind };

/** One recorded figure of the run, beside the benchmark's when it has one. */
export interface TearsheetFigure {
  label: string;
  strategy: number | null;
  /** The benchmark's figure; undefined when the figure has no benchmark counterpart. */
  benchmark?: number | null;
  kind: FigureKind;
  /**
   * Whether its sign means gain or loss (returns, drawdowns, risk-adjusted ratios, P&L): those are coloured
   * by sign. Magnitudes (volatility, equity, counts, exposure) are not: green would read as "good".
   */
  signed?: boolean;
}

/** One trade of a run. Times are epoch milliseconds; prices as the engine used them (never rounded). */
export interface TearsheetTrade {
  symbol: string;
  side: 'long' | 'short';
  entryTime: number;
  exitTime: number;
  entryPrice: number;
  exitPrice: number;
  /** Units held over the trade; null when the run does not know it. */
  size: number | null;
  /** Equity at exit − equity at entry, costs included; null when unknown. */
  pnl: number | null;
  /** Equity at exit ÷ equity at entry − 1, costs included. */
  return: number;
  barsHeld: number;
  /** Still open at the last bar (its exit is that bar). */
  open: boolean;
}

/** The curves of a run, one value per bar. */
export interface TearsheetSeries {
  /** Bar times, epoch milliseconds, in order. */
  time: ArrayLike<number>;
  equity: ArrayLike<number>;
  /** The benchmark's equity on the same bars (starting at the same cash); absent when the run has none. */
  benchmark?: ArrayLike<number>;
  /** The traded instrument's closes on the same bars, for the price chart and its trade markers. */
  price?: { symbol: string; close: ArrayLike<number> };
}

/** The weights a portfolio held, one row per rebalance. */
export interface TearsheetWeights {
  symbols: readonly string[];
  /** Rebalance times, epoch milliseconds. */
  time: readonly number[];
  /** `weights[i][j]`: the weight of `symbols[j]` from rebalance `i` on. */
  weights: readonly (readonly number[])[];
}

/** A parameter grid of a sweep: one metric over two parameters (or one, with a single row). */
export interface TearsheetGrid {
  metric: string;
  metricKind: FigureKind;
  x: { name: string; values: readonly number[] };
  y: { name: string; values: readonly number[] } | null;
  /** `values[yIndex][xIndex]`; null where the cell was not computed or undefined. */
  values: readonly (readonly (number | null)[])[];
}

/** A table of rows, such as walk-forward windows or an optimiser's weights. */
export interface TearsheetTable {
  title: string;
  note?: string;
  columns: readonly { label: string; kind: FigureKind | 'text' }[];
  rows: readonly (readonly (string | number | null)[])[];
}

/** Everything a tearsheet shows. Only `title`, `run` and `figures` are required; each section appears when its data does. */
export interface TearsheetInput {
  /** "SPY · ma-cross" */
  title: string;
  /** What the run is, in a line: "Backtest, daily bars, 2010-01-04 → 2019-12-31". */
  subtitle?: string;
  /** ISO 4217 code of the money figures. */
  currency: string;
  interval: Interval;
  /** What the strategy and its benchmark are called in legends: "ma-cross (fast 20, slow 50)", "Buy and hold SPY". */
  strategyLabel: string;
  benchmarkLabel: string | null;
  /** The run's recorded figures: shown as recorded, never recomputed. */
  figures: readonly TearsheetFigure[];
  series?: TearsheetSeries;
  trades?: readonly TearsheetTrade[];
  /** Trades the run made beyond those listed (lists are capped); 0 or absent when all are listed. */
  tradesNotListed?: number;
  weights?: TearsheetWeights;
  /** Each asset's contribution to the portfolio's total return. */
  contributions?: readonly { symbol: string; contribution: number }[];
  grid?: TearsheetGrid;
  tables?: readonly TearsheetTable[];
  /** The run's spec (its pinned request), shown as JSON. */
  spec?: unknown;
  provenance: TearsheetProvenance;
  warnings?: readonly string[];
}

/** Where the run and its figures came from. */
export interface TearsheetProvenance {
  runId: string;
  runType: string;
  recordedAt: string;
  provider: string | null;
  dataHash: string | null;
  jobId: string | null;
  /** Package and runtime versions that made the tearsheet: `{ "aetherquant": "0.1.0", "node": "v20.19.0" }`. */
  versions: Readonly<Record<string, string>>;
  /** When the tearsheet was made (passed in, so the same run gives the same file). */
  generatedAt: string;
}

import {
  calendarReturns,
  type CalendarReturn,
  drawdownCurve,
  drawdownPeriods,
  type DrawdownPeriod,
  equityReturns,
  rollingSharpe,
  rollingVolatility,
} from '@aetherquant/risk';
import { type TearsheetSeries } from '../model/tearsheet-input';

/** How many drawdown periods the tearsheet lists. */
export const LISTED_DRAWDOWNS = 5;

/** What the tearsheet draws from a run's curves, computed once with the risk library's definitions. */
export interface SeriesAnalytics {
  /** Per-bar simple returns of the strategy; `returns[t − 1]` ends on bar t. */
  returns: Float64Array;
  benchmarkReturns: Float64Array | null;
  drawdown: Float64Array;
  drawdowns: DrawdownPeriod[];
  months: CalendarReturn[];
  years: CalendarReturn[];
  benchmarkYears: CalendarReturn[] | null;
  /** Returns per rolling window: half a year of bars (126 daily bars), at least 2. */
  rollingWindow: number;
  /** Aligned with the bars: `rollingSharpe[t]` covers the window of returns ending on bar t (NaN before). */
  rollingSharpe: Float64Array;
  rollingVolatility: Float64Array;
  benchmarkRollingSharpe: Float64Array | null;
  benchmarkRollingVolatility: Float64Array | null;
}

/** Computes the {@link SeriesAnalytics} of a run's curves for bars of `periodsPerYear` per year. */
export function seriesAnalytics(series: TearsheetSeries, periodsPerYear: number): SeriesAnalytics {
  const returns = equityReturns(series.equity);
  const benchmarkReturns = series.benchmark ? equityReturns(series.benchmark) : null;
  const rollingWindow = Math.max(2, Math.round(periodsPerYear / 2));
  const rolling = (values: Float64Array, measure: typeof rollingSharpe) =>
    alignToBars(measure(values, rollingWindow, periodsPerYear));
  return {
    returns,
    benchmarkReturns,
    drawdown: drawdownCurve(series.equity),
    drawdowns: drawdownPeriods(series.equity, LISTED_DRAWDOWNS),
    months: calendarReturns(series.time, series.equity, 'month'),
    years: calendarReturns(series.time, series.equity, 'year'),
    benchmarkYears: series.benchmark ? calendarReturns(series.time, series.benchmark, 'year') : null,
    rollingWindow,
    rollingSharpe: rolling(returns, rollingSharpe),
    rollingVolatility: rolling(returns, rollingVolatility),
    benchmarkRollingSharpe: benchmarkReturns ? rolling(benchmarkReturns, rollingSharpe) : null,
    benchmarkRollingVolatility: benchmarkReturns ? rolling(benchmarkReturns, rollingVolatility) : null,
  };
}

/** A per-return column as a per-bar one: return `t − 1` ends on bar `t`, and bar 0 has none (NaN). */
function alignToBars(perReturn: Float64Array): Float64Array {
  const perBar = new Float64Array(perReturn.length + 1);
  perBar[0] = Number.NaN;
  perBar.set(perReturn, 1);
  return perBar;
}

/** A histogram of returns: `bins` equal-width bins from the lowest to the highest return. */
export interface Histogram {
  /** `edges[i]` … `edges[i + 1]` bounds bin i (the last bin includes its upper edge). */
  edges: number[];
  counts: number[];
}

/**
 * The distribution of per-bar returns as a histogram of equal-width bins (Freedman–Diaconis would adapt the
 * width; a fixed count keeps tearsheets of different runs comparable at a glance).
 */
export function histogram(values: ArrayLike<number>, bins = 40): Histogram {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  if (values.length === 0) return { edges: [], counts: [] };
  if (low === high) return { edges: [low, high], counts: [values.length] };
  const width = (high - low) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const bin = Math.min(bins - 1, Math.floor(((values[i] as number) - low) / width));
    counts[bin] = (counts[bin] as number) + 1;
  }
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? high : low + width * i));
  return { edges, counts };
}

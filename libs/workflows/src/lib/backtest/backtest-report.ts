import {
  type BacktestReport,
  formatBarTime,
  type HeadlineFigures,
  type MetricsReport,
} from '@aetherquant/core';
import { type BacktestResult } from '@aetherquant/backtest';
import { type RiskSummary } from '@aetherquant/risk';

/** Ratios to 6 decimals and money to 2, as the seed prints them; `null` (undefined ratios) stays null. */
export const ratio = (value: number | null): number | null =>
  value === null ? null : roundDecimals(value, 6);
export const money = (value: number): number => roundDecimals(value, 2);

const SCALES = [1, 10, 100, 1e3, 1e4, 1e5, 1e6];
const round = Math.round;
const floor = Math.floor;
const abs = Math.abs;

/**
 * Exactly `Number(value.toFixed(digits))`, several times faster (charts round thousands of values per
 * request). Away from a half, `round(value × 10^d) / 10^d` is the same number: the rounded integer is the
 * same, and dividing it by 10^d is correctly rounded, as parsing the decimal text is. Near a half (where the
 * product's rounding error could tip it), in the huge and for non-finite values, `toFixed` decides.
 */
export function roundDecimals(value: number, digits: number): number {
  const scale = SCALES[digits];
  if (scale === undefined) return Number(value.toFixed(digits));
  if (value === 0) return 0; // toFixed writes −0 as "0.00"
  const scaled = value * scale;
  if (abs(scaled) < 1e15 && abs(scaled - floor(scaled) - 0.5) > 1e-6) return round(scaled) / scale;
  return Number(value.toFixed(digits));
}

export function metricsReport(summary: RiskSummary): MetricsReport {
  return {
    volatility: ratio(summary.volatility),
    sortino: ratio(summary.sortino),
    calmar: ratio(summary.calmar),
    max_drawdown_duration: summary.maxDrawdownDuration,
    var_95: ratio(summary.var95),
    cvar_95: ratio(summary.cvar95),
    beta: ratio(summary.beta),
    alpha: ratio(summary.alpha),
    total_return: ratio(summary.totalReturn),
    win_rate: ratio(summary.winRate),
    profit_factor: ratio(summary.profitFactor),
    exposure: ratio(summary.exposure),
    turnover: ratio(summary.turnover),
  };
}

/** What every strategy-against-benchmark run result has: both curves and both risk summaries. */
export interface RunAgainstBenchmark {
  summary: RiskSummary;
  benchmark: RiskSummary;
  equity: ArrayLike<number>;
  benchmarkEquity: ArrayLike<number>;
}

/** The seed's headline figures of a run against its benchmark, rounded as it prints them. */
export function headlineFigures(result: RunAgainstBenchmark): HeadlineFigures {
  const { summary, benchmark } = result;
  return {
    annual_return: ratio(summary.annualReturn),
    max_drawdown: ratio(summary.maxDrawdown),
    sharpe: ratio(summary.sharpe),
    final_equity: money(result.equity[result.equity.length - 1] as number),
    benchmark_annual_return: ratio(benchmark.annualReturn),
    benchmark_max_drawdown: ratio(benchmark.maxDrawdown),
    benchmark_sharpe: ratio(benchmark.sharpe),
    benchmark_final_equity: money(result.benchmarkEquity[result.benchmarkEquity.length - 1] as number),
    // Subtracted before rounding.
    excess_annual_return: ratio(summary.annualReturn - benchmark.annualReturn),
  };
}

export function backtestReport(
  result: BacktestResult,
  run: {
    strategy: string;
    params: Record<string, number>;
    provider: string;
    /** What the benchmark figures measure, as the report names it (see `loadRunBenchmark`). */
    benchmark: string;
    warmupBars: number;
  },
): BacktestReport {
  const { series } = result;
  const n = series.length;
  return {
    symbol: series.symbol,
    rows: n,
    ...headlineFigures(result),
    provider: run.provider,
    benchmark: run.benchmark,
    strategy: run.strategy,
    params: run.params,
    first: formatBarTime(series.time[0] as number, series.interval),
    last: formatBarTime(series.time[n - 1] as number, series.interval),
    warmup_bars: run.warmupBars,
    trades: result.tradeCount,
    metrics: metricsReport(result.summary),
  };
}

import {
  AetherError,
  EQUAL_WEIGHT_BENCHMARK,
  formatBarTime,
  type PortfolioBacktestReport,
} from '@aetherquant/core';
import { runPortfolioBacktest } from '@aetherquant/backtest';
import { headlineFigures, metricsReport, ratio } from '../backtest/backtest-report';
import { tradingCosts } from '../backtest/trading-costs';
import { loadAlignedBars } from '../market-data/load-aligned-bars';
import { loadRunBenchmark } from '../market-data/load-benchmark';
import { chartSeries } from '../chart/chart-series';
import { portfolioRunDetail } from '../report/portfolio-run-detail';
import { defineRecordedWorkflow } from '../runs/recorded-workflow';
import { computeUniverseBacktest } from '../universe/universe-backtest';

/**
 * A rebalanced portfolio backtest: weights recomputed on a schedule from a trailing window only, costs on
 * each rebalance's turnover, against equal weights rebalanced the same way (the seed's headline keys compare
 * the two: `benchmark_*` is the equal-weight portfolio), or against buy-and-hold of the request's `benchmark`
 * symbol from the first allocation. With `strategy`, a universe backtest instead (a strategy run on each
 * symbol in weighted sleeves, or a universe strategy): see `computeUniverseBacktest`.
 */
export const portfolioBacktestWorkflow = defineRecordedWorkflow('portfolioBacktest', {
  async compute(request, context) {
    if (request.strategy !== undefined) return computeUniverseBacktest(request, context);
    if (request.params !== undefined) {
      throw AetherError.invalid([
        {
          field: 'params',
          rule: 'needs a strategy (a portfolio without one allocates, it runs no strategy)',
        },
      ]);
    }
    const { series, provider } = await loadAlignedBars(request.symbols, request, context);
    const costs = tradingCosts(request, context.settings);
    const common = series[0] as (typeof series)[number];
    const benchmark = await loadRunBenchmark(
      request.benchmark,
      EQUAL_WEIGHT_BENCHMARK,
      { label: series.map((s) => s.symbol).join(','), time: common.time, interval: common.interval },
      request,
      context,
    );
    const result = runPortfolioBacktest(series, {
      ...costs,
      ...(benchmark.closes === undefined ? {} : { benchmarkCloses: benchmark.closes }),
      allocation: request.allocation,
      rebalance: typeof request.rebalance === 'number' ? { everyBars: request.rebalance } : request.rebalance,
      lookback: request.lookback,
      optimizer: {
        estimator: request.covariance,
        maxWeight: request.max_weight,
        allowShort: request.allow_short,
        riskAversion: request.risk_aversion,
        riskFreeRate: request.risk_free_rate,
        riskBudgets: request.risk_budgets,
      },
    });
    const n = result.equity.length;
    const interval = (series[0] as (typeof series)[number]).interval;
    const lastWeights = result.rebalances[result.rebalances.length - 1]?.weights ?? [];
    const report: PortfolioBacktestReport = {
      symbols: result.symbols,
      rows: n,
      ...headlineFigures(result),
      provider,
      benchmark: benchmark.name,
      allocation: request.allocation,
      rebalance: request.rebalance,
      lookback: request.lookback,
      first: formatBarTime(result.time[0] as number, interval),
      last: formatBarTime(result.time[n - 1] as number, interval),
      rebalances: result.rebalances.length,
      weights: Object.fromEntries(
        result.symbols.map((symbol, i) => [symbol, ratio(lastWeights[i] ?? 0) as number]),
      ),
      metrics: metricsReport(result.summary),
    };
    const bars = (series[0] as (typeof series)[number]).time;
    return {
      report,
      // Measured from the first allocation: what aligning the benchmark cost from there.
      warnings: benchmark.warnings(result.time[0]),
      // The run's span starts at the first allocation; the bars before it fed the first lookback, and a rerun
      // must load them again.
      requestedWindow: { start: new Date(bars[0] as number), end: new Date(bars[bars.length - 1] as number) },
      run: {
        symbols: result.symbols,
        period: request.period ?? null,
        interval: interval.name,
        start: new Date(result.time[0] as number),
        end: new Date(result.time[n - 1] as number),
        parameters: {
          allocation: request.allocation,
          rebalance: request.rebalance,
          lookback: request.lookback,
          provider,
          benchmark: benchmark.name,
          commission_bps: costs.commissionBps,
          slippage_bps: costs.slippageBps,
          initial_cash: costs.initialCash,
          max_weight: request.max_weight,
          allow_short: request.allow_short,
          covariance: request.covariance,
        },
        finalEquity: result.equity[n - 1] as number,
        ordersPlaced: result.rebalances.length * result.symbols.length,
        metrics: {
          sharpe: report.sharpe,
          annual_return: report.annual_return,
          max_drawdown: report.max_drawdown,
          ...report.metrics,
        },
      },
      screen: (chartPoints) => ({
        chart: chartSeries(
          { time: result.time, equity: result.equity, benchmark: result.benchmarkEquity, interval },
          chartPoints,
        ),
      }),
      detail: () =>
        portfolioRunDetail(
          result,
          series.map((s) => s.close.subarray(s.length - n)),
          benchmark.name === EQUAL_WEIGHT_BENCHMARK
            ? 'Equal weight, rebalanced alike'
            : `Buy and hold ${benchmark.name}`,
        ),
    };
  },
});

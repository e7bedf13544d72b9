import { backtestStrategy } from '@aetherquant/backtest';
import { resolveRequestParams } from './request-params';
import { chartSeries } from '../chart/chart-series';
import { tradeList } from './trade-list';
import { defineRecordedWorkflow } from '../runs/recorded-workflow';
import { loadRunBenchmark } from '../market-data/load-benchmark';
import { backtestReport } from './backtest-report';
import { prepareStrategyRun } from './prepare-strategy-run';
import { strategyRunDetail } from '../report/strategy-run-detail';

/**
 * The main job: bars from the provider (the requested window, and the warm-up bars the strategy needs
 * before it) → strategy targets → vectorised engine over the requested window → risk summaries of the
 * strategy and of its benchmark (buy-and-hold of the traded symbol, or of the request's `benchmark`, its
 * bars aligned to the window's) → the run recorded (when persistence is on) → the report. Costs and cash
 * default to the settings.
 */
export const backtestWorkflow = defineRecordedWorkflow('backtest', {
  runIdBefore: 'provider',
  async compute(request, context) {
    let params: Record<string, number> = {};
    const {
      strategy,
      series,
      window: bars,
      warmupBars,
      warnings,
      costs,
      provider,
      recordedParameters,
      recordedSpan,
    } = await prepareStrategyRun(request, context, (strategy) => {
      params = resolveRequestParams(strategy, request.params);
      return strategy.warmupBars(params);
    });
    const benchmark = await loadRunBenchmark(
      request.benchmark,
      bars.symbol,
      { label: bars.symbol, time: bars.time, interval: bars.interval },
      request,
      context,
    );
    const result = backtestStrategy(series, strategy, params, {
      ...costs,
      windowStart: warmupBars,
      ...(benchmark.closes === undefined ? {} : { benchmarkCloses: benchmark.closes }),
    });
    const report = backtestReport(result, {
      strategy: strategy.name,
      params: result.parameters,
      provider,
      benchmark: benchmark.name,
      warmupBars: result.warmupBars,
    });

    // Everything from here on covers the requested window: the result's own series.
    const window = result.series;
    const n = window.length;
    let rebalances = 0;
    for (let t = 0; t < n; t++) if (result.targets[t] !== (t === 0 ? 0 : result.targets[t - 1])) rebalances++;
    return {
      report,
      warnings: [...warnings, ...benchmark.warnings()],
      run: {
        ...recordedSpan,
        period: request.period ?? null,
        parameters: {
          ...recordedParameters,
          benchmark: benchmark.name,
          params: result.parameters,
          ...(request.start === undefined ? {} : { start: request.start }),
          ...(request.end === undefined ? {} : { end: request.end }),
        },
        finalEquity: result.equity[n - 1] as number,
        ordersPlaced: rebalances,
        metrics: {
          sharpe: report.sharpe,
          annual_return: report.annual_return,
          max_drawdown: report.max_drawdown,
          benchmark_sharpe: report.benchmark_sharpe,
          ...report.metrics,
        },
      },
      // What a screen shows: the chart and, beside it, the latest trades.
      screen: (chartPoints) => ({
        chart: chartSeries(
          {
            time: window.time,
            equity: result.equity,
            benchmark: result.benchmarkEquity,
            interval: window.interval,
          },
          chartPoints,
        ),
        trade_list: tradeList(result.trades, window.interval),
      }),
      detail: () => strategyRunDetail(result, benchmark.name),
    };
  },
});

import { formatBarTime, type WalkForwardReport } from '@aetherquant/core';
import { gridCombinations, gridWarmupBars, runWalkForward, walkForwardWindows } from '@aetherquant/backtest';
import { headlineFigures, metricsReport, ratio } from '../backtest/backtest-report';
import { checkSweepLimit, checkWalkForwardLimit } from '../limits/request-limits';
import { defineRecordedWorkflow } from '../runs/recorded-workflow';
import { strategyRegistryOf } from '../strategies/strategy-registry-of';
import { requestGrid } from '../sweep/parameter-grid';
import { prepareStrategyRun } from '../backtest/prepare-strategy-run';
import { loadRunBenchmark } from '../market-data/load-benchmark';
import { walkForwardRunDetail } from '../report/walk-forward-run-detail';

/**
 * Walk-forward analysis: on each train window the grid's best parameters by `rank_by`, traded on the test
 * window that follows, rolled forward; the out-of-sample equity stitched and summarised against
 * buy-and-hold of the same bars (or of the request's `benchmark`, its bars aligned to them).
 *
 * Warm-up: the bars the most demanding valid combination needs are loaded before the requested history, so
 * the first train window starts at the first requested bar and is evaluated as fully as the later ones.
 * Every evaluation (a combination on a train window, the chosen one on its test window) takes its warm-up
 * from the bars just before its own window (older, in-sample bars: nothing of the future leaks in) and its
 * figures cover only its window (see `runWalkForward`).
 */
export const walkForwardWorkflow = defineRecordedWorkflow('walkForward', {
  async compute(request, context) {
    // The grid is searched on every window: its size is held to the sweep limit before any bar is loaded,
    // and the number of windows (known once the bars' calendar is) before any search runs.
    const grid = requestGrid((await strategyRegistryOf(context)).get(request.strategy), request.grid);
    checkSweepLimit(gridCombinations(grid), context.limits, 'walkForward');
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
    } = await prepareStrategyRun(request, context, (strategy) => gridWarmupBars(strategy, grid));
    checkWalkForwardLimit(
      walkForwardWindows(series, request.train, request.test, warmupBars).length,
      context.limits,
    );
    const benchmark = await loadRunBenchmark(
      request.benchmark,
      bars.symbol,
      { label: bars.symbol, time: bars.time, interval: bars.interval },
      request,
      context,
    );
    const result = await runWalkForward(series, strategy, grid, {
      ...costs,
      ...(benchmark.closes === undefined ? {} : { benchmarkCloses: benchmark.closes }),
      windowStart: warmupBars,
      rankBy: request.rank_by,
      train: request.train,
      test: request.test,
      onProgress: context.progress,
    });
    const n = result.equity.length;
    const time = (ms: number) => formatBarTime(ms, series.interval);
    const report: WalkForwardReport = {
      symbol: series.symbol,
      rows: n,
      ...headlineFigures(result),
      provider,
      benchmark: benchmark.name,
      strategy: strategy.name,
      rank_by: request.rank_by,
      train: request.train,
      test: request.test,
      first: time(result.time[0] as number),
      last: time(result.time[n - 1] as number),
      warmup_bars: warmupBars,
      windows: result.windows.map((window) => ({
        train_start: time(window.trainStart),
        train_end: time(window.trainEnd),
        test_start: time(window.testStart),
        test_end: time(window.testEnd),
        params: window.parameters,
        train_score: ratio(window.trainScore),
        annual_return: ratio(window.testSummary.annualReturn),
        sharpe: ratio(window.testSummary.sharpe),
        max_drawdown: ratio(window.testSummary.maxDrawdown),
        total_return: ratio(window.testSummary.totalReturn),
      })),
      metrics: metricsReport(result.summary),
    };
    return {
      report,
      // The benchmark is measured over the out-of-sample bars only: what its alignment cost there.
      warnings: [...warnings, ...benchmark.warnings(result.time[0])],
      // The windows roll from the first requested bar: a rerun must ask for the same bars.
      requestedWindow: { start: recordedSpan.start, end: recordedSpan.end },
      run: {
        ...recordedSpan,
        // The out-of-sample span: what the recorded figures describe.
        start: new Date(result.time[0] as number),
        end: new Date(result.time[n - 1] as number),
        period: request.period ?? null,
        parameters: {
          ...recordedParameters,
          benchmark: benchmark.name,
          grid: request.grid,
          rank_by: request.rank_by,
          train: request.train,
          test: request.test,
        },
        finalEquity: result.equity[n - 1] as number,
        ordersPlaced: 0,
        metrics: {
          sharpe: report.sharpe,
          annual_return: report.annual_return,
          max_drawdown: report.max_drawdown,
          ...report.metrics,
        },
      },
      detail: () => walkForwardRunDetail(result, series, report, benchmark.name),
    };
  },
});

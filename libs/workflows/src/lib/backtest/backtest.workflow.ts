import { performance } from 'node:perf_hooks';
import { type BacktestReport } from '@aetherquant/core';
import { backtestStrategy } from '@aetherquant/backtest';
import { resolveRequestParams } from './request-params';
import { chartField } from '../chart/chart-series';
import { tradeList } from './trade-list';
import { recordRun, withRecording } from '../runs/record-run';
import { defineWorkflow } from '../workflow/workflow';
import { backtestReport } from './backtest-report';
import { prepareStrategyRun } from './prepare-strategy-run';

/**
 * The main job: bars from the provider → strategy targets → vectorised engine → risk summaries of the
 * strategy and of buy-and-hold → the run recorded (when persistence is on) → the report. Costs and cash
 * default to the settings.
 */
export const backtestWorkflow = defineWorkflow('backtest', {
  async run(request, context): Promise<BacktestReport> {
    const started = performance.now();
    const { strategy, series, costs, provider, recordedParameters, recordedSpan } = await prepareStrategyRun(
      request,
      context,
    );
    const params = resolveRequestParams(strategy, request.params);
    const result = backtestStrategy(series, strategy, params, costs);
    const report = backtestReport(result, { strategy: strategy.name, params: result.parameters, provider });

    const n = series.length;
    let rebalances = 0;
    for (let t = 0; t < n; t++) if (result.targets[t] !== (t === 0 ? 0 : result.targets[t - 1])) rebalances++;
    const recording = await recordRun(context, {
      type: 'backtest',
      ...recordedSpan,
      period: request.period ?? null,
      parameters: {
        ...recordedParameters,
        params: result.parameters,
        ...(request.start === undefined ? {} : { start: request.start }),
        ...(request.end === undefined ? {} : { end: request.end }),
      },
      result: report,
      finalEquity: result.equity[n - 1] as number,
      ordersPlaced: rebalances,
      metrics: {
        sharpe: report.sharpe,
        annual_return: report.annual_return,
        max_drawdown: report.max_drawdown,
        benchmark_sharpe: report.benchmark_sharpe,
        ...report.metrics,
      },
      durationMs: performance.now() - started,
    });
    return {
      ...withRecording(report, recording, 'provider'),
      ...chartField(context.chartPoints, () => ({
        time: series.time,
        equity: result.equity,
        benchmark: result.benchmarkEquity,
        interval: series.interval,
      })),
      // What a screen shows beside the chart; like the chart, only for apps that draw (never recorded).
      ...(context.chartPoints === undefined ? {} : { trade_list: tradeList(result.trades, series.interval) }),
    };
  },
});

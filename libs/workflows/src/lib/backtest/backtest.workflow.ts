import { backtestStrategy } from '@aetherquant/backtest';
import { resolveRequestParams } from './request-params';
import { chartSeries } from '../chart/chart-series';
import { tradeList } from './trade-list';
import { defineRecordedWorkflow } from '../runs/recorded-workflow';
import { backtestReport } from './backtest-report';
import { prepareStrategyRun } from './prepare-strategy-run';

/**
 * The main job: bars from the provider → strategy targets → vectorised engine → risk summaries of the
 * strategy and of buy-and-hold → the run recorded (when persistence is on) → the report. Costs and cash
 * default to the settings.
 */
export const backtestWorkflow = defineRecordedWorkflow('backtest', {
  runIdBefore: 'provider',
  async compute(request, context) {
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
    return {
      report,
      run: {
        ...recordedSpan,
        period: request.period ?? null,
        parameters: {
          ...recordedParameters,
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
            time: series.time,
            equity: result.equity,
            benchmark: result.benchmarkEquity,
            interval: series.interval,
          },
          chartPoints,
        ),
        trade_list: tradeList(result.trades, series.interval),
      }),
    };
  },
});

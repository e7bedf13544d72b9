import {
  DEFAULT_PAPERTRADE_PERIOD,
  formatBarTime,
  type Interval,
  type PaperOrderView,
  type PapertradeReport,
} from '@aetherquant/core';
import { buyAndHoldEquity } from '@aetherquant/backtest';
import { type OrderResult, PaperBroker, runTradingEngine } from '@aetherquant/execution';
import { requireBars } from '@aetherquant/strategies';
import { money } from '../backtest/backtest-report';
import { prepareStrategyRun } from '../backtest/prepare-strategy-run';
import { resolveRequestParams } from '../backtest/request-params';
import { chartSeries } from '../chart/chart-series';
import { loadRunBenchmark } from '../market-data/load-benchmark';
import { defineRecordedWorkflow } from '../runs/recorded-workflow';

export function paperOrderView(order: OrderResult, interval: Interval): PaperOrderView {
  return {
    client_order_id: order.clientOrderId,
    time: formatBarTime(order.time, interval),
    side: order.side,
    quantity: order.quantity,
    status: order.status,
    ...(order.fillPrice === undefined ? {} : { fill_price: order.fillPrice }),
    ...(order.commission === undefined ? {} : { commission: order.commission }),
    ...(order.reason === undefined ? {} : { reason: order.reason }),
  };
}

/**
 * Paper trading: the strategy (warmed up on the bars before the requested window, so it is ready on the
 * window's first bar) replayed bar by bar over the window against the paper broker (long-only, whole shares unless
 * `fractional`), each order sized at a close and filled there with slippage and commission; the run and
 * its orders are recorded.
 *
 * Every order passes the pre-trade checks a live order passes, with the same limits taken the same way (the
 * `AETHERQ_MAX_ORDER_NOTIONAL` and `AETHERQ_MAX_POSITION_PCT` settings): one that breaks a limit is reported
 * `rejected` with the live refusal's reason, so research shows what live trading would refuse.
 */
export const papertradeWorkflow = defineRecordedWorkflow('papertrade', {
  async compute(request, context) {
    const period =
      request.period ??
      (request.start === undefined && request.end === undefined ? DEFAULT_PAPERTRADE_PERIOD : undefined);
    let params: Record<string, number> = {};
    const {
      strategy,
      series: warm,
      warmupBars,
      warnings,
      costs,
      provider,
      recordedParameters,
      recordedSpan,
    } = await prepareStrategyRun({ ...request, period }, context, (strategy) => {
      params = resolveRequestParams(strategy, request.params);
      return strategy.warmupBars(params);
    });
    // The strategy's targets from its warm-up on (loaded before the window), the window's bars replayed.
    requireBars(warm, strategy, params);
    const series = warm.slice(warmupBars);
    const targets = strategy.targets(warm, params).subarray(warmupBars);
    // What the chart's benchmark curve holds: the traded symbol, or the request's benchmark aligned to it.
    const benchmark = await loadRunBenchmark(
      request.benchmark,
      series.symbol,
      { label: series.symbol, time: series.time, interval: series.interval },
      request,
      context,
    );
    const broker = new PaperBroker({
      cash: costs.initialCash,
      commissionBps: costs.commissionBps,
      slippageBps: costs.slippageBps,
      fractional: request.fractional,
      limits: {
        maxOrderNotional: context.settings.limits.maxOrderNotional,
        maxPositionPct: context.settings.limits.maxPositionPct,
      },
    });
    const trading = await runTradingEngine(series, targets, broker, {
      strategy: strategy.name,
    });
    const n = series.length;
    const position = trading.positions.find((p) => p.symbol === series.symbol)?.quantity ?? 0;
    const filled = trading.orders.filter((order) => order.status === 'filled');
    const report: PapertradeReport = {
      symbol: series.symbol,
      broker: 'paper',
      provider,
      benchmark: benchmark.name,
      strategy: strategy.name,
      params,
      first: formatBarTime(series.time[0] as number, series.interval),
      last: formatBarTime(series.time[n - 1] as number, series.interval),
      warmup_bars: warmupBars,
      orders_placed: filled.length,
      start_equity: money(costs.initialCash),
      final_equity: money(trading.finalAccount.equity),
      cash: money(trading.finalAccount.cash),
      position,
      orders: trading.orders.map((order) => paperOrderView(order, series.interval)),
    };
    const allWarnings = [...warnings, ...benchmark.warnings()];
    return {
      report,
      warnings: allWarnings,
      run: {
        ...recordedSpan,
        period: period ?? null,
        parameters: {
          ...recordedParameters,
          benchmark: benchmark.name,
          params,
          fractional: request.fractional,
        },
        result: {
          ...report,
          orders: undefined,
          ...(allWarnings.length > 0 ? { warnings: allWarnings } : {}),
        },
        finalEquity: trading.finalAccount.equity,
        ordersPlaced: filled.length,
        metrics: { final_equity: trading.finalAccount.equity, cash: trading.finalAccount.cash, position },
        orders: filled.map((order) => ({
          symbol: order.symbol,
          side: order.side,
          quantity: order.quantity,
          price: order.fillPrice as number,
          commission: order.commission ?? 0,
          timestamp: new Date(order.time),
          clientOrderId: order.clientOrderId,
          status: order.status,
        })),
      },
      screen: (chartPoints) => ({
        chart: chartSeries(
          {
            time: series.time,
            equity: trading.equity,
            benchmark: buyAndHoldEquity(benchmark.closes ?? series.close, costs.initialCash),
            interval: series.interval,
          },
          chartPoints,
        ),
      }),
      // The orders are the run's own (recorded with it); the page draws the curves and the closes.
      detail: () => ({
        series: {
          time: series.time,
          equity: trading.equity,
          benchmark: buyAndHoldEquity(benchmark.closes ?? series.close, costs.initialCash),
          price: { symbol: series.symbol, close: series.close },
        },
        benchmarkLabel: `Buy and hold ${benchmark.name}`,
      }),
    };
  },
});

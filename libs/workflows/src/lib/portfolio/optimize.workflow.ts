import { formatBarTime, type OptimizeReport } from '@aetherquant/core';
import { estimateMoments, optimize, returnsMatrix } from '@aetherquant/optimization';
import { ratio } from '../backtest/backtest-report';
import { loadAlignedBars } from '../market-data/load-aligned-bars';
import { defineRecordedWorkflow } from '../runs/recorded-workflow';

/** Portfolio weights for several symbols by one optimiser, from their aligned daily returns. */
export const optimizeWorkflow = defineRecordedWorkflow('optimize', {
  async compute(request, context) {
    const { series, provider, warnings } = await loadAlignedBars(request.symbols, request, context);
    const first = series[0] as (typeof series)[number];
    const { returns, rows, assets } = returnsMatrix(series.map((s) => s.close));
    const moments = estimateMoments(returns, rows, assets, {
      estimator: request.covariance,
      periodsPerYear: first.interval.periodsPerYear,
    });
    const allocation = optimize(moments, {
      method: request.method,
      maxWeight: request.max_weight,
      allowShort: request.allow_short,
      riskAversion: request.risk_aversion,
      riskFreeRate: request.risk_free_rate,
      riskBudgets: request.risk_budgets,
    });
    const symbols = series.map((s) => s.symbol);
    const bySymbol = (values: Float64Array) =>
      Object.fromEntries(symbols.map((symbol, i) => [symbol, ratio(values[i] as number) as number]));
    const report: OptimizeReport = {
      method: request.method,
      symbols,
      weights: bySymbol(allocation.weights),
      risk_contributions: bySymbol(allocation.riskContributions),
      expected_return: ratio(allocation.expectedReturn),
      volatility: ratio(allocation.volatility),
      rows: first.length,
      provider,
      first: formatBarTime(first.time[0] as number, first.interval),
      last: formatBarTime(first.time[first.length - 1] as number, first.interval),
    };
    return {
      report,
      // Said in the report (and recorded with it): a symbol whose history shortened the window.
      warnings,
      run: {
        symbols,
        period: request.period ?? null,
        interval: first.interval.name,
        start: new Date(first.time[0] as number),
        end: new Date(first.time[first.length - 1] as number),
        parameters: {
          method: request.method,
          risk_aversion: request.risk_aversion,
          max_weight: request.max_weight,
          allow_short: request.allow_short,
          risk_free_rate: request.risk_free_rate,
          covariance: request.covariance,
          provider,
          ...(request.risk_budgets ? { risk_budgets: request.risk_budgets } : {}),
        },
        ordersPlaced: 0,
        metrics: { expected_return: report.expected_return, volatility: report.volatility },
      },
    };
  },
});

import { performance } from 'node:perf_hooks';
import { formatBarTime, sweepRequestSchema } from '@aetherquant/core';
import { runSweep } from '@aetherquant/backtest';
import { getStrategy } from '@aetherquant/strategies';
import { money, ratio } from '../backtest/backtest-report';
import { tradingCosts } from '../backtest/trading-costs';
import { loadBars } from '../market-data/load-bars';
import { recordRun } from '../runs/record-run';
import { defineWorkflow } from '../workflow/workflow';
import { requestGrid } from './parameter-grid';

export interface SweepEntry {
  params: Record<string, number>;
  sharpe: number | null;
  annual_return: number | null;
  total_return: number | null;
  max_drawdown: number | null;
  final_equity: number;
  sortino: number | null;
  calmar: number | null;
  trades: number;
}

export interface SweepReport {
  symbol: string;
  provider: string;
  strategy: string;
  rank_by: string;
  rows: number;
  first: string;
  last: string;
  /** Combinations in the grid, how many were evaluated, how many were skipped as invalid (e.g. fast ≥ slow). */
  combinations: number;
  evaluated: number;
  skipped: number;
  run_id?: string;
  /** The best `top` combinations, best first. */
  results: SweepEntry[];
}

/** A parameter sweep: every combination of the grid backtested on all cores, ranked by one metric. */
export const sweepWorkflow = defineWorkflow({
  name: 'sweep',
  permission: 'sweep',
  request: sweepRequestSchema,
  async run(request, context): Promise<SweepReport> {
    const started = performance.now();
    const { settings } = context;
    const strategy = getStrategy(request.strategy);
    const grid = requestGrid(strategy, request.grid);
    const series = await loadBars({ ...request, symbol: request.symbol ?? settings.defaultSymbol }, context);
    const costs = tradingCosts(request, settings);
    const result = await runSweep(series, strategy, grid, {
      ...costs,
      rankBy: request.rank_by,
      top: request.top,
      onProgress: context.progress,
    });
    const n = series.length;
    const report: SweepReport = {
      symbol: series.symbol,
      provider: series.provenance?.provider ?? request.provider ?? settings.data.provider,
      strategy: strategy.name,
      rank_by: request.rank_by,
      rows: n,
      first: formatBarTime(series.time[0] as number, series.interval),
      last: formatBarTime(series.time[n - 1] as number, series.interval),
      combinations: result.combinations,
      evaluated: result.evaluated,
      skipped: result.skipped,
      results: result.results.map((entry) => ({
        params: entry.parameters,
        sharpe: ratio(entry.sharpe),
        annual_return: ratio(entry.annualReturn),
        total_return: ratio(entry.totalReturn),
        max_drawdown: ratio(entry.maxDrawdown),
        final_equity: money(entry.finalEquity),
        sortino: ratio(entry.sortino),
        calmar: ratio(entry.calmar),
        trades: entry.trades,
      })),
    };
    const best = report.results[0];
    const runId = await recordRun(context, {
      type: 'sweep',
      symbols: [series.symbol],
      period: request.period ?? null,
      interval: series.interval.name,
      start: new Date(series.time[0] as number),
      end: new Date(series.time[n - 1] as number),
      parameters: {
        strategy: strategy.name,
        grid: request.grid,
        rank_by: request.rank_by,
        provider: report.provider,
        commission_bps: costs.commissionBps,
        slippage_bps: costs.slippageBps,
        initial_cash: costs.initialCash,
        long_only: costs.longOnly,
      },
      result: report,
      finalEquity: best?.final_equity ?? null,
      ordersPlaced: 0,
      metrics: {
        combinations: report.combinations,
        evaluated: report.evaluated,
        skipped: report.skipped,
        ...(best
          ? {
              best_sharpe: best.sharpe,
              best_annual_return: best.annual_return,
              best_max_drawdown: best.max_drawdown,
            }
          : {}),
      },
      durationMs: performance.now() - started,
    });
    if (runId === undefined) return report;
    const { results, ...head } = report;
    return { ...head, run_id: runId, results };
  },
});

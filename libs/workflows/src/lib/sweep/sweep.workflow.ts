import { formatBarTime, type SweepReport, USE_CASES, validate } from '@aetherquant/core';
import { getStrategy } from '@aetherquant/strategies';
import {
  gridCombinations,
  mergeSweepParts,
  runSweep,
  runSweepPart,
  type SweepOptions,
  type SweepPart,
} from '@aetherquant/backtest';
import { type WorkflowRequest } from '../workflow/workflow';
import { type WorkflowContext } from '../workflow/workflow-context';
import { money, ratio } from '../backtest/backtest-report';
import { defineRecordedWorkflow } from '../runs/recorded-workflow';
import { checkSweepLimit } from '../limits/request-limits';
import { requestGrid } from './parameter-grid';
import { prepareStrategyRun } from '../backtest/prepare-strategy-run';

/** A parameter sweep: every combination of the grid backtested on all cores, ranked by one metric. */
export const sweepWorkflow = defineRecordedWorkflow('sweep', {
  runIdBefore: 'results',
  async compute(request, context) {
    // Counted, not expanded, before any bar is loaded or backtest run.
    const grid = requestGrid(getStrategy(request.strategy), request.grid);
    checkSweepLimit(gridCombinations(grid), context.limits, 'sweep');
    const { strategy, series, costs, provider, recordedParameters, recordedSpan } = await prepareStrategyRun(
      request,
      context,
    );
    const options: SweepOptions = {
      ...costs,
      rankBy: request.rank_by,
      top: request.top,
      onProgress: context.progress,
    };
    // A distributed sweep's parts were computed by workers: merged, they are the sweep computed here.
    const result = context.sweepParts
      ? mergeSweepParts(series, strategy, grid, options, context.sweepParts)
      : await runSweep(series, strategy, grid, options);
    const n = series.length;
    const report: SweepReport = {
      symbol: series.symbol,
      provider,
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
    return {
      report,
      run: {
        ...recordedSpan,
        period: request.period ?? null,
        parameters: { ...recordedParameters, grid: request.grid, rank_by: request.rank_by },
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
      },
    };
  },
});

/**
 * Combinations `[first, first + count)` of a sweep request, computed as the sweep computes them (the same
 * checks and limits first, the same bars and costs): one chunk of a distributed sweep. The sweep workflow,
 * given every chunk's part as `context.sweepParts`, merges them into exactly its one-machine report.
 */
export async function computeSweepPart(
  input: unknown,
  context: WorkflowContext,
  part: { first: number; count: number },
): Promise<SweepPart> {
  const request = validate(USE_CASES.sweep.request, input, {
    context: 'sweep request',
  }) as WorkflowRequest<'sweep'>;
  const grid = requestGrid(getStrategy(request.strategy), request.grid);
  checkSweepLimit(gridCombinations(grid), context.limits, 'sweep');
  const { strategy, series, costs } = await prepareStrategyRun(request, context);
  return runSweepPart(
    series,
    strategy,
    grid,
    { ...costs, rankBy: request.rank_by, top: request.top, onProgress: context.progress },
    part,
  );
}

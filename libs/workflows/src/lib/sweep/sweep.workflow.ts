import { formatBarTime, type SweepReport, USE_CASES, validate } from '@aetherquant/core';
import {
  gridCombinations,
  gridWarmupBars,
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
import { strategyRegistryOf } from '../strategies/strategy-registry-of';
import { checkSweepLimit } from '../limits/request-limits';
import { requestGrid } from './parameter-grid';
import { prepareStrategyRun } from '../backtest/prepare-strategy-run';

/**
 * A parameter sweep: every combination of the grid backtested on all cores, ranked by one metric. The bars
 * the most demanding valid combination needs for its warm-up are loaded once before the requested window;
 * each combination takes its own warm-up from them and is evaluated on exactly the requested window, so
 * every row equals that combination's backtest of the same request.
 */
export const sweepWorkflow = defineRecordedWorkflow('sweep', {
  runIdBefore: 'results',
  async compute(request, context) {
    // Counted, not expanded, before any bar is loaded or backtest run.
    const grid = requestGrid((await strategyRegistryOf(context)).get(request.strategy), request.grid);
    checkSweepLimit(gridCombinations(grid), context.limits, 'sweep');
    const {
      strategy,
      series,
      window,
      warmupBars,
      warnings,
      costs,
      provider,
      recordedParameters,
      recordedSpan,
    } = await prepareStrategyRun(request, context, (strategy) => gridWarmupBars(strategy, grid));
    const options: SweepOptions = {
      ...costs,
      rankBy: request.rank_by,
      top: request.top,
      onProgress: context.progress,
      windowStart: warmupBars,
    };
    // A distributed sweep's parts were computed by workers: merged, they are the sweep computed here.
    const result = context.sweepParts
      ? mergeSweepParts(series, strategy, grid, options, context.sweepParts)
      : await runSweep(series, strategy, grid, options);
    const n = window.length;
    const report: SweepReport = {
      symbol: window.symbol,
      provider,
      strategy: strategy.name,
      rank_by: request.rank_by,
      rows: n,
      first: formatBarTime(window.time[0] as number, window.interval),
      last: formatBarTime(window.time[n - 1] as number, window.interval),
      warmup_bars: warmupBars,
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
      warnings,
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
  const grid = requestGrid((await strategyRegistryOf(context)).get(request.strategy), request.grid);
  checkSweepLimit(gridCombinations(grid), context.limits, 'sweep');
  // The same bars as the sweep's own: the same warm-up, loaded the same way.
  const { strategy, series, warmupBars, costs } = await prepareStrategyRun(request, context, (strategy) =>
    gridWarmupBars(strategy, grid),
  );
  return runSweepPart(
    series,
    strategy,
    grid,
    {
      ...costs,
      rankBy: request.rank_by,
      top: request.top,
      onProgress: context.progress,
      windowStart: warmupBars,
    },
    part,
  );
}

import { type BarSeries } from '@aetherquant/core';
import { type Strategy } from '@aetherquant/strategies';
import { type ParameterGrid } from './parameter-grid';
import {
  type GridSearchOptions,
  jobOf,
  nothingEvaluatedError,
  outcomeOf,
  planGridSearch,
  ProgressTracker,
  rankCombinations,
  type RankMetric,
  rowOf,
  seriesName,
  type SweepRow,
} from './sweep-plan';
import { createSweepRunner } from './sweep-runner';

export interface SweepOptions extends GridSearchOptions {
  /** How many ranked results to return: 20 by default, or `'all'`. */
  top?: number | 'all';
}

export interface SweepResult {
  /** The strategy's name. */
  strategy: string;
  /** The parameters searched: the grid as given. */
  grid: ParameterGrid;
  /** Combinations in the grid (the product of its lengths). */
  combinations: number;
  /** Combinations backtested: `combinations − skipped`. */
  evaluated: number;
  /** Combinations not backtested: `skippedInvalid + skippedTooFewBars`. */
  skipped: number;
  /** Refused by the strategy's cross rules (fast ≥ slow). */
  skippedInvalid: number;
  /** Needing more bars than the series holds (warm-up + 2, as `requireBars`). */
  skippedTooFewBars: number;
  rankBy: RankMetric;
  /** Threads that evaluated: 1 inline, else the number of worker threads. */
  workers: number;
  /** The best `top` combinations, best first; null figures last, ties in grid order. */
  results: SweepRow[];
}

/**
 * Backtests every combination of `grid` (see `expandGrid` for the order) on `series` with the costs and
 * cash of `backtestStrategy`, and ranks them by `options.rankBy`.
 *
 * Each combination is resolved with `strategy.resolveParameters` (parameters missing from the grid take
 * their defaults); the ones it refuses (fast ≥ slow) and those the series is too short for are skipped and
 * counted, not errors. Each remaining one is evaluated leanly (`evaluateTargets`: the engine's equity and the
 * summary's sharpe, annual and total return, max drawdown, final equity, sortino, calmar, plus the trade
 * count), equal to `backtestStrategy(...).summary` to the last bit, without VaR, trades lists or benchmarks.
 *
 * With more than one worker, the bars are copied once into shared memory that every worker thread reads;
 * chunks of combination indices are handed out through a shared atomic counter (uneven costs balance) and
 * results come back as rows of a shared Float64Array. Workers find the strategy by name in the registry and
 * reuse their scratch arrays for every combination; they are terminated when the sweep ends, failed or not.
 * Results do not depend on the number of workers.
 *
 * @throws AetherError INVALID_ARGUMENT (context `sweep`) for a bad grid (unknown parameter, value outside its
 *   spec, over 1,000,000 combinations) or bad options (each field named); on `grid` when the strategy refuses
 *   every combination; on `bars` when the series is too short for every valid one.
 */
export async function runSweep(
  series: BarSeries,
  strategy: Strategy,
  grid: ParameterGrid,
  options: SweepOptions,
): Promise<SweepResult> {
  const top = options.top ?? 20;
  const topViolations =
    top === 'all' || (Number.isInteger(top) && top >= 1)
      ? []
      : [{ field: 'top', rule: `must be a whole number at least 1 or "all" (got ${JSON.stringify(top)})` }];
  const plan = planGridSearch(strategy, grid, options, 'sweep', topViolations);
  const progress = new ProgressTracker(plan.count, options.onProgress);

  const runner = createSweepRunner(series, strategy, plan.threads);
  let results: Float64Array;
  try {
    results = await runner.run(jobOf(plan, 0, series.length), (count) => progress.add(count));
  } finally {
    await runner.close();
  }

  const outcome = outcomeOf(results, plan.count);
  if (outcome.evaluated === 0) {
    throw nothingEvaluatedError(strategy, plan, outcome, series.length, `sweep ${seriesName(series)}`);
  }
  progress.finish();
  const ranked = rankCombinations(results, plan.count, plan.rankBy);
  const kept = top === 'all' ? ranked : ranked.slice(0, top);
  return {
    strategy: strategy.name,
    grid,
    combinations: plan.count,
    evaluated: outcome.evaluated,
    skipped: outcome.invalid + outcome.tooFewBars,
    skippedInvalid: outcome.invalid,
    skippedTooFewBars: outcome.tooFewBars,
    rankBy: plan.rankBy,
    workers: plan.threads,
    results: kept.map((index) => rowOf(strategy, plan, results, index)),
  };
}

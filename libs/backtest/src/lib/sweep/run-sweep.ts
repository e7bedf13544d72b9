import { type BarSeries } from '@aetherquant/core';
import { type Strategy } from '@aetherquant/strategies';
import { type ParameterGrid } from './parameter-grid';
import { AetherError, type FieldViolation } from '@aetherquant/core';
import { ROW_FIELDS } from './lean-evaluation';
import {
  compareRanked,
  type GridSearchOptions,
  type GridSearchPlan,
  jobOf,
  nothingEvaluatedError,
  type Outcome,
  outcomeOf,
  planGridSearch,
  ProgressTracker,
  rankCombinations,
  rankOffset,
  type RankMetric,
  rowAt,
  rowOf,
  seriesName,
  type SweepRow,
} from './sweep-plan';
import { createSweepRunner } from './sweep-runner';
import { type SweepJob } from './sweep-evaluator';

export interface SweepOptions extends GridSearchOptions {
  /** How many ranked results to return: 20 by default, or `'all'`. */
  top?: number | 'all';
  /**
   * The index of the first bar of the requested window (0 by default): the bars before it only warm the
   * strategy up. Each combination's targets start its own `warmupBars` before it (exactly as
   * `backtestStrategy` with the same `windowStart` computes them), and every combination is evaluated on
   * bars `[windowStart, length)`, so their figures are comparable and equal to those backtests'.
   */
  windowStart?: number;
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
  const plan = sweepPlan(strategy, grid, options, series);
  const progress = new ProgressTracker(plan.count, options.onProgress);

  const runner = createSweepRunner(series, strategy, plan.threads);
  let results: Float64Array;
  try {
    results = await runner.run(sweepJob(plan, series, options), (count) => progress.add(count));
  } finally {
    await runner.close();
  }

  const outcome = outcomeOf(results, plan.count);
  checkEvaluated(strategy, plan, outcome, series);
  progress.finish();
  const ranked = rankCombinations(results, plan.count, plan.rankBy);
  const kept = top === 'all' ? ranked : ranked.slice(0, top);
  const rows = kept.map((index) => rowOf(strategy, plan, results, index));
  return sweepResult(strategy, grid, plan, outcome, plan.threads, rows);
}

/** Nothing of the grid could be evaluated: the error says why (see nothingEvaluatedError). */
function checkEvaluated(strategy: Strategy, plan: GridSearchPlan, outcome: Outcome, series: BarSeries): void {
  if (outcome.evaluated === 0) {
    throw nothingEvaluatedError(strategy, plan, outcome, series.length, `sweep ${seriesName(series)}`);
  }
}

function sweepResult(
  strategy: Strategy,
  grid: ParameterGrid,
  plan: GridSearchPlan,
  outcome: Outcome,
  workers: number,
  results: SweepRow[],
): SweepResult {
  return {
    strategy: strategy.name,
    grid,
    combinations: plan.count,
    evaluated: outcome.evaluated,
    skipped: outcome.invalid + outcome.tooFewBars,
    skippedInvalid: outcome.invalid,
    skippedTooFewBars: outcome.tooFewBars,
    rankBy: plan.rankBy,
    workers,
    results,
  };
}

function sweepPlan(
  strategy: Strategy,
  grid: ParameterGrid,
  options: SweepOptions,
  series: BarSeries,
): GridSearchPlan {
  const top = options.top ?? 20;
  const violations: FieldViolation[] =
    top === 'all' || (Number.isInteger(top) && top >= 1)
      ? []
      : [{ field: 'top', rule: `must be a whole number at least 1 or "all" (got ${JSON.stringify(top)})` }];
  const windowStart = options.windowStart ?? 0;
  if (!(Number.isInteger(windowStart) && windowStart >= 0 && windowStart < Math.max(series.length, 1))) {
    violations.push({
      field: 'windowStart',
      rule: `must be the index of a bar of the series (got ${windowStart})`,
    });
  }
  return planGridSearch(strategy, grid, options, 'sweep', violations);
}

/** The job of a sweep: the requested window `[windowStart, length)`, warmed up on the bars before it. */
function sweepJob(
  plan: GridSearchPlan,
  series: BarSeries,
  options: SweepOptions,
  part?: { first: number; count: number },
): SweepJob {
  return jobOf(plan, { from: 0, start: options.windowStart ?? 0, to: series.length }, part);
}

/**
 * One part of a sweep computed on its own (a chunk of a distributed sweep): how its combinations ended and
 * its best rows. Plain JSON, so it crosses processes (a job queue) as it is.
 */
export interface SweepPart {
  /** Grid indices `[first, first + count)`. */
  first: number;
  count: number;
  evaluated: number;
  invalid: number;
  tooFewBars: number;
  /** Among those the bars were too few for: the one needing the fewest (grid index) and how many. */
  fewestNeeded?: { index: number; bars: number };
  /** The part's best `top` rows, best first: `[grid index, ...the row's figures]`, null for NaN. */
  best: (number | null)[][];
}

/**
 * Computes combinations `[first, first + count)` of a sweep as {@link runSweep} would compute them (same
 * checks of the whole grid and options first), keeping the part's best `options.top` rows. Parts covering the
 * grid merge with {@link mergeSweepParts} into exactly `runSweep`'s result: the ranking is a total order on
 * grid indices, so the best of the whole grid are among the best of each part.
 */
export async function runSweepPart(
  series: BarSeries,
  strategy: Strategy,
  grid: ParameterGrid,
  options: SweepOptions,
  part: { first: number; count: number },
): Promise<SweepPart> {
  const plan = sweepPlan(strategy, grid, options, series);
  if (
    !Number.isInteger(part.first) ||
    !Number.isInteger(part.count) ||
    part.first < 0 ||
    part.count < 1 ||
    part.first + part.count > plan.count
  ) {
    throw new AetherError(
      'INTERNAL',
      `sweep part [${part.first}, ${part.first + part.count}) is not within the grid's ${plan.count} combinations`,
    );
  }
  const progress = new ProgressTracker(part.count, options.onProgress);
  const runner = createSweepRunner(series, strategy, Math.min(plan.threads, part.count));
  let results: Float64Array;
  try {
    results = await runner.run(sweepJob(plan, series, options, part), (count) => progress.add(count));
  } finally {
    await runner.close();
  }
  progress.finish();
  const outcome = outcomeOf(results, part.count);
  const ranked = rankCombinations(results, part.count, plan.rankBy);
  const top = options.top ?? 20;
  const kept = top === 'all' ? ranked : ranked.slice(0, top);
  return {
    first: part.first,
    count: part.count,
    evaluated: outcome.evaluated,
    invalid: outcome.invalid,
    tooFewBars: outcome.tooFewBars,
    ...(outcome.fewestNeeded
      ? { fewestNeeded: { index: part.first + outcome.fewestNeeded.index, bars: outcome.fewestNeeded.bars } }
      : {}),
    best: kept.map((row) => [
      part.first + row,
      ...Array.from(results.subarray(row * ROW_FIELDS, (row + 1) * ROW_FIELDS), (value) =>
        Number.isNaN(value) ? null : value,
      ),
    ]),
  };
}

/**
 * The sweep result of parts that together cover the grid once each (in any order), as {@link runSweep} gives
 * it on one machine: the same counts, the same ranking, the same figures. `workers` is the number of parts.
 * Parts that do not tile the grid are a bug of the caller (INTERNAL).
 */
export function mergeSweepParts(
  series: BarSeries,
  strategy: Strategy,
  grid: ParameterGrid,
  options: SweepOptions,
  parts: readonly SweepPart[],
): SweepResult {
  const plan = sweepPlan(strategy, grid, options, series);
  const sorted = [...parts].sort((a, b) => a.first - b.first);
  let next = 0;
  for (const part of sorted) {
    if (part.first !== next) break;
    next += part.count;
  }
  if (next !== plan.count || sorted.reduce((sum, part) => sum + part.count, 0) !== plan.count) {
    throw new AetherError(
      'INTERNAL',
      `the sweep's parts do not cover its ${plan.count} combinations once each`,
    );
  }
  const outcome: Outcome = { evaluated: 0, invalid: 0, tooFewBars: 0 };
  for (const part of sorted) {
    outcome.evaluated += part.evaluated;
    outcome.invalid += part.invalid;
    outcome.tooFewBars += part.tooFewBars;
    const fewest = part.fewestNeeded;
    if (fewest && (outcome.fewestNeeded === undefined || fewest.bars < outcome.fewestNeeded.bars)) {
      outcome.fewestNeeded = fewest;
    }
  }
  checkEvaluated(strategy, plan, outcome, series);
  const offset = 1 + rankOffset(plan.rankBy);
  const metric = (row: (number | null)[]) => row[offset] ?? Number.NaN;
  const candidates = sorted.flatMap((part) => part.best);
  candidates.sort((x, y) => compareRanked(metric(x), x[0] as number, metric(y), y[0] as number));
  const top = options.top ?? 20;
  const kept = top === 'all' ? candidates : candidates.slice(0, top);
  const rows = kept.map((row) =>
    rowAt(
      strategy,
      plan,
      row.map((value) => value ?? Number.NaN),
      1,
      row[0] as number,
    ),
  );
  return sweepResult(strategy, grid, plan, outcome, parts.length, rows);
}

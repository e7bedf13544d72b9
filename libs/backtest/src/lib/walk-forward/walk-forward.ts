import {
  AetherError,
  type BarSeries,
  type FieldViolation,
  formatBarTime,
  parsePeriod,
  type Period,
  periodWindow,
} from '@aetherquant/core';
import { type RiskSummary, summary } from '@aetherquant/risk';
import { clipLongOnly, type Strategy, type StrategyParameters } from '@aetherquant/strategies';
import { barReturnsOf, evaluateTargets, ROW_FIELDS, ROW_FINAL_EQUITY } from '../sweep/lean-evaluation';
import { type ParameterGrid } from '../sweep/parameter-grid';
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
  scoreOf,
  seriesName,
} from '../sweep/sweep-plan';
import { createSweepRunner } from '../sweep/sweep-runner';
import { benchmarkClosesViolation, buyAndHoldEquity } from '../engine/buy-and-hold';
import { runBacktest } from '../engine/vectorised-backtest';
import { warmupFrom } from '../engine/backtest-strategy';

/** A relative period (`3y`, `6mo`, `12wk`, `60d`), as a Period or as text. */
export type WindowLength = Period | string;

export interface WalkForwardOptions extends GridSearchOptions {
  /** The length of each train window, looking back from its test window's first bar. */
  train: WindowLength;
  /** The length of each test window. */
  test: WindowLength;
  /**
   * The index of the first bar of the requested history (0 by default). The bars before it only warm the
   * strategy up: the first train window starts at this bar, and every train and test evaluation may take
   * its warm-up from the bars before its own window (see {@link runWalkForward}).
   */
  windowStart?: number;
  /**
   * A chosen benchmark's closes, one per bar from `windowStart` on, aligned to those bars' times: the
   * stitched out-of-sample equity is then measured against buy-and-hold of them (from the first test bar)
   * instead of buy-and-hold of the series itself.
   */
  benchmarkCloses?: Float64Array;
}

/** The bars of one window pair, as indices into the series: train `[trainFrom, testFrom)`, test `[testFrom, testTo)`. */
export interface WalkForwardSpan {
  trainFrom: number;
  testFrom: number;
  testTo: number;
}

export interface WalkForwardWindow {
  /** Epoch ms of the first and last bars of the train window. */
  trainStart: number;
  trainEnd: number;
  /** Epoch ms of the first and last bars of the test window. */
  testStart: number;
  testEnd: number;
  trainBars: number;
  testBars: number;
  /** The best parameters on the train window (resolved, defaults included). */
  parameters: StrategyParameters;
  /** Their `rankBy` figure on the train window; null when that figure is undefined (a null sortino). */
  trainScore: number | null;
  /** Stitched equity entering the window (before its first cost) and after its last bar. */
  startEquity: number;
  endEquity: number;
  /** The test window's own figures, from its equity curve as `runBacktest` summarises it. */
  testSummary: Pick<RiskSummary, 'annualReturn' | 'sharpe' | 'maxDrawdown' | 'totalReturn'>;
}

export interface WalkForwardResult {
  strategy: string;
  grid: ParameterGrid;
  rankBy: RankMetric;
  /** The period names, as `3y`. */
  train: string;
  test: string;
  /** Combinations searched per train window. */
  combinations: number;
  /** Threads that evaluated the train windows: 1 inline, else worker threads. */
  workers: number;
  windows: WalkForwardWindow[];
  /** Stitched out-of-sample equity, one value per test bar of every window, in order. */
  equity: Float64Array;
  /** The times of those bars. */
  time: Float64Array;
  /** The targets traded on those bars (each window's chosen parameters). */
  targets: Float64Array;
  /** Buy-and-hold over the same bars (of the series, or of `benchmarkCloses`) from the same initial cash, without costs. */
  benchmarkEquity: Float64Array;
  /** Risk summary of the stitched equity: against the benchmark, with the windows' trades and exposure. */
  summary: RiskSummary;
  benchmark: RiskSummary;
}

/**
 * The windows of a walk-forward over `series`, rolling (not anchored) and contiguous:
 *
 * - a window's train bars are those in `[periodWindow(train, testStart).start, testStart)`: `train` back from
 *   its test window's first bar on the UTC calendar, as core's `periodWindow` steps back;
 * - the first test window starts at the first bar whose train window lies wholly within the history (its
 *   start at or after the first bar's time), i.e. the first bar at or after "first time + train";
 * - a test window covers the bars in `[testStart, testStart + test)`, where "+ test" is found the same way:
 *   the window ends before the first bar whose `test` look-back reaches back to testStart or later;
 * - the next test window starts at the bar where the previous one ended, so the test windows cover the
 *   out-of-sample bars exactly once and without gaps;
 * - a final partial test window (the history ends before testStart + test) is kept if it holds at least 2
 *   bars.
 *
 * @throws AetherError INVALID_ARGUMENT on `train` and `test`, with the numbers, when the history is too short
 *   for one train + test window; on `test` when a test window would hold a single bar (bars are spaced at
 *   least `test` apart there, so the window could never earn a return).
 */
export function walkForwardWindows(
  series: BarSeries,
  train: WindowLength,
  test: WindowLength,
  windowStart = 0,
): WalkForwardSpan[] {
  if (windowStart > 0) {
    // The windows of the requested history, as indices into the whole series.
    return walkForwardWindows(series.slice(windowStart), train, test).map((span) => ({
      trainFrom: span.trainFrom + windowStart,
      testFrom: span.testFrom + windowStart,
      testTo: span.testTo + windowStart,
    }));
  }
  const violations: FieldViolation[] = [];
  const trainPeriod = relativePeriod(train, 'train', violations);
  const testPeriod = relativePeriod(test, 'test', violations);
  if (trainPeriod === undefined || testPeriod === undefined)
    throw AetherError.invalid(violations, 'walk-forward');

  const time = series.time;
  const n = series.length;
  // Both look-backs are non-decreasing in their end, so each boundary is a binary search.
  const lookBack = (period: Period, index: number) =>
    periodWindow(period, time[index] as number).start as number;
  const firstTestFrom =
    n === 0 ? 0 : firstIndexWhere(1, n, (j) => lookBack(trainPeriod, j) >= (time[0] as number));

  const spans: WalkForwardSpan[] = [];
  for (let testFrom = firstTestFrom; testFrom < n;) {
    const start = time[testFrom] as number;
    const testTo = firstIndexWhere(testFrom + 1, n, (j) => lookBack(testPeriod, j) >= start);
    const bars = testTo - testFrom;
    if (testTo === n && bars < 2) break;
    if (bars < 2) {
      throw AetherError.invalid(
        [
          {
            field: 'test',
            rule: `must span at least 2 bars per window (got ${testPeriod.name}: the window from ${formatBarTime(start, series.interval)} holds 1 bar)`,
          },
        ],
        `walk-forward ${seriesName(series)}`,
      );
    }
    const trainFrom = series.firstIndexAtOrAfter(lookBack(trainPeriod, testFrom));
    spans.push({ trainFrom, testFrom, testTo });
    testFrom = testTo;
  }
  if (spans.length === 0) throw tooShortError(series, trainPeriod, testPeriod, firstTestFrom);
  return spans;
}

/**
 * Walk-forward analysis: on each train window (see {@link walkForwardWindows}, over the bars from
 * `windowStart`), the grid is searched as `runSweep` searches it and the best combination by `rankBy` (ties
 * in grid order) is traded on the following test window. Every evaluation is a backtest with warm-up, as
 * `backtestStrategy` with `windowStart` runs it:
 *
 * - on a train window, each combination's targets start its own `warmupBars` before the window's first bar
 *   (older bars: the previous windows', or those loaded before the requested history), and its figures
 *   cover the train bars only. No bar of the test window or later can influence the choice;
 * - on a test window, the chosen parameters' targets start their `warmupBars` before the window (bars of
 *   the train window, which are in the past) and the engine (`runBacktest`) runs on the test bars, entering
 *   the window flat: the first target, a warm one, is charged its full turnover;
 * - the stitched out-of-sample equity starts at `initialCash` and each window starts from the previous
 *   window's final equity, so the final equity is `initialCash × Π (endEquity / startEquity)` over windows.
 *   Windows are independent backtests chained by equity: a position held at a window's end is marked at its
 *   last close and not carried over, so the return of the bar that opens the next window is not earned
 *   (the exposure is flat entering it) and no exit cost is charged there. The benchmark, buy-and-hold over
 *   the same bars, does earn those bars.
 *
 * The train windows are searched on ONE thread pool (`workers`, as `runSweep`) created once with the whole
 * series in shared memory and reused for every window; with `workers: 1`, inline. Progress counts
 * combinations over all windows.
 *
 * @throws AetherError INVALID_ARGUMENT as `runSweep` (grid, options); on `train`/`test` when the history is
 *   too short or a period is not relative; on `train` when a train window is too short for every valid
 *   combination. INFEASIBLE when a window's chosen parameters lose the whole account (equity at 0 or below).
 */
export async function runWalkForward(
  series: BarSeries,
  strategy: Strategy,
  grid: ParameterGrid,
  options: WalkForwardOptions,
): Promise<WalkForwardResult> {
  const plan = planGridSearch(strategy, grid, options, 'walk-forward');
  const windowStart = options.windowStart ?? 0;
  const benchmarkProblem = benchmarkClosesViolation(options.benchmarkCloses, series.length - windowStart);
  if (benchmarkProblem !== undefined) throw AetherError.invalid([benchmarkProblem], 'walk-forward');
  const spans = walkForwardWindows(series, options.train, options.test, windowStart);
  const trainName = relativePeriod(options.train, 'train', [])?.name as string;
  const testName = relativePeriod(options.test, 'test', [])?.name as string;
  const progress = new ProgressTracker(plan.count * spans.length, options.onProgress);

  // 1. Choose each window's parameters on its train bars.
  const choices: { parameters: StrategyParameters; trainScore: number | null }[] = [];
  const runner = createSweepRunner(series, strategy, plan.threads);
  try {
    for (const [k, span] of spans.entries()) {
      const bars = { from: 0, start: span.trainFrom, to: span.testFrom };
      const results = await runner.run(jobOf(plan, bars), (count) => progress.add(count));
      const outcome = outcomeOf(results, plan.count);
      if (outcome.evaluated === 0) {
        const from = formatBarTime(series.time[span.trainFrom] as number, series.interval);
        const to = formatBarTime(series.time[span.testFrom - 1] as number, series.interval);
        const context = `walk-forward ${seriesName(series)} window ${k + 1} (train ${trainName}: ${from} to ${to})`;
        throw nothingEvaluatedError(
          strategy,
          plan,
          outcome,
          span.testFrom - span.trainFrom,
          context,
          'train',
        );
      }
      const best = rankCombinations(results, plan.count, plan.rankBy)[0] as number;
      const score = scoreOf(results, best, plan.rankBy);
      choices.push({
        parameters: rowOf(strategy, plan, results, best).parameters,
        trainScore: Number.isNaN(score) ? null : score,
      });
    }
  } finally {
    await runner.close();
  }

  // 2. Trade each choice on its test window and stitch.
  const first = (spans[0] as WalkForwardSpan).testFrom;
  const last = (spans[spans.length - 1] as WalkForwardSpan).testTo;
  const length = last - first;
  const equity = new Float64Array(length);
  const targets = new Float64Array(length);
  const positions = new Float64Array(length - 1);
  const tradeReturns: number[] = [];
  const check = new Float64Array(ROW_FIELDS);
  const returnsScratch = new Float64Array(length);
  const barReturns = new Float64Array(length);
  const windows: WalkForwardWindow[] = [];
  let cash = plan.initialCash;
  for (const [k, span] of spans.entries()) {
    const { parameters, trainScore } = choices[k] as (typeof choices)[number];
    const bars = series.slice(span.testFrom, span.testTo);
    const from = warmupFrom(span.testFrom, strategy.warmupBars(parameters));
    const allTargets = strategy.targets(series.slice(from, span.testTo), parameters);
    if (plan.longOnly) clipLongOnly(allTargets);
    const windowTargets = allTargets.subarray(span.testFrom - from);
    barReturnsOf(bars.close, bars.length, barReturns);
    evaluateTargets(
      barReturns,
      windowTargets,
      bars.length,
      plan.cost,
      cash,
      bars.interval.periodsPerYear,
      returnsScratch,
      check,
      0,
    );
    if (check[ROW_FINAL_EQUITY] === 0) {
      throw new AetherError(
        'INFEASIBLE',
        `walk-forward ${seriesName(series)}: window ${k + 1} (from ${formatBarTime(bars.time[0] as number, bars.interval)}) with ${describe(parameters)} lost the whole account (equity reached 0)`,
      );
    }
    const result = runBacktest(bars, windowTargets, {
      initialCash: cash,
      commissionBps: options.commissionBps,
      slippageBps: options.slippageBps,
    });
    const offset = span.testFrom - first;
    equity.set(result.equity, offset);
    targets.set(windowTargets, offset);
    // The exposure held over bar j is the target of bar j − 1 within a window, and flat entering one.
    for (let j = 1; j < bars.length; j++) positions[offset + j - 1] = windowTargets[j - 1] as number;
    for (const trade of result.trades) tradeReturns.push(trade.return);
    const endEquity = result.equity[bars.length - 1] as number;
    windows.push({
      trainStart: series.time[span.trainFrom] as number,
      trainEnd: series.time[span.testFrom - 1] as number,
      testStart: bars.time[0] as number,
      testEnd: bars.time[bars.length - 1] as number,
      trainBars: span.testFrom - span.trainFrom,
      testBars: bars.length,
      parameters,
      trainScore,
      startEquity: cash,
      endEquity,
      testSummary: {
        annualReturn: result.summary.annualReturn,
        sharpe: result.summary.sharpe,
        maxDrawdown: result.summary.maxDrawdown,
        totalReturn: result.summary.totalReturn,
      },
    });
    cash = endEquity;
  }

  const benchmarkEquity =
    options.benchmarkCloses === undefined
      ? buyAndHoldEquity(series.close, plan.initialCash, first, last)
      : buyAndHoldEquity(options.benchmarkCloses, plan.initialCash, first - windowStart, last - windowStart);
  const periodsPerYear = series.interval.periodsPerYear;
  progress.finish();
  return {
    strategy: strategy.name,
    grid,
    rankBy: plan.rankBy,
    train: trainName,
    test: testName,
    combinations: plan.count,
    workers: plan.threads,
    windows,
    equity,
    time: series.time.slice(first, last),
    targets,
    benchmarkEquity,
    summary: summary({ equity, periodsPerYear, benchmarkEquity, tradeReturns, positions }),
    benchmark: summary({ equity: benchmarkEquity, periodsPerYear }),
  };
}

function describe(parameters: StrategyParameters): string {
  return Object.entries(parameters)
    .map(([name, value]) => `${name} ${value}`)
    .join(', ');
}

/** A relative period from a Period or its text; a violation on `field` for anything else. */
function relativePeriod(
  value: WindowLength,
  field: string,
  violations: FieldViolation[],
): Period | undefined {
  let period: Period;
  try {
    period = typeof value === 'string' ? parsePeriod(value, field) : value;
  } catch (error) {
    violations.push(...((error as AetherError).details?.violations ?? [{ field, rule: String(error) }]));
    return undefined;
  }
  if (period === null || typeof period !== 'object' || period.kind !== 'relative') {
    const got = period !== null && typeof period === 'object' ? period.name : String(period);
    violations.push({ field, rule: `must be a relative period such as 3y, 6mo, 12wk or 60d (got ${got})` });
    return undefined;
  }
  return period;
}

/** The first index in `[from, to)` where the non-decreasing predicate holds, or `to` when none does. */
function firstIndexWhere(from: number, to: number, holds: (index: number) => boolean): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (holds(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

function tooShortError(series: BarSeries, train: Period, test: Period, firstTestFrom: number): AetherError {
  const n = series.length;
  const date = (index: number) => formatBarTime(series.time[index] as number, series.interval);
  const history = n === 0 ? 'no bars' : `${n} bars from ${date(0)} to ${date(n - 1)}`;
  const violations: FieldViolation[] =
    firstTestFrom >= n
      ? [
          { field: 'train', rule: `is ${train.name}, more than the history holds (${history})` },
          { field: 'test', rule: `is ${test.name}, and no bar is left for it after the first train window` },
        ]
      : [
          {
            field: 'train',
            rule: `is ${train.name}: the first train window spans ${date(0)} to ${date(firstTestFrom - 1)} (${firstTestFrom} bars of ${history})`,
          },
          {
            field: 'test',
            rule: `is ${test.name}, and needs at least 2 bars after the first train window (got ${n - firstTestFrom})`,
          },
        ];
  return AetherError.invalid(
    violations,
    `walk-forward ${seriesName(series)}: too little history for one train and test window`,
  );
}

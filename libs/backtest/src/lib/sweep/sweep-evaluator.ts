import { type BarSeries } from '@aetherquant/core';
import { clipLongOnly, type Strategy, type StrategyParameters } from '@aetherquant/strategies';
import {
  barReturnsOf,
  evaluateTargets,
  ROW_BARS_NEEDED,
  ROW_FIELDS,
  ROW_STATUS,
  STATUS_INVALID,
  STATUS_TOO_FEW_BARS,
} from './lean-evaluation';
import { combinationAt } from './parameter-grid';
import { warmupFrom } from '../engine/backtest-strategy';

/**
 * One evaluation task: the combinations `[first, first + count)` of a grid, each evaluated on bars
 * `[from, to)` of the series; row `i` of its results is combination `first + i`. It is plain data
 * (structured-cloneable) so that worker threads receive it as a message.
 */
export interface SweepJob {
  /** Parameter names in grid order, and their values (the axes of the product). */
  names: string[];
  axes: number[][];
  /** The grid index of the job's first combination: 0 for a whole grid, else a part's start. */
  first: number;
  count: number;
  /**
   * The bars `[start, to)` of the series every combination is evaluated on (a train window, or the requested
   * window); the bars `[from, start)` before it only warm the strategies up: each combination's targets
   * start `warmupBars(parameters)` bars before `start` (at `from` when fewer are there), as a backtest with
   * that warm-up computes them, so every combination's figures cover exactly `[start, to)`.
   */
  from: number;
  start: number;
  to: number;
  /** `(commissionBps + slippageBps) / 10 000`. */
  cost: number;
  initialCash: number;
  longOnly: boolean;
}

/**
 * Evaluates combinations of one job for one thread, reusing its scratch arrays (targets, returns) across
 * every combination and every job: nothing of the series' length is allocated per combination. The series
 * given is the whole series; a job's bars are a view on it (no copy).
 */
export class SweepEvaluator {
  readonly #series: BarSeries;
  readonly #strategy: Strategy;
  readonly #targets: Float64Array;
  readonly #returns: Float64Array;
  readonly #barReturns: Float64Array;
  /** The evaluated bars `[start, to)` whose returns `#barReturns` holds. */
  #windowKey = '';
  /** The bars targets are computed on, by their first index (a few distinct warm-ups per job). */
  readonly #targetBars = new Map<number, BarSeries>();

  constructor(series: BarSeries, strategy: Strategy) {
    this.#series = series;
    this.#strategy = strategy;
    this.#targets = new Float64Array(series.length);
    this.#returns = new Float64Array(Math.max(series.length - 1, 0));
    this.#barReturns = new Float64Array(series.length);
  }

  /**
   * Writes the rows of the job's combinations `[start, end)` into `results` (row i, combination
   * `job.first + i`, at `i · ROW_FIELDS`).
   * A combination the strategy refuses gets STATUS_INVALID; one needing more bars than it has from where
   * its targets start to the job's end gets STATUS_TOO_FEW_BARS and the bars it needs (as `requireBars`
   * counts them: warm-up + 2). Any other error (a bug in a strategy) propagates.
   */
  evaluate(job: SweepJob, start: number, end: number, results: Float64Array): void {
    this.#prepareWindow(job);
    const n = job.to - job.start;
    const periodsPerYear = this.#series.interval.periodsPerYear;
    const input: StrategyParameters = {};
    for (let index = start; index < end; index++) {
      const offset = index * ROW_FIELDS;
      let parameters: StrategyParameters;
      try {
        parameters = this.#strategy.resolveParameters(
          combinationAt(job.names, job.axes, job.first + index, input),
        );
      } catch {
        // Every value passed its own spec before the sweep began, so only a cross rule can refuse it.
        results[offset + ROW_STATUS] = STATUS_INVALID;
        continue;
      }
      const warmup = this.#strategy.warmupBars(parameters);
      const from = warmupFrom(job.start, warmup, job.from);
      const needed = warmup + 2;
      if (job.to - from < needed) {
        results[offset + ROW_STATUS] = STATUS_TOO_FEW_BARS;
        results[offset + ROW_BARS_NEEDED] = needed;
        continue;
      }
      const bars = this.#barsFrom(from, job.to);
      const targets = this.#targets.subarray(0, bars.length);
      this.#strategy.targets(bars, parameters, targets);
      const windowTargets = targets.subarray(job.start - from);
      if (job.longOnly) clipLongOnly(windowTargets);
      evaluateTargets(
        this.#barReturns,
        windowTargets,
        n,
        job.cost,
        job.initialCash,
        periodsPerYear,
        this.#returns,
        results,
        offset,
      );
    }
  }

  /** The bar returns of the evaluated bars `[start, to)`, kept while consecutive jobs share them. */
  #prepareWindow(job: SweepJob): void {
    const key = `${job.from}:${job.start}:${job.to}`;
    if (key === this.#windowKey) return;
    const window = this.#series.slice(job.start, job.to);
    barReturnsOf(window.close, window.length, this.#barReturns);
    this.#targetBars.clear();
    this.#windowKey = key;
  }

  /** Bars `[from, to)` as a series view, made once per distinct warm-up of a job. */
  #barsFrom(from: number, to: number): BarSeries {
    let bars = this.#targetBars.get(from);
    if (bars === undefined) {
      bars = this.#series.slice(from, to);
      this.#targetBars.set(from, bars);
    }
    return bars;
  }
}

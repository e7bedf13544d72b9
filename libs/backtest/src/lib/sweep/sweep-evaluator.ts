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
  /** The bars `[from, to)` of the series every combination is evaluated on (a train window, or all). */
  from: number;
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
  #window: BarSeries | undefined;
  #windowTargets: Float64Array | undefined;
  #windowKey = '';

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
   * A combination the strategy refuses gets STATUS_INVALID; one needing more bars than the job's window
   * holds gets STATUS_TOO_FEW_BARS and the bars it needs (as `requireBars` counts them: warm-up + 2).
   * Any other error (a bug in a strategy) propagates.
   */
  evaluate(job: SweepJob, start: number, end: number, results: Float64Array): void {
    const series = this.#windowOf(job.from, job.to);
    const targets = this.#windowTargets as Float64Array;
    const n = series.length;
    const periodsPerYear = series.interval.periodsPerYear;
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
      const needed = this.#strategy.warmupBars(parameters) + 2;
      if (n < needed) {
        results[offset + ROW_STATUS] = STATUS_TOO_FEW_BARS;
        results[offset + ROW_BARS_NEEDED] = needed;
        continue;
      }
      this.#strategy.targets(series, parameters, targets);
      if (job.longOnly) clipLongOnly(targets);
      evaluateTargets(
        this.#barReturns,
        targets,
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

  /**
   * The bars `[from, to)`, a targets view of their length and their bar returns, kept while consecutive
   * jobs share the window.
   */
  #windowOf(from: number, to: number): BarSeries {
    const key = `${from}:${to}`;
    if (this.#window === undefined || key !== this.#windowKey) {
      this.#window = this.#series.slice(from, to);
      this.#windowTargets = this.#targets.subarray(0, this.#window.length);
      barReturnsOf(this.#window.close, this.#window.length, this.#barReturns);
      this.#windowKey = key;
    }
    return this.#window;
  }
}

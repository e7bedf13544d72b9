// What runSweep and runWalkForward share: checking the grid and the options, the job they evaluate,
// ranking the result rows, progress reporting, and the errors for grids with nothing to evaluate.
import { AetherError, type BarSeries, type FieldViolation } from '@aetherquant/core';
import {
  getStrategy,
  resolveStrategyParameters,
  type Strategy,
  type StrategyParameters,
} from '@aetherquant/strategies';
import { availableParallelism } from 'node:os';
import {
  ROW_ANNUAL_RETURN,
  ROW_BARS_NEEDED,
  ROW_CALMAR,
  ROW_FIELDS,
  ROW_FINAL_EQUITY,
  ROW_MAX_DRAWDOWN,
  ROW_SHARPE,
  ROW_SORTINO,
  ROW_STATUS,
  ROW_TOTAL_RETURN,
  ROW_TRADES,
  STATUS_EVALUATED,
  STATUS_INVALID,
} from './lean-evaluation';
import { combinationAt, gridCombinations, type ParameterGrid } from './parameter-grid';
import { type SweepJob } from './sweep-evaluator';

import { RANK_METRICS, type RankMetric } from '@aetherquant/core';

// The metrics a sweep can rank by are the request schema's (larger is better for each; drawdowns are ≤ 0).
export { RANK_METRICS, type RankMetric } from '@aetherquant/core';

const METRIC_OFFSETS: Record<RankMetric, number> = {
  sharpe: ROW_SHARPE,
  annual_return: ROW_ANNUAL_RETURN,
  total_return: ROW_TOTAL_RETURN,
  final_equity: ROW_FINAL_EQUITY,
  sortino: ROW_SORTINO,
  calmar: ROW_CALMAR,
  max_drawdown: ROW_MAX_DRAWDOWN,
};

/** Costs and cash as `backtestStrategy` takes them, and how a grid search runs. */
export interface GridSearchOptions {
  /** Starting equity of every run. */
  initialCash: number;
  /** Commission and slippage in basis points of traded notional, charged on turnover. */
  commissionBps: number;
  slippageBps: number;
  /** Clip targets at 0: no short positions. */
  longOnly?: boolean;
  /** The metric results are ranked by, larger first; `sharpe` by default. Null figures rank last. */
  rankBy?: RankMetric;
  /**
   * Threads: `os.availableParallelism()` by default (never more than there are combinations); 1 evaluates
   * inline in the calling thread, without workers. Workers need the strategy to be the registry's.
   */
  workers?: number;
  /**
   * Called as combinations finish: at most about 20 times a second, and once at the end with
   * `done === total`. An error thrown here fails the run.
   */
  onProgress?: (done: number, total: number) => void;
}

/** One evaluated combination, with the metrics of the lean evaluation (see `evaluateTargets`). */
export interface SweepRow {
  /** Every parameter of the strategy, resolved: the grid's values and defaults for the rest. */
  parameters: StrategyParameters;
  /** As `summary().sharpe`; null only for a ruined run (equity reached 0). */
  sharpe: number | null;
  annualReturn: number;
  totalReturn: number;
  maxDrawdown: number;
  finalEquity: number;
  /** Null without downside, or for a ruined run. */
  sortino: number | null;
  /** Null without drawdown. */
  calmar: number | null;
  /** Trades as `extractTrades` counts them. */
  trades: number;
}

/** A checked grid search: the job template and how to run it. */
export interface GridSearchPlan {
  names: string[];
  axes: number[][];
  count: number;
  cost: number;
  initialCash: number;
  longOnly: boolean;
  rankBy: RankMetric;
  threads: number;
}

/**
 * Checks the strategy, grid and options, collecting every violation into one INVALID_ARGUMENT (`context`):
 * grid names must be parameters of the strategy and each value must pass its parameter's own spec (type,
 * integrality, bounds), so that the only combinations a sweep skips are those a cross rule refuses (fast ≥
 * slow) and those the series is too short for.
 */
export function planGridSearch(
  strategy: Strategy,
  grid: ParameterGrid,
  options: GridSearchOptions,
  context: string,
  extraViolations: FieldViolation[] = [],
): GridSearchPlan {
  const count = gridCombinations(grid);
  const violations: FieldViolation[] = [...extraViolations];
  const specs = new Map(strategy.parameters.map((spec) => [spec.name, spec]));
  for (const [name, values] of Object.entries(grid)) {
    const spec = specs.get(name);
    if (spec === undefined) {
      const known = specs.size === 0 ? 'it has none' : `its parameters are ${[...specs.keys()].join(', ')}`;
      violations.push({ field: name, rule: `is not a parameter of ${strategy.name} (${known})` });
      continue;
    }
    for (const value of values) {
      try {
        resolveStrategyParameters(strategy.name, [spec], { [name]: value });
      } catch (error) {
        const rule = error instanceof AetherError ? error.details?.violations?.[0]?.rule : undefined;
        violations.push({ field: name, rule: rule ?? String(error) });
        break;
      }
    }
  }

  const { initialCash, commissionBps, slippageBps, rankBy = 'sharpe', workers } = options;
  if (!(initialCash > 0 && initialCash < Infinity)) {
    violations.push({ field: 'initial_cash', rule: `must be a positive amount (got ${initialCash})` });
  }
  if (!(commissionBps >= 0 && commissionBps < Infinity)) {
    violations.push({ field: 'commission_bps', rule: `must be at least 0 (got ${commissionBps})` });
  }
  if (!(slippageBps >= 0 && slippageBps < Infinity)) {
    violations.push({ field: 'slippage_bps', rule: `must be at least 0 (got ${slippageBps})` });
  }
  if (!(RANK_METRICS as readonly string[]).includes(rankBy)) {
    violations.push({
      field: 'rank_by',
      rule: `must be one of ${RANK_METRICS.join(', ')} (got ${JSON.stringify(rankBy)})`,
    });
  }
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) {
    violations.push({ field: 'workers', rule: `must be a whole number at least 1 (got ${workers})` });
  }
  // A thread finds a built-in by name and loads a strategy from a file again (`Strategy.reload`); any other
  // strategy (one a library user defined in their own code) runs on this thread: same results, one core.
  const threads = threadsCanLoad(strategy)
    ? Math.max(1, Math.min(workers ?? availableParallelism(), count))
    : 1;
  if (violations.length > 0) throw AetherError.invalid(violations, context);

  const names = Object.keys(grid);
  return {
    names,
    axes: names.map((name) => [...(grid[name] as readonly number[])]),
    count,
    cost: (commissionBps + slippageBps) / 10_000,
    initialCash,
    longOnly: options.longOnly === true,
    rankBy,
    threads,
  };
}

function threadsCanLoad(strategy: Strategy): boolean {
  if (strategy.reload !== undefined) return true;
  try {
    return getStrategy(strategy.name) === strategy;
  } catch {
    return false;
  }
}

/** The job of a plan evaluated on bars `[start, to)`, warmed up on bars from `from` (see {@link SweepJob}). */
export function jobOf(
  plan: GridSearchPlan,
  bars: { from: number; start: number; to: number },
  part: { first: number; count: number } = { first: 0, count: plan.count },
): SweepJob {
  const { names, axes, cost, initialCash, longOnly } = plan;
  const { from, start, to } = bars;
  return { names, axes, first: part.first, count: part.count, from, start, to, cost, initialCash, longOnly };
}

/** How the combinations of one evaluation ended. */
export interface Outcome {
  evaluated: number;
  invalid: number;
  tooFewBars: number;
  /** Among the combinations the bars were too few for: the one needing the fewest, and how many. */
  fewestNeeded?: { index: number; bars: number };
}

export function outcomeOf(results: Float64Array, count: number): Outcome {
  const outcome: Outcome = { evaluated: 0, invalid: 0, tooFewBars: 0 };
  for (let index = 0; index < count; index++) {
    const status = results[index * ROW_FIELDS + ROW_STATUS];
    if (status === STATUS_EVALUATED) outcome.evaluated++;
    else if (status === STATUS_INVALID) outcome.invalid++;
    else {
      outcome.tooFewBars++;
      const bars = results[index * ROW_FIELDS + ROW_BARS_NEEDED] as number;
      if (outcome.fewestNeeded === undefined || bars < outcome.fewestNeeded.bars) {
        outcome.fewestNeeded = { index, bars };
      }
    }
  }
  return outcome;
}

/**
 * The error for a grid none of whose combinations could be evaluated: every one refused by the strategy
 * (field `grid`, with the first refusal), or the bars too few for every valid one (field `bars`, with the
 * fewest any valid combination needs).
 */
export function nothingEvaluatedError(
  strategy: Strategy,
  plan: GridSearchPlan,
  outcome: Outcome,
  bars: number,
  context: string,
  barsField = 'bars',
): AetherError {
  const fewest = outcome.fewestNeeded;
  if (fewest === undefined) {
    let reason = '';
    try {
      strategy.resolveParameters(combinationAt(plan.names, plan.axes, 0, {}));
    } catch (error) {
      reason = `: ${error instanceof AetherError ? (error.details?.violations ?? []).map((v) => `${v.field} ${v.rule}`).join('; ') : String(error)}`;
    }
    const all = plan.count === 1 ? 'its only combination is' : `all ${plan.count} combinations are`;
    return AetherError.invalid(
      [
        {
          field: 'grid',
          rule: `must hold a valid combination for ${strategy.name}, but ${all} refused (the first${reason})`,
        },
      ],
      context,
    );
  }
  const parameters = strategy.resolveParameters(combinationAt(plan.names, plan.axes, fewest.index, {}));
  const names = strategy.warmupParameters ?? strategy.parameters.map((spec) => spec.name);
  const values = names.map((name) => `${name} ${parameters[name]}`).join(', ');
  const rule =
    `must number at least ${fewest.bars} for the shortest valid combination (${strategy.name}` +
    `${values ? ` with ${values}` : ''}) (got ${bars}): none of the ${outcome.tooFewBars} valid combinations fits`;
  return AetherError.invalid([{ field: barsField, rule }], context, {
    required: fewest.bars,
    available: bars,
  });
}

/** The value a row is ranked by, or NaN for null. */
export function scoreOf(results: Float64Array, index: number, rankBy: RankMetric): number {
  return results[index * ROW_FIELDS + METRIC_OFFSETS[rankBy]] as number;
}

/**
 * The evaluated combinations, best first by `rankBy` (larger is better); null (NaN) figures rank last,
 * and ties keep grid order, so the ranking is deterministic whatever the number of threads.
 */
export function rankCombinations(results: Float64Array, count: number, rankBy: RankMetric): number[] {
  const offset = METRIC_OFFSETS[rankBy];
  const indices: number[] = [];
  for (let index = 0; index < count; index++) {
    if (results[index * ROW_FIELDS + ROW_STATUS] === STATUS_EVALUATED) indices.push(index);
  }
  indices.sort((a, b) =>
    compareRanked(
      results[a * ROW_FIELDS + offset] as number,
      a,
      results[b * ROW_FIELDS + offset] as number,
      b,
    ),
  );
  return indices;
}

/**
 * The ranking's one order: metric `x` of combination `a` before metric `y` of `b` when larger, null (NaN)
 * figures last, ties in grid order. A total order on grid indices, so the best of several parts' best rows
 * are exactly the best of the whole grid.
 */
export function compareRanked(x: number, a: number, y: number, b: number): number {
  const xNull = Number.isNaN(x);
  const yNull = Number.isNaN(y);
  if (xNull || yNull) return xNull === yNull ? a - b : xNull ? 1 : -1;
  return y > x ? 1 : y < x ? -1 : a - b;
}

/** The offset in a result row of the figure `rankBy` ranks by. */
export function rankOffset(rankBy: RankMetric): number {
  return METRIC_OFFSETS[rankBy];
}

/** Row `index` as a {@link SweepRow}, its parameters resolved (defaults filled in). */
export function rowOf(
  strategy: Strategy,
  plan: GridSearchPlan,
  results: Float64Array,
  index: number,
): SweepRow {
  return rowAt(strategy, plan, results, index * ROW_FIELDS, index);
}

/** The row of grid combination `index` whose figures start at `offset` of `values`, as a {@link SweepRow}. */
export function rowAt(
  strategy: Strategy,
  plan: GridSearchPlan,
  values: ArrayLike<number>,
  offset: number,
  index: number,
): SweepRow {
  const at = (field: number) => values[offset + field] as number;
  const orNull = (value: number) => (Number.isNaN(value) ? null : value);
  return {
    parameters: strategy.resolveParameters(combinationAt(plan.names, plan.axes, index, {})),
    sharpe: orNull(at(ROW_SHARPE)),
    annualReturn: at(ROW_ANNUAL_RETURN),
    totalReturn: at(ROW_TOTAL_RETURN),
    maxDrawdown: at(ROW_MAX_DRAWDOWN),
    finalEquity: at(ROW_FINAL_EQUITY),
    sortino: orNull(at(ROW_SORTINO)),
    calmar: orNull(at(ROW_CALMAR)),
    trades: at(ROW_TRADES),
  };
}

/** Throttles progress to one call per 50 ms (about 20 a second), plus one final call at `total`. */
export class ProgressTracker {
  #done = 0;
  #last = 0;
  readonly #total: number;
  readonly #onProgress: ((done: number, total: number) => void) | undefined;

  constructor(total: number, onProgress: ((done: number, total: number) => void) | undefined) {
    this.#total = total;
    this.#onProgress = onProgress;
  }

  add(count: number): void {
    this.#done += count;
    if (this.#onProgress === undefined || this.#done >= this.#total) return;
    const now = Date.now();
    if (now - this.#last < 50) return;
    this.#last = now;
    this.#onProgress(this.#done, this.#total);
  }

  finish(): void {
    this.#onProgress?.(this.#total, this.#total);
  }
}

/** The bars of a series as the errors name them: `SPY 1d`. */
export function seriesName(series: BarSeries): string {
  return `${series.symbol} ${series.interval.name}`;
}

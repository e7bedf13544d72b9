import { type BarSeries } from '@aetherquant/core';
import { type Strategy } from '../strategy/strategy';
import { checkSeries } from './check-series';
import { CHECKED_PROPERTIES, type CheckedKind, checkProperties, type PropertyCase } from './property-check';
import { barColumns, changedBar, copyOfBars, firstMismatch } from './series-comparison';

/** The properties every strategy must have (GUIDE §9), in the order a verdict lists them. */
export const STRATEGY_PROPERTIES = CHECKED_PROPERTIES;
export type StrategyProperty = (typeof STRATEGY_PROPERTIES)[number];

/** What each property promises, as a verdict line prints it. */
export const STRATEGY_PROPERTY_RULES: Readonly<Record<StrategyProperty, string>> = {
  parameters: 'defaults lie within their bounds, resolve as they are, and an unknown name is refused',
  bounds: 'one finite target in [-1, 1] per bar, written into a given out array',
  'warm-up': 'flat (0) on every bar before warmupBars, a whole number of bars',
  determinism: 'the same bars give the same targets, and the bars are left untouched',
  'no-look-ahead': 'the target at bar t is the same when the bars after t are removed',
};

export interface StrategyVerdict {
  property: StrategyProperty;
  rule: string;
  passed: boolean;
  /** The first counter-example found, when the property fails (with the parameters and bar it failed on). */
  problem?: string;
}

export interface StrategyCheck {
  strategy: string;
  /** True when every property holds. */
  passed: boolean;
  verdicts: StrategyVerdict[];
  /** How much was tried: parameter sets (the defaults and the strategy's own edge cases) and series per set. */
  parameterSets: number;
  seriesPerSet: number;
}

export interface CheckStrategyOptions {
  /** Random series per parameter set, besides those sized around the warm-up [default: 40]. */
  series?: number;
  /** The longest random series, in bars [default: 300]. */
  maxLength?: number;
  /** Truncation points tried per series [default: 16, plus the warm-up's edges]. */
  cutsPerSeries?: number;
  /** The seed of the series: a verdict is the same for the same seed, on every machine [default: 1]. */
  seed?: number;
  /** Inputs to `resolveParameters` besides the defaults [default: the strategy's `contractParameterSets`]. */
  parameterSets?: readonly Readonly<Record<string, unknown>>[];
}

/**
 * Runs the strategy contract (GUIDE §9: bounds, warm-up honoured, determinism, no look-ahead by truncation) on
 * `strategy`, with its defaults and its own edge cases, over deterministic random series, and gives a verdict
 * per property with the first counter-example. It never throws for a faulty strategy: what the strategy
 * throws is the counter-example. The same check guards `aetherquant strategy check`, the strategy files an
 * API or a worker is started with, and (besides the deeper property tests) the built-ins.
 */
export function checkStrategy(strategy: Strategy, options: CheckStrategyOptions = {}): StrategyCheck {
  const { inputsPerSet, ...check } = checkProperties(
    strategy,
    SINGLE_ASSET,
    STRATEGY_PROPERTY_RULES,
    options,
    {
      randomInputs: options.series ?? 40,
      cutsPerInput: options.cutsPerSeries ?? 16,
    },
  );
  return { ...check, seriesPerSet: inputsPerSet };
}

type SingleAssetCase = PropertyCase<BarSeries>;

/** A single-asset strategy reads one series and returns one target array, so it is a universe of one. */
const SINGLE_ASSET: CheckedKind<Strategy, BarSeries, Float64Array> = {
  lengthsAlwaysTried: [0, 1, 2],
  draw: (length, random) => checkSeries(length, random),
  barCount: (bars) => bars.length,
  seriesCount: () => 1,
  firstBars: (bars, count) => bars.slice(0, count),
  targetColumns: (targets) => [targets],
  targetAt: (targets, _series, t) => targets[t],
  targetName: (_series, t) => `target[${t}]`,
  bounds: boundsProblem,
  determinism: determinismProblem,
};

function boundsProblem(strategy: Strategy, { parameters, inputs }: SingleAssetCase): string | undefined {
  for (const bars of inputs) {
    const targets = strategy.targets(bars, parameters);
    if (!(targets instanceof Float64Array)) return 'targets is not a Float64Array';
    if (targets.length !== bars.length) return `${targets.length} targets for ${bars.length} bars`;
    for (let t = 0; t < targets.length; t++) {
      const value = targets[t] as number;
      if (!(value >= -1 && value <= 1)) return `target[${t}] is ${value} on a series of ${bars.length} bars`;
    }
    const out = new Float64Array(bars.length).fill(Number.NaN);
    if (strategy.targets(bars, parameters, out) !== out)
      return 'targets(series, parameters, out) does not return out';
    const unwritten = out.findIndex((value, t) => !Object.is(value, targets[t]));
    if (unwritten >= 0) return `out[${unwritten}] is ${out[unwritten]}, not the target ${targets[unwritten]}`;
  }
  return undefined;
}

function determinismProblem(strategy: Strategy, { parameters, inputs }: SingleAssetCase): string | undefined {
  for (const bars of inputs) {
    const before = barColumns(bars);
    const first = strategy.targets(bars, parameters);
    const firstCopy = Float64Array.from(first);
    const changed = changedBar(before, barColumns(bars));
    if (changed !== undefined) return `the strategy changed the bars it was given (${changed})`;
    const again = strategy.targets(bars, parameters);
    if (again === first)
      return 'two calls return the same array: a caller keeping the first would see it change';
    const t = firstMismatch(firstCopy, again);
    if (t >= 0) return `target[${t}] is ${firstCopy[t]}, then ${again[t]} on the same bars`;
    const u = firstMismatch(firstCopy, strategy.targets(copyOfBars(bars), parameters));
    if (u >= 0) return `target[${u}] differs on a copy of the same bars`;
  }
  return undefined;
}

import { type BarSeries } from '@aetherquant/core';
import { checkSeries } from '../check/check-series';
import {
  CHECKED_PROPERTIES,
  type CheckedKind,
  checkProperties,
  type PropertyCase,
} from '../check/property-check';
import { barColumns, changedBar, copyOfBars, firstMismatch } from '../check/series-comparison';
import { type UniverseStrategy } from './universe-strategy';

/** The properties every universe strategy must have (GUIDE §9): those of a single-asset strategy. */
export const UNIVERSE_STRATEGY_PROPERTIES = CHECKED_PROPERTIES;
export type UniverseStrategyProperty = (typeof UNIVERSE_STRATEGY_PROPERTIES)[number];

/** What each property promises of a universe strategy, as a verdict line prints it. */
export const UNIVERSE_STRATEGY_PROPERTY_RULES: Readonly<Record<UniverseStrategyProperty, string>> = {
  parameters: 'defaults lie within their bounds, resolve as they are, and an unknown name is refused',
  bounds:
    'one finite target in [-1, 1] per symbol and bar, a gross exposure Σ|target| of at most 1 per bar, written into given out arrays',
  'warm-up': 'flat (0) for every symbol on every bar before warmupBars, a whole number of bars',
  determinism: 'the same bars give the same targets, and the bars are left untouched',
  'no-look-ahead': 'the targets at bar t are the same when the bars after t are removed from every series',
};

export interface UniverseStrategyVerdict {
  property: UniverseStrategyProperty;
  rule: string;
  passed: boolean;
  /** The first counter-example found, when the property fails (with the parameters and bar it failed on). */
  problem?: string;
}

export interface UniverseStrategyCheck {
  strategy: string;
  /** True when every property holds. */
  passed: boolean;
  verdicts: UniverseStrategyVerdict[];
  /** Parameter sets tried: the defaults and the strategy's own edge cases. */
  parameterSets: number;
  /** Universes tried per parameter set. */
  universesPerSet: number;
}

export interface CheckUniverseStrategyOptions {
  /** Random universes per parameter set, besides those sized around the warm-up [default: 24]. */
  universes?: number;
  /** The most symbols in a universe [default: 5]. */
  maxSymbols?: number;
  /** The longest random series, in bars [default: 300]. */
  maxLength?: number;
  /** Truncation points per universe [default: 16, plus the warm-up's edges]. */
  cutsPerUniverse?: number;
  /** The seed: a verdict is the same for the same seed on every machine [default: 1]. */
  seed?: number;
  /** Inputs to `resolveParameters` besides the defaults [default: the strategy's `contractParameterSets`]. */
  parameterSets?: readonly Readonly<Record<string, unknown>>[];
}

/**
 * The universe strategy contract: the single-asset contract (`checkStrategy`) lifted to universes. Over
 * deterministic random universes of 1 … maxSymbols aligned series (each drawn as `checkSeries` draws one),
 * with the defaults and the strategy's own edge cases: bounds (finite, in [-1, 1], gross ≤ 1), warm-up (all
 * flat before it), determinism (twice, on copies, bars untouched) and no look-ahead (the targets up to t are
 * unchanged when EVERY series is cut after t). Never throws for a faulty strategy: what it throws is the
 * counter-example.
 */
export function checkUniverseStrategy(
  strategy: UniverseStrategy,
  options: CheckUniverseStrategyOptions = {},
): UniverseStrategyCheck {
  const { inputsPerSet, ...check } = checkProperties(
    strategy,
    universeKind(options.maxSymbols ?? 5),
    UNIVERSE_STRATEGY_PROPERTY_RULES,
    options,
    { randomInputs: options.universes ?? 24, cutsPerInput: options.cutsPerUniverse ?? 16 },
  );
  return { ...check, universesPerSet: inputsPerSet };
}

type Universe = BarSeries[];
type UniverseCase = PropertyCase<Universe>;

/** Universes of 1 … `maxSymbols` aligned series (checkSeries gives every series one calendar). */
function universeKind(maxSymbols: number): CheckedKind<UniverseStrategy, Universe, Float64Array[]> {
  return {
    lengthsAlwaysTried: [0, 1],
    draw: (length, random) => universeOf(1 + Math.floor(random() * maxSymbols), length, random),
    barCount: (universe) => universe[0]?.length ?? 0,
    seriesCount: (universe) => universe.length,
    firstBars: (universe, count) => universe.map((series) => series.slice(0, count)),
    targetColumns: (targets) => targets,
    targetAt: (targets, series, t) => targets[series]?.[t],
    targetName: (series, t) => `targets[${series}][${t}]`,
    bounds: boundsProblem,
    determinism: determinismProblem,
  };
}

/** A universe of `symbols` aligned series of `length` bars, named S0, S1, … */
function universeOf(symbols: number, length: number, random: () => number): Universe {
  return Array.from({ length: symbols }, (_, i) => checkSeries(length, random, `S${i}`));
}

function boundsProblem(strategy: UniverseStrategy, { parameters, inputs }: UniverseCase): string | undefined {
  for (const universe of inputs) {
    const targets = strategy.targets(universe, parameters);
    const n = universe[0]?.length ?? 0;
    if (!Array.isArray(targets) || targets.length !== universe.length)
      return `targets is not one array per series (${universe.length} series)`;
    for (let t = 0; t < n; t++) {
      let gross = 0;
      for (let i = 0; i < universe.length; i++) {
        const column = targets[i];
        if (!(column instanceof Float64Array) || column.length !== n)
          return `targets[${i}] is not a Float64Array of ${n} targets`;
        const value = column[t] as number;
        if (!(value >= -1 && value <= 1))
          return `targets[${i}][${t}] is ${value} in a universe of ${universe.length} series of ${n} bars`;
        gross += Math.abs(value);
      }
      if (gross > 1 + 1e-9)
        return `the gross exposure on bar ${t} is ${gross} in a universe of ${universe.length} series`;
    }
    const out = universe.map((series) => new Float64Array(series.length).fill(Number.NaN));
    const written = strategy.targets(universe, parameters, out);
    if (written.some((column, i) => column !== out[i]))
      return 'targets(universe, parameters, out) does not return the out arrays';
    for (let i = 0; i < universe.length; i++) {
      const t = firstMismatch(out[i] as Float64Array, targets[i] as Float64Array);
      if (t >= 0) return `out[${i}][${t}] is ${out[i]?.[t]}, not the target ${targets[i]?.[t]}`;
    }
  }
  return undefined;
}

function determinismProblem(
  strategy: UniverseStrategy,
  { parameters, inputs }: UniverseCase,
): string | undefined {
  for (const universe of inputs) {
    const before = universe.map(barColumns);
    const first = strategy.targets(universe, parameters).map((column) => Float64Array.from(column));
    for (const [i, series] of universe.entries()) {
      const changed = changedBar(before[i] as number[][], barColumns(series));
      if (changed !== undefined)
        return `the strategy changed the bars it was given (${series.symbol} ${changed})`;
    }
    const again = strategy.targets(universe, parameters);
    const copy = strategy.targets(universe.map(copyOfBars), parameters);
    for (let i = 0; i < universe.length; i++) {
      const t = firstMismatch(first[i] as Float64Array, again[i] as Float64Array);
      if (t >= 0) return `targets[${i}][${t}] is ${first[i]?.[t]}, then ${again[i]?.[t]} on the same bars`;
      const u = firstMismatch(first[i] as Float64Array, copy[i] as Float64Array);
      if (u >= 0) return `targets[${i}][${u}] differs on a copy of the same bars`;
    }
  }
  return undefined;
}

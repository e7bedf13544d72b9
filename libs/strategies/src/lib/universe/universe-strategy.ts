import { AetherError, type BarSeries, type FieldViolation } from '@aetherquant/core';
import { refuseReturned, DEFINED_STRATEGY_KEYS, definedStrategyCommon } from '../strategy/define-strategy';
import { type ParameterSpec, type StrategyParameters } from '../strategy/strategy';

/**
 * A cross-sectional strategy (GUIDE §9): it reads every symbol of a universe at once (aligned series, one
 * calendar) and writes a target exposure per symbol per bar. At each bar t, each target is a finite number in
 * [-1, 1] and the gross exposure Σᵢ |target_i[t]| is at most 1 (the targets are fractions of one equity), and
 * every target at t uses bars ≤ t of every series only (removing the bars after t, of all series, changes
 * none of them). Parameters, warm-up and contract parameter sets work exactly as a {@link Strategy}'s.
 */
export interface UniverseStrategy {
  /** Tells a universe strategy apart from a single-asset one (a strategy file may export either). */
  readonly kind: 'universe';
  /** Lower-case words joined by hyphens (`top-momentum`), unique among the strategies a process loads. */
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly ParameterSpec[];
  /** As {@link Strategy.warmupParameters}. */
  readonly warmupParameters?: readonly string[];
  /** As {@link Strategy.contractParameterSets}. */
  readonly contractParameterSets?: readonly Readonly<Record<string, number>>[];
  /** As {@link Strategy.resolveParameters}. */
  resolveParameters(input: Record<string, unknown>): StrategyParameters;
  /** Bars before the first bar whose targets can be non-zero. */
  warmupBars(parameters: StrategyParameters): number;
  /**
   * One target array per series (in the universe's order), each one value per bar, written into `out` when
   * given (one array per series, each as long as the series) and returned.
   */
  targets(
    universe: readonly BarSeries[],
    parameters: StrategyParameters,
    out?: readonly Float64Array[],
  ): Float64Array[];
}

/** What a universe strategy module provides; {@link defineUniverseStrategy} adds the rest. */
export interface UniverseStrategyDefinition {
  name: string;
  description: string;
  parameters: readonly ParameterSpec[];
  warmupParameters?: readonly string[];
  contractParameterSets?: readonly Readonly<Record<string, number>>[];
  /** Rules between parameters, as {@link StrategyDefinition.crossRules}. */
  crossRules?: (parameters: StrategyParameters) => FieldViolation[];
  warmupBars(parameters: StrategyParameters): number;
  /**
   * Writes every target of every series: `targets[i][t]` for series i at bar t (the arrays may hold stale
   * values: every element must be written). The series are aligned: `universe[i].time[t]` is the same for
   * every i. The hot loop: no allocation or closure per bar.
   */
  compute(universe: readonly BarSeries[], parameters: StrategyParameters, targets: Float64Array[]): void;
}

/** The keys a universe strategy made by {@link defineUniverseStrategy} has: a defined strategy's, and `kind`. */
export const UNIVERSE_STRATEGY_KEYS: ReadonlySet<string> = new Set(['kind', ...DEFINED_STRATEGY_KEYS]);

/**
 * Builds a {@link UniverseStrategy} from its definition, with the members every defined strategy shares
 * (frozen specs, parameters resolved exactly as `defineStrategy` resolves them: defaults, bounds, unknown
 * names, cross rules). `targets` checks the universe is aligned (one calendar) and `out` is shaped like it
 * before calling `compute`.
 */
export function defineUniverseStrategy(definition: UniverseStrategyDefinition): UniverseStrategy {
  const common = definedStrategyCommon(definition);
  const { name, compute } = definition;
  // Parameters are resolved on every call: defineStrategy's fast path for parameters already resolved serves
  // the hot loop of a sweep, and sweeps take single-asset strategies only.
  const { resolveParameters } = common;

  const strategy: UniverseStrategy = {
    kind: 'universe',
    ...common,
    warmupBars: (parameters) => definition.warmupBars(resolveParameters(parameters)),
    targets(universe, parameters, out) {
      const values = resolveParameters(parameters);
      checkUniverse(universe, out, name);
      const targets =
        out === undefined ? universe.map((series) => new Float64Array(series.length)) : [...out];
      refuseReturned(compute(universe, values, targets), targets, name);
      return targets;
    },
  };
  return Object.freeze(strategy);
}

/** True for a strategy made by {@link defineUniverseStrategy} (by whichever copy of this package). */
export function isUniverseStrategy(value: unknown): value is UniverseStrategy {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'universe' &&
    typeof (value as { targets?: unknown }).targets === 'function' &&
    typeof (value as { resolveParameters?: unknown }).resolveParameters === 'function'
  );
}

/** A universe of at least one series, all on one calendar; `out` one array per series, each as long. */
function checkUniverse(
  universe: readonly BarSeries[],
  out: readonly Float64Array[] | undefined,
  name: string,
): void {
  const violations: FieldViolation[] = [];
  if (universe.length === 0) violations.push({ field: 'universe', rule: 'must hold at least one series' });
  const times = universe[0]?.time;
  if (times !== undefined) {
    for (const series of universe) {
      if (series.length !== times.length || series.time.some((time, t) => time !== times[t])) {
        violations.push({
          field: 'universe',
          rule: `must be aligned on one calendar (${series.symbol} differs from ${universe[0]?.symbol})`,
        });
        break;
      }
    }
  }
  if (out !== undefined) {
    if (out.length !== universe.length) {
      violations.push({
        field: 'out',
        rule: `must hold one array per series (got ${out.length} for ${universe.length} series)`,
      });
    } else {
      out.forEach((array, i) => {
        const n = universe[i]?.length ?? 0;
        if (!(array instanceof Float64Array) || array.length !== n) {
          violations.push({
            field: `out[${i}]`,
            rule: `must be a Float64Array of one element per bar (${n})`,
          });
        }
      });
    }
  }
  if (violations.length > 0) throw AetherError.invalid(violations, `${name} targets`);
}

/**
 * Why `targets` is not a valid target matrix for `universe` (the first bad value, dated), or undefined: one
 * Float64Array per series, one finite value in [-1, 1] per bar, and a gross exposure of at most 1 per bar
 * (with a tolerance of 1e-9 for sums of fractions such as 3 × 1/3).
 */
export function universeTargetsProblem(targets: unknown, universe: readonly BarSeries[]): string | undefined {
  if (!Array.isArray(targets) || targets.length !== universe.length) {
    return `must be one Float64Array per series (got ${Array.isArray(targets) ? targets.length : typeof targets} for ${universe.length})`;
  }
  const n = universe[0]?.length ?? 0;
  for (let i = 0; i < targets.length; i++) {
    const array: unknown = targets[i];
    if (!(array instanceof Float64Array) || array.length !== n) {
      return `targets[${i}] must be a Float64Array of one target per bar (${n})`;
    }
  }
  const columns = targets as Float64Array[];
  for (let t = 0; t < n; t++) {
    let gross = 0;
    for (let i = 0; i < columns.length; i++) {
      const value = (columns[i] as Float64Array)[t] as number;
      if (!(value >= -1 && value <= 1)) {
        return `must be finite numbers in [-1, 1] (got ${value} for ${universe[i]?.symbol} on bar ${t}, ${dayOf(universe, t)})`;
      }
      gross += Math.abs(value);
    }
    if (gross > 1 + 1e-9) {
      return `must have a gross exposure of at most 1 (got ${gross} on bar ${t}, ${dayOf(universe, t)})`;
    }
  }
  return undefined;
}

function dayOf(universe: readonly BarSeries[], t: number): string {
  const time = universe[0]?.time[t];
  return time === undefined ? '?' : new Date(time).toISOString().slice(0, 10);
}

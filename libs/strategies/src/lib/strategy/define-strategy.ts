import { AetherError, type BarSeries, type FieldViolation } from '@aetherquant/core';
import { isResolved, resolveStrategyParameters } from './parameter-resolution';
import { type ParameterSpec, type Strategy, type StrategyParameters } from './strategy';

/** What a strategy module provides; {@link defineStrategy} adds parameter resolution and the `out` check. */
export interface StrategyDefinition {
  name: string;
  description: string;
  parameters: readonly ParameterSpec[];
  warmupParameters?: readonly string[];
  /** As {@link Strategy.contractParameterSets}. */
  contractParameterSets?: readonly Readonly<Record<string, number>>[];
  /**
   * Rules between parameters, checked once every value passes its own spec. Each violation's field is a
   * parameter name and its rule names the other parameter: `fast` "must be less than slow (…)".
   */
  crossRules?: (parameters: StrategyParameters) => FieldViolation[];
  /** As {@link Strategy.warmupBars}, for resolved parameters. */
  warmupBars(parameters: StrategyParameters): number;
  /**
   * Writes one target per bar into `target` (as long as the series, possibly holding stale values: every
   * element must be written) for resolved parameters. The hot loop: no allocation or closure per bar.
   */
  compute(series: BarSeries, parameters: StrategyParameters, target: Float64Array): void;
}

/**
 * Builds a {@link Strategy} from its definition. `targets` and `warmupBars` accept parameters that are not
 * resolved yet (missing ones take their defaults, bad ones throw as `resolveParameters` does); resolved
 * parameters are recognised by a check that allocates nothing per bar, so sweeps pay almost nothing for it.
 */
export function defineStrategy(definition: StrategyDefinition): Strategy {
  const common = definedStrategyCommon(definition);
  const { name, crossRules, compute } = definition;
  const resolved = (parameters: StrategyParameters): StrategyParameters =>
    isResolved(common.parameters, parameters, crossRules) ? parameters : common.resolveParameters(parameters);

  const strategy: Strategy = {
    ...common,
    warmupBars: (parameters) => definition.warmupBars(resolved(parameters)),
    targets(series, parameters, out) {
      const values = resolved(parameters);
      const n = series.length;
      if (out !== undefined && out.length !== n) {
        throw AetherError.invalid(
          [{ field: 'out', rule: `must have one element per bar (got ${out.length} for ${n} bars)` }],
          `${name} targets`,
        );
      }
      const target = out ?? new Float64Array(n);
      refuseReturned(compute(series, values, target), target, name);
      return target;
    },
  };
  return Object.freeze(strategy);
}

/**
 * What a definition of either kind (single-asset or universe) holds besides `warmupBars` and `compute`:
 * `UniverseStrategyDefinition` declares these members as `StrategyDefinition` does.
 */
export type CommonDefinition = Omit<StrategyDefinition, 'warmupBars' | 'compute'>;

/** The members a defined strategy of either kind starts with, in the order its keys are listed. */
export type CommonMembers = Omit<Strategy, 'warmupBars' | 'targets' | 'reload'>;

/**
 * The keys of a strategy made by {@link defineStrategy} or `defineUniverseStrategy` (which adds `kind`); a
 * strategy module's entry with any other key is refused, since a typo there would otherwise pass unnoticed.
 */
export const DEFINED_STRATEGY_KEYS: readonly string[] = [
  'name',
  'description',
  'parameters',
  'warmupParameters',
  'contractParameterSets',
  'resolveParameters',
  'warmupBars',
  'targets',
];

/**
 * The members every defined strategy shares, from its definition: frozen copies of the parameter specs and
 * of the optional lists (a module cannot change a strategy once it is defined, nor one strategy's specs
 * another's), and `resolveParameters` by {@link resolveStrategyParameters}, so both kinds refuse the same
 * parameters with the same messages.
 */
export function definedStrategyCommon(definition: CommonDefinition): CommonMembers {
  const specs = Object.freeze(definition.parameters.map((spec) => Object.freeze({ ...spec })));
  const { name, crossRules } = definition;
  return {
    name,
    description: definition.description,
    parameters: specs,
    ...(definition.warmupParameters && { warmupParameters: Object.freeze([...definition.warmupParameters]) }),
    ...(definition.contractParameterSets && {
      contractParameterSets: Object.freeze(
        definition.contractParameterSets.map((parameters) => Object.freeze({ ...parameters })),
      ),
    }),
    resolveParameters: (input) => resolveStrategyParameters(name, specs, input, crossRules),
  };
}

/**
 * Refuses a `compute` that returned something: it must write its targets into the array it is given. One that
 * returns an array (or is `async`) would otherwise leave the targets unwritten, and a run flat.
 */
export function refuseReturned(returned: unknown, written: unknown, name: string): void {
  // Returning the array it wrote into is harmless (`(series, p, target) => target.fill(0)` does).
  if (returned === undefined || returned === written) return;
  const what =
    returned instanceof Promise
      ? 'a Promise: compute must not be async'
      : Array.isArray(returned) || ArrayBuffer.isView(returned)
        ? 'an array'
        : typeof returned;
  throw AetherError.invalid(
    [
      {
        field: 'compute',
        rule: `must write its targets into the array it is given and return nothing (it returned ${what})`,
      },
    ],
    `${name} targets`,
  );
}

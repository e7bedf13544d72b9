import { AetherError, type BarSeries, type FieldViolation } from '@aetherquant/core';
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
  const specs = Object.freeze(definition.parameters.map((spec) => Object.freeze({ ...spec })));
  const { name, crossRules, compute } = definition;

  const resolveParameters = (input: Record<string, unknown>): StrategyParameters =>
    resolveStrategyParameters(name, specs, input, crossRules);
  const resolved = (parameters: StrategyParameters): StrategyParameters =>
    isResolved(specs, parameters, crossRules) ? parameters : resolveParameters(parameters);

  const strategy: Strategy = {
    name,
    description: definition.description,
    parameters: specs,
    ...(definition.warmupParameters && { warmupParameters: Object.freeze([...definition.warmupParameters]) }),
    ...(definition.contractParameterSets && {
      contractParameterSets: Object.freeze(
        definition.contractParameterSets.map((parameters) => Object.freeze({ ...parameters })),
      ),
    }),
    resolveParameters,
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
      compute(series, values, target);
      return target;
    },
  };
  return Object.freeze(strategy);
}

/**
 * Resolves `input` against `specs`: defaults for absent (or `undefined`) values, each value checked for
 * type, finiteness, integrality and bounds, unknown names rejected, then the cross rules. Throws one
 * INVALID_ARGUMENT (`<strategy> parameters: …`) listing every violation.
 */
export function resolveStrategyParameters(
  strategyName: string,
  specs: readonly ParameterSpec[],
  input: Record<string, unknown> | null | undefined,
  crossRules?: (parameters: StrategyParameters) => FieldViolation[],
): StrategyParameters {
  const given = input ?? {};
  const resolved: StrategyParameters = {};
  const violations: FieldViolation[] = [];
  for (const spec of specs) {
    const value = Object.hasOwn(given, spec.name) ? given[spec.name] : undefined;
    if (value === undefined) {
      resolved[spec.name] = spec.default;
      continue;
    }
    const rule = valueRule(spec, value);
    if (rule === undefined) resolved[spec.name] = value as number;
    else violations.push({ field: spec.name, rule });
  }
  for (const key of Object.keys(given)) {
    if (specs.some((spec) => spec.name === key)) continue;
    const known =
      specs.length === 0 ? 'it has none' : `its parameters are ${specs.map((spec) => spec.name).join(', ')}`;
    violations.push({ field: key, rule: `is not a parameter of ${strategyName} (${known})` });
  }
  // Cross rules compare values, which only means something once each value is valid on its own.
  if (violations.length === 0 && crossRules) violations.push(...crossRules(resolved));
  if (violations.length > 0) throw AetherError.invalid(violations, `${strategyName} parameters`);
  return resolved;
}

/** Why `value` breaks `spec`, phrased to follow the parameter name, or undefined when it is fine. */
function valueRule(spec: ParameterSpec, value: unknown): string | undefined {
  if (typeof value !== 'number') return `must be a number (got ${describeValue(value)})`;
  if (!Number.isFinite(value)) return `must be a finite number (got ${value})`;
  if (spec.kind === 'integer' && !Number.isInteger(value)) return `must be an integer (got ${value})`;
  if (value < spec.min) return `must be at least ${spec.min} (got ${value})`;
  if (value > spec.max) return `must be at most ${spec.max} (got ${value})`;
  return undefined;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

/** True when `parameters` holds exactly the specs' names, each valid, and the cross rules pass. */
function isResolved(
  specs: readonly ParameterSpec[],
  parameters: StrategyParameters,
  crossRules: ((parameters: StrategyParameters) => FieldViolation[]) | undefined,
): boolean {
  if (parameters === null || typeof parameters !== 'object') return false;
  let count = 0;
  for (const key in parameters) if (Object.hasOwn(parameters, key)) count++;
  if (count !== specs.length) return false;
  for (const spec of specs) {
    if (!Object.hasOwn(parameters, spec.name)) return false;
    if (valueRule(spec, parameters[spec.name]) !== undefined) return false;
  }
  return crossRules === undefined || crossRules(parameters).length === 0;
}

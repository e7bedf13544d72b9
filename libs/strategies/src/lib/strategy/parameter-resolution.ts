import { AetherError, type FieldViolation } from '@aetherquant/core';
import { type ParameterSpec, type StrategyParameters } from './strategy';

// Parameter resolution, the same for every kind of strategy: `defineStrategy` and `defineUniverseStrategy`
// resolve with it, and a sweep checks the values of its grid with it.

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

/**
 * True when `parameters` holds exactly the specs' names, each valid, and the cross rules pass: what
 * {@link resolveStrategyParameters} would return as it is. It allocates nothing, so a strategy can skip
 * resolving the parameters a sweep already resolved.
 */
export function isResolved(
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

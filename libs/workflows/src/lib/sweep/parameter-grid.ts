import { AetherError, type FieldViolation } from '@aetherquant/core';
import { parseRange } from '@aetherquant/backtest';
import { type Strategy } from '@aetherquant/strategies';

/**
 * A request's grid (`{ fast: "5:50:5", slow: [20, 50], … }`) as value lists, each key checked to be one of the
 * strategy's parameters; errors name the request field `params.<name>`.
 */
export function requestGrid(
  strategy: Strategy,
  grid: Record<string, number | number[] | string>,
): Record<string, number[]> {
  const known = new Set(strategy.parameters.map((parameter) => parameter.name));
  const violations: FieldViolation[] = [];
  const values: Record<string, number[]> = {};
  for (const [name, spec] of Object.entries(grid)) {
    const field = `params.${name}`;
    if (!known.has(name)) {
      violations.push({
        field,
        rule: `is not a parameter of ${strategy.name} (its parameters are ${[...known].join(', ') || 'none'})`,
      });
      continue;
    }
    try {
      values[name] = typeof spec === 'number' ? [spec] : Array.isArray(spec) ? spec : parseRange(spec, field);
    } catch (error) {
      if (error instanceof AetherError && error.details?.violations)
        violations.push(...error.details.violations);
      else throw error;
    }
  }
  if (violations.length > 0) throw AetherError.invalid(violations, `${strategy.name} grid`);
  return values;
}

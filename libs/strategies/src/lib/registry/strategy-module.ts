import {
  AetherError,
  check,
  type FieldViolation,
  strategyParameterDescriptionSchema,
} from '@aetherquant/core';
import { defineStrategy, type StrategyDefinition } from '../strategy/define-strategy';
import { type Strategy } from '../strategy/strategy';
import { STRATEGY_NAME_PATTERN } from './strategy-registry';

/** The keys of a {@link StrategyDefinition}: any other is a typo that would otherwise pass unnoticed. */
const DEFINITION_KEYS: ReadonlySet<string> = new Set([
  'name',
  'description',
  'parameters',
  'warmupParameters',
  'contractParameterSets',
  'crossRules',
  'warmupBars',
  'compute',
]);

const DEFINITION_SHAPE = '{ name, description, parameters, warmupBars, compute }';

/**
 * The strategies of a strategy module: a file an app is started with, loaded on each thread that runs
 * strategies (a module path crosses to a worker thread; a strategy's functions cannot). Its default export
 * (`module.exports`, or `export default`) is one {@link StrategyDefinition} or a list of them: plain objects
 * and functions that need nothing of this package, checked here and defined as the built-ins are, so they
 * resolve parameters and pass the contract suite the same way. Every problem is listed in one
 * INVALID_ARGUMENT that names the module (`source`).
 */
export function strategiesOfModule(moduleExports: unknown, source: string): Strategy[] {
  const exported =
    isRecord(moduleExports) && Object.hasOwn(moduleExports, 'default')
      ? moduleExports['default']
      : moduleExports;
  const definitions: unknown[] = Array.isArray(exported) ? exported : [exported];
  const violations =
    definitions.length === 0
      ? [{ field: 'default export', rule: 'must be a strategy definition or a list of them (got [])' }]
      : definitions.flatMap((definition, index) =>
          definitionViolations(definition, Array.isArray(exported) ? `[${index}]` : ''),
        );
  if (violations.length > 0) throw AetherError.invalid(violations, `strategy module ${source}`);
  return definitions.map((definition) => defineStrategy(definition as StrategyDefinition));
}

/** What is wrong with `value` as a definition, each field prefixed with `at` (`[1]` in a list). */
function definitionViolations(value: unknown, at: string): FieldViolation[] {
  const field = (name: string) => (at ? `${at}.${name}` : name);
  if (!isRecord(value)) {
    return [{ field: at || 'default export', rule: `must be a strategy definition ${DEFINITION_SHAPE}` }];
  }
  const violations: FieldViolation[] = [];
  const name = value['name'];
  if (typeof name !== 'string' || !STRATEGY_NAME_PATTERN.test(name)) {
    violations.push({
      field: field('name'),
      rule: `must be lower-case words joined by hyphens, such as ma-cross (got ${shown(name)})`,
    });
  }
  const description = value['description'];
  if (typeof description !== 'string' || description.trim() === '') {
    violations.push({ field: field('description'), rule: `must be a sentence (got ${shown(description)})` });
  }
  const parameters = value['parameters'];
  if (Array.isArray(parameters)) violations.push(...parameterViolations(parameters, field('parameters')));
  else violations.push({ field: field('parameters'), rule: 'must be a list (empty when there are none)' });
  for (const key of ['warmupBars', 'compute']) {
    if (typeof value[key] !== 'function') violations.push({ field: field(key), rule: 'must be a function' });
  }
  if (value['crossRules'] !== undefined && typeof value['crossRules'] !== 'function') {
    violations.push({ field: field('crossRules'), rule: 'must be a function when given' });
  }
  for (const key of ['warmupParameters', 'contractParameterSets']) {
    if (value[key] !== undefined && !Array.isArray(value[key])) {
      violations.push({ field: field(key), rule: 'must be a list when given' });
    }
  }
  for (const key of Object.keys(value)) {
    if (!DEFINITION_KEYS.has(key)) {
      violations.push({
        field: field(key),
        rule: `is not part of a strategy definition ${DEFINITION_SHAPE}`,
      });
    }
  }
  return violations;
}

/** Each parameter as `GET /api/strategies` describes it, with its default within its bounds. */
function parameterViolations(parameters: unknown[], at: string): FieldViolation[] {
  return parameters.flatMap((parameter, index): FieldViolation[] => {
    const checked = check(strategyParameterDescriptionSchema, parameter, {
      fieldName: (path) => `${at}[${index}]${path ? `.${path}` : ''}`,
    });
    if (!checked.success) return checked.violations;
    const { min, max } = checked.data;
    if (min <= checked.data.default && checked.data.default <= max) return [];
    return [
      { field: `${at}[${index}].default`, rule: `must lie within min and max (got ${checked.data.default})` },
    ];
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

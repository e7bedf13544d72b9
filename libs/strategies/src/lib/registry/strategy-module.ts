import {
  AetherError,
  type BarSeries,
  check,
  type FieldViolation,
  strategyParameterDescriptionSchema,
} from '@aetherquant/core';
import { DEFINED_STRATEGY_KEYS, defineStrategy, type StrategyDefinition } from '../strategy/define-strategy';
import { type Strategy, type StrategyReload } from '../strategy/strategy';
import { isUniverseStrategy } from '../universe/universe-strategy';
import { type FenceKind, fencedMembers } from './code-fence';
import {
  isRecord,
  isSentence,
  type ModuleEntry,
  moduleEntries,
  nameViolations,
  shown,
  unknownKeyViolations,
} from './module-entries';

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
 * The keys a strategy made by {@link defineStrategy} may have (its own, whichever copy of this package made
 * it), and `reload`, which a strategy loaded from a file carries.
 */
const STRATEGY_KEYS: ReadonlySet<string> = new Set([...DEFINED_STRATEGY_KEYS, 'reload']);

/**
 * The strategies of a strategy module: a file an app is started with (`--strategy-file`,
 * `AETHERQ_STRATEGY_PATHS`), loaded on each thread that runs strategies (a module path crosses to a worker
 * thread; a strategy's functions cannot). Its default export (`module.exports`, or `export default`) is one
 * strategy or a list of them: each either made with {@link defineStrategy} (by whichever copy of this package
 * the file imports) or a plain {@link StrategyDefinition}, which is defined here as the built-ins are (one
 * made with `defineUniverseStrategy` is accepted and left out: `universeStrategiesOfModule` returns it). Every
 * problem is listed in one INVALID_ARGUMENT that names the module (`source`). The strategies returned are
 * {@link guardStrategy guarded}: what their code throws or writes out of bounds is an error naming the file.
 */
export function strategiesOfModule(
  moduleExports: unknown,
  source: string,
  options: { loader?: string } = {},
): Strategy[] {
  // A universe strategy (defineUniverseStrategy) is left to universeStrategiesOfModule.
  const entries = moduleEntries(moduleExports);
  const singleAsset = entries.filter((entry) => !isUniverseStrategy(entry.value));
  const violations =
    entries.length === 0
      ? [{ field: 'default export', rule: 'must be a strategy or a list of them (got [])' }]
      : singleAsset.flatMap(entryViolations);
  if (violations.length > 0) throw AetherError.invalid(violations, `strategy module ${source}`);
  const reload = options.loader === undefined ? undefined : { module: source, loader: options.loader };
  return singleAsset.map(({ value }) =>
    guardStrategy(
      isDefinedStrategy(value) ? value : defineStrategy(value as StrategyDefinition),
      source,
      reload,
    ),
  );
}

/**
 * `strategy` with its code fenced off, for strategies that come from files: an error its code throws (other
 * than an AetherError, such as a parameter it refuses) becomes an INVALID_ARGUMENT naming the strategy and
 * `source`, as does a warm-up that is not a whole number of bars or a target that is not a finite number in
 * [-1, 1] (checked on every call, O(n): a bad target must never reach an equity curve).
 */
export function guardStrategy(strategy: Strategy, source: string, reload?: StrategyReload): Strategy {
  return Object.freeze({
    ...strategy,
    ...(reload && { reload }),
    ...fencedMembers(strategy, source, SINGLE_ASSET_FENCE),
  });
}

const SINGLE_ASSET_FENCE: FenceKind<BarSeries, Float64Array, Float64Array> = {
  seriesOf: (series) => [series],
  unwritten: (series, out) => (out ?? new Float64Array(series.length)).fill(Number.NaN),
  targetsProblem,
};

/** Why `targets` is not one finite number in [-1, 1] per bar of `series` (the first bad one, dated), or undefined. */
function targetsProblem(targets: unknown, series: BarSeries): string | undefined {
  if (!(targets instanceof Float64Array)) return 'must be a Float64Array, one target per bar';
  if (targets.length !== series.length) {
    return `must hold one target per bar (got ${targets.length} for ${series.length} bars)`;
  }
  for (let t = 0; t < targets.length; t++) {
    const value = targets[t] as number;
    if (value >= -1 && value <= 1) continue;
    const day = new Date(series.time[t] as number).toISOString().slice(0, 10);
    return Number.isNaN(value)
      ? `must be finite numbers in [-1, 1], each written by compute (got NaN on bar ${t}, ${day}: written as NaN, or never written)`
      : `must be finite numbers in [-1, 1] (got ${value} on bar ${t}, ${day})`;
  }
  return undefined;
}

/** True for a strategy made by {@link defineStrategy}: it resolves its parameters and computes its targets itself. */
function isDefinedStrategy(value: unknown): value is Strategy {
  return (
    isRecord(value) &&
    typeof value['targets'] === 'function' &&
    typeof value['resolveParameters'] === 'function'
  );
}

/** What is wrong with an entry as a strategy or a definition, each field named as the entry names it. */
function entryViolations(entry: ModuleEntry): FieldViolation[] {
  const { value, at, field } = entry;
  if (!isRecord(value)) {
    return [
      {
        field: at || 'default export',
        rule: `must be a strategy made with defineStrategy, or a definition ${DEFINITION_SHAPE}`,
      },
    ];
  }
  const defined = isDefinedStrategy(value);
  const violations: FieldViolation[] = [];
  violations.push(...nameViolations(value['name'], field('name'), 'ma-cross'));
  const description = value['description'];
  if (!isSentence(description)) {
    violations.push({ field: field('description'), rule: `must be a sentence (got ${shown(description)})` });
  }
  const parameters = value['parameters'];
  if (Array.isArray(parameters)) violations.push(...parameterViolations(parameters, field('parameters')));
  else violations.push({ field: field('parameters'), rule: 'must be a list (empty when there are none)' });
  for (const key of defined ? ['warmupBars'] : ['warmupBars', 'compute']) {
    if (typeof value[key] !== 'function') violations.push({ field: field(key), rule: 'must be a function' });
  }
  if (!defined && value['crossRules'] !== undefined && typeof value['crossRules'] !== 'function') {
    violations.push({ field: field('crossRules'), rule: 'must be a function when given' });
  }
  for (const key of ['warmupParameters', 'contractParameterSets']) {
    if (value[key] !== undefined && !Array.isArray(value[key])) {
      violations.push({ field: field(key), rule: 'must be a list when given' });
    }
  }
  const [known, unknownRule] = defined
    ? [STRATEGY_KEYS, 'is not part of a strategy']
    : [DEFINITION_KEYS, `is not part of a strategy definition ${DEFINITION_SHAPE}`];
  violations.push(...unknownKeyViolations(value, known, entry, unknownRule));
  return violations;
}

/** Each parameter as `GET /api/strategies` describes it, with its default within its bounds. */
function parameterViolations(parameters: unknown[], at: string): FieldViolation[] {
  const seen = new Set<string>();
  return parameters.flatMap((parameter, index): FieldViolation[] => {
    const field = (name: string) => `${at}[${index}].${name}`;
    const checked = check(strategyParameterDescriptionSchema, parameter, {
      fieldName: (path) => `${at}[${index}]${path ? `.${path}` : ''}`,
    });
    if (!checked.success) return checked.violations;
    const { name, min, max, default: fallback } = checked.data;
    // Parameters become the keys of a plain object: a repeated or inherited name would silently merge.
    if (seen.has(name) || name === '__proto__' || name === 'constructor' || name === 'prototype') {
      return [
        { field: field('name'), rule: `must be a name no other parameter has (got ${JSON.stringify(name)})` },
      ];
    }
    seen.add(name);
    if (min > max) return [{ field: field('min'), rule: `must be at most max (got min ${min}, max ${max})` }];
    if (min <= fallback && fallback <= max) return [];
    return [{ field: field('default'), rule: `must lie within min and max (got ${fallback})` }];
  });
}

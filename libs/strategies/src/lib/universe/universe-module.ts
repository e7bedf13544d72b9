import { AetherError, type BarSeries, type FieldViolation } from '@aetherquant/core';
import { type FenceKind, fencedMembers } from '../registry/code-fence';
import { isSentence, moduleEntries, nameViolations, unknownKeyViolations } from '../registry/module-entries';
import {
  isUniverseStrategy,
  UNIVERSE_STRATEGY_KEYS,
  type UniverseStrategy,
  universeTargetsProblem,
} from './universe-strategy';

/**
 * The universe strategies of a strategy module (its default export, one strategy or a list, as
 * `strategiesOfModule` reads it): those made with `defineUniverseStrategy`, each {@link guardUniverseStrategy
 * guarded}; single-asset entries are left to `strategiesOfModule`. A universe strategy with keys it should not
 * have, a bad name or description is an INVALID_ARGUMENT naming the module.
 */
export function universeStrategiesOfModule(moduleExports: unknown, source: string): UniverseStrategy[] {
  const violations: FieldViolation[] = [];
  const strategies: UniverseStrategy[] = [];
  for (const entry of moduleEntries(moduleExports)) {
    const { value: strategy, field } = entry;
    if (!isUniverseStrategy(strategy)) continue;
    violations.push(...nameViolations(strategy.name, field('name')));
    if (!isSentence(strategy.description)) {
      violations.push({ field: field('description'), rule: 'must be a sentence' });
    }
    violations.push(
      ...unknownKeyViolations(strategy, UNIVERSE_STRATEGY_KEYS, entry, 'is not part of a universe strategy'),
    );
    strategies.push(strategy);
  }
  if (violations.length > 0) throw AetherError.invalid(violations, `strategy module ${source}`);
  return strategies.map((strategy) => guardUniverseStrategy(strategy, source));
}

/**
 * `strategy` with its code fenced off, as `guardStrategy` fences a single-asset one: what it throws (other
 * than an AetherError) is an INVALID_ARGUMENT naming it and `source`, as is a warm-up that is not a whole
 * number of bars, or targets that are not finite in [-1, 1] with a gross exposure of at most 1 on every bar.
 */
export function guardUniverseStrategy(strategy: UniverseStrategy, source: string): UniverseStrategy {
  return Object.freeze({ ...strategy, ...fencedMembers(strategy, source, UNIVERSE_FENCE) });
}

const UNIVERSE_FENCE: FenceKind<readonly BarSeries[], readonly Float64Array[], Float64Array[]> = {
  seriesOf: (universe) => universe,
  unwritten: (universe, out) =>
    (out ?? universe.map((series) => new Float64Array(series.length))).map((column) =>
      column.fill(Number.NaN),
    ),
  targetsProblem: universeTargetsProblem,
};
